//! "Exempt": a category, an expiry (none, or a date after today), and a justification, which
//! Azure requires to be said; and where it applies (the finding's resource, or the cluster).

use super::{Date, FieldError, FormField};
use crate::domain::exemptions::Category;

/// The fields of the Exempt form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExemptField {
    Category,
    Scope,
    Expiry,
    Justification,
}

impl FormField for ExemptField {
    fn id(self) -> &'static str {
        match self {
            ExemptField::Category => "exempt-category",
            ExemptField::Scope => "exempt-scope",
            ExemptField::Expiry => "exempt-expiry",
            ExemptField::Justification => "exempt-justification",
        }
    }
}

/// Where the exemption is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExemptScope {
    /// Each finding's own resource (a container, or the cluster for cluster checks).
    Resource,
    /// The whole cluster: every resource of it with this recommendation.
    Cluster,
}

/// What the user typed, kept as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptForm {
    pub category: Category,
    pub scope: ExemptScope,
    /// `YYYY-MM-DD`, or empty for no expiry.
    pub expiry: String,
    pub justification: String,
}

impl ExemptForm {
    /// A form with Risk accepted and an expiry 90 days out: an exemption should be reviewed.
    pub fn new(today: Date) -> ExemptForm {
        ExemptForm {
            category: Category::Waiver,
            scope: ExemptScope::Resource,
            expiry: today.plus_days(90).to_string(),
            justification: String::new(),
        }
    }
}

/// A validated exemption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptPlan {
    pub category: Category,
    pub scope: ExemptScope,
    /// Midnight UTC, or `None` for no expiry.
    pub expires_on: Option<String>,
    pub justification: String,
}

impl ExemptForm {
    /// Checks the form against `today`; every problem at once.
    pub fn validate(&self, today: Date) -> Result<ExemptPlan, Vec<FieldError<ExemptField>>> {
        let mut errors = Vec::new();
        let expires_on = match self.expiry.trim() {
            "" => None,
            text => match Date::parse(text) {
                Some(d) if d > today => Some(d.midnight_utc()),
                Some(_) => {
                    errors.push(FieldError::new(
                        ExemptField::Expiry,
                        "The expiry must be after today.",
                    ));
                    None
                }
                None => {
                    errors.push(FieldError::new(
                        ExemptField::Expiry,
                        "Enter a valid date, or leave it empty for no expiry.",
                    ));
                    None
                }
            },
        };
        let justification = self.justification.trim();
        if justification.len() < 10 {
            errors.push(FieldError::new(
                ExemptField::Justification,
                "Say why in a sentence: who reviews exemptions reads it (at least 10 characters).",
            ));
        }
        match errors.is_empty() {
            true => Ok(ExemptPlan {
                category: self.category,
                scope: self.scope,
                expires_on,
                justification: justification.to_string(),
            }),
            false => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_justification_is_required_and_the_expiry_is_after_today_or_none() {
        let today = Date::parse("2026-11-28").unwrap();
        let mut form = ExemptForm::new(today);
        assert_eq!(form.expiry, "2027-02-26");
        let fields: Vec<ExemptField> = form
            .validate(today)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [ExemptField::Justification]);
        form.justification = "Microsoft-managed image, patched by the platform".into();
        form.expiry = "2026-11-28".into();
        let fields: Vec<ExemptField> = form
            .validate(today)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [ExemptField::Expiry]);
        form.expiry = String::new();
        let plan = form.validate(today).unwrap();
        assert_eq!((plan.expires_on, plan.category), (None, Category::Waiver));
    }
}
