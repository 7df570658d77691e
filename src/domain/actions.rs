//! What the user can do to findings, as pure data: the forms (with their validation), the Quick
//! Fix catalog, the preview of a request, and the outcome of a bulk run. Building the ARM
//! requests from these is `crate::arm::actions`; sending them is `crate::state::actions`.

pub mod activity;
pub mod bulk;
pub mod date;
pub mod owner;
pub mod preview;
pub mod quick_fix;
pub mod settings;
pub mod suppression;

pub use activity::ActivityEntry;
pub use bulk::{BulkOutcome, ItemResult};
pub use date::Date;
pub use owner::{Due, OwnerForm, OwnerPlan};
pub use preview::RequestPreview;
pub use quick_fix::{FieldChange, Fix, FixInput};
pub use settings::{ClusterSettings, SettingsChoice};
pub use suppression::{
    ScopeChoice, SuppressionForm, SuppressionPlan, SuppressionReason, SuppressionRule,
};

/// A form field that needs the user's attention, and why (shown beside the field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// The message for `field` among `errors`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}
