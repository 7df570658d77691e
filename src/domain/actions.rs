//! What the user can do to findings, as pure data: the forms (with their validation), the Quick
//! Fix catalog, the preview of a request, and the outcome of a bulk run. Building the ARM
//! requests from these is `crate::arm::actions`; sending them is `crate::state::actions`.

pub mod activity;
pub mod bulk;
pub mod date;
pub mod exempt;
pub mod owner;
pub mod preview;
pub mod quick_fix;
pub mod settings;
pub mod suppression;

pub use activity::ActivityEntry;
pub use bulk::{BulkOutcome, ItemResult};
pub use date::Date;
pub use exempt::{ExemptField, ExemptForm, ExemptPlan, ExemptScope};
pub use owner::{Due, OwnerField, OwnerForm, OwnerPlan};
pub use preview::RequestPreview;
pub use quick_fix::{FieldChange, Fix, FixField, FixInput};
pub use settings::{ClusterSettings, SettingsChoice};
pub use suppression::{
    ScopeChoice, SuppressionField, SuppressionForm, SuppressionPlan, SuppressionReason,
    SuppressionRule,
};

/// A form's fields, named once. Validation reports problems by field and the UI derives each
/// input's id (and its error's and hint's) from the field, so a misspelt field is a compile
/// error, not an error message that never shows.
pub trait FormField: Copy + Eq + std::fmt::Debug + Send + Sync + 'static {
    /// The field's stable name; the page uses it as the input's id.
    fn id(self) -> &'static str;
}

/// A form field that needs the user's attention, and why (shown beside the field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub message: String,
}

impl<F: FormField> FieldError<F> {
    pub fn new(field: F, message: impl Into<String>) -> FieldError<F> {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// The message for `field` among `errors`, if any.
pub fn error_for<F: FormField>(errors: &[FieldError<F>], field: F) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}
