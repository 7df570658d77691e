//! "Assign owner": who remediates, by when, with what grace and reminders (a governance
//! assignment per recommendation).

use super::{Date, FieldError, FormField};
use crate::domain::{Assignment, Eta};

/// The remediation due date: a preset number of days from today, or a chosen date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    Days(u32),
    /// `YYYY-MM-DD`, as the date input gives it (may be empty or invalid until validated).
    Date(String),
}

/// The fields of the Assign owner form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerField {
    Owner,
    /// The group of due-date choices (presets or a date).
    Due,
    /// The chosen date, when the choice is "A date".
    DueDate,
    /// The owner's remediation ETA (optional).
    Eta,
    /// Why the ETA is what it is (required with an ETA).
    EtaJustification,
}

impl FormField for OwnerField {
    fn id(self) -> &'static str {
        match self {
            OwnerField::Owner => "owner-email",
            OwnerField::Due => "owner-due",
            OwnerField::DueDate => "owner-due-date",
            OwnerField::Eta => "owner-eta",
            OwnerField::EtaJustification => "owner-eta-justification",
        }
    }
}

/// The presets the portal offers.
pub const DUE_PRESETS: [u32; 4] = [7, 14, 30, 90];

/// What the user typed, kept as typed so a failed request loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerForm {
    pub owner: String,
    pub due: Due,
    /// Secure score is not affected until the due date passes.
    pub grace_period: bool,
    /// Weekly e-mail to the owner about open and overdue tasks.
    pub remind_owner: bool,
    /// Weekly e-mail to the owner's manager about overdue tasks.
    pub remind_manager: bool,
    /// `YYYY-MM-DD`, or empty for no ETA.
    pub eta: String,
    pub eta_justification: String,
    /// The ETA the assignment being changed has (ISO 8601, as Azure sent it): kept as it is
    /// when its day is not changed, even when past (an old ETA must not block changing the owner).
    pub eta_was: String,
}

impl Default for OwnerForm {
    fn default() -> Self {
        OwnerForm {
            owner: String::new(),
            due: Due::Days(30),
            grace_period: true,
            remind_owner: true,
            remind_manager: true,
            eta: String::new(),
            eta_justification: String::new(),
            eta_was: String::new(),
        }
    }
}

/// A validated assignment, ready to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerPlan {
    pub owner: String,
    /// Midnight UTC of the due date.
    pub due_date: String,
    pub grace_period: bool,
    pub remind_owner: bool,
    pub remind_manager: bool,
    /// The remediation ETA (midnight UTC) and its justification.
    pub eta: Option<Eta>,
}

impl OwnerForm {
    /// Checks the form against `today`; every problem is reported at once.
    pub fn validate(&self, today: Date) -> Result<OwnerPlan, Vec<FieldError<OwnerField>>> {
        let mut errors = Vec::new();
        let owner = self.owner.trim();
        if !is_email(owner) {
            errors.push(FieldError::new(
                OwnerField::Owner,
                "Enter the owner's e-mail address, e.g. maria@contoso.com.",
            ));
        }
        let due = match &self.due {
            Due::Days(n) => Some(today.plus_days(i64::from(*n))),
            Due::Date(text) => match Date::parse(text) {
                Some(d) if d > today => Some(d),
                Some(_) => {
                    errors.push(FieldError::new(
                        OwnerField::DueDate,
                        "The due date must be after today.",
                    ));
                    None
                }
                None => {
                    errors.push(FieldError::new(OwnerField::DueDate, "Choose a due date."));
                    None
                }
            },
        };
        let eta = self.validate_eta(today, &mut errors);
        match (errors.is_empty(), due) {
            (true, Some(due)) => Ok(OwnerPlan {
                eta,
                owner: owner.to_string(),
                due_date: due.midnight_utc(),
                grace_period: self.grace_period,
                remind_owner: self.remind_owner,
                remind_manager: self.remind_manager,
            }),
            _ => Err(errors),
        }
    }
}

impl OwnerForm {
    /// The form for changing `current`: everything as it is now.
    pub fn from_assignment(current: &Assignment) -> OwnerForm {
        let day = |iso: &str| iso.get(..10).unwrap_or_default().to_string();
        OwnerForm {
            owner: current.owner.clone(),
            due: Due::Date(day(&current.due_date)),
            grace_period: current.grace_period,
            remind_owner: current.remind_owner,
            remind_manager: current.remind_manager,
            eta: current
                .eta
                .as_ref()
                .map(|e| day(&e.date))
                .unwrap_or_default(),
            eta_was: current
                .eta
                .as_ref()
                .map(|e| e.date.clone())
                .unwrap_or_default(),
            eta_justification: current
                .eta
                .as_ref()
                .map(|e| e.justification.clone())
                .unwrap_or_default(),
        }
    }

    /// The ETA, when one is given: a date from today on, with a justification (the API requires
    /// both together).
    fn validate_eta(&self, today: Date, errors: &mut Vec<FieldError<OwnerField>>) -> Option<Eta> {
        let text = self.eta.trim();
        let justification = self.eta_justification.trim();
        if text.is_empty() {
            if !justification.is_empty() {
                errors.push(FieldError::new(
                    OwnerField::Eta,
                    "Choose the ETA the justification is for, or clear the justification.",
                ));
            }
            return None;
        }
        let unchanged = self.eta_was.get(..10) == Some(text);
        let date = match Date::parse(text) {
            Some(d) if d >= today || unchanged => Some(d),
            Some(_) => {
                errors.push(FieldError::new(
                    OwnerField::Eta,
                    "The ETA cannot be in the past.",
                ));
                None
            }
            None => {
                errors.push(FieldError::new(OwnerField::Eta, "Enter a valid date."));
                None
            }
        };
        if justification.is_empty() {
            errors.push(FieldError::new(
                OwnerField::EtaJustification,
                "Say why the remediation needs until then.",
            ));
        }
        date.filter(|_| !justification.is_empty()).map(|d| Eta {
            date: match unchanged {
                true => self.eta_was.clone(),
                false => d.midnight_utc(),
            },
            justification: justification.to_string(),
        })
    }
}

/// A plausible e-mail address: one `@`, a local part, a dotted domain, no spaces or markup.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let clean = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| !c.is_whitespace() && !"<>()[]\\,;:\"@".contains(c))
    };
    clean(local)
        && clean(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-22").unwrap()
    }

    #[test]
    fn a_preset_counts_days_from_today() {
        let form = OwnerForm {
            owner: " maria.kowalski@contoso.com ".into(),
            due: Due::Days(14),
            ..OwnerForm::default()
        };
        let plan = form.validate(today()).unwrap();
        assert_eq!(plan.owner, "maria.kowalski@contoso.com");
        assert_eq!(plan.due_date, "2026-12-06T00:00:00.000Z");
        assert!(plan.grace_period && plan.remind_owner && plan.remind_manager);
    }

    #[test]
    fn reports_every_problem_at_once() {
        let form = OwnerForm {
            owner: "maria".into(),
            due: Due::Date("2026-11-22".into()),
            ..OwnerForm::default()
        };
        let errors = form.validate(today()).unwrap_err();
        let fields: Vec<OwnerField> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [OwnerField::Owner, OwnerField::DueDate]);
    }

    #[test]
    fn knows_an_email_when_it_sees_one() {
        for good in ["a@b.co", "first.last+tag@sub.contoso.com"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "", "a@b", "@b.co", "a@.co", "a b@c.co", "<a>@b.co", "a@b.co.", "a@@b.co",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn an_eta_needs_a_justification_and_a_past_one_only_when_unchanged() {
        let mut form = OwnerForm {
            owner: "maria@contoso.com".into(),
            eta: "2026-12-12".into(),
            ..OwnerForm::default()
        };
        let fields: Vec<OwnerField> = form
            .validate(today())
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [OwnerField::EtaJustification]);
        form.eta_justification = "Maintenance window".into();
        let plan = form.validate(today()).unwrap();
        assert_eq!(plan.eta.unwrap().date, "2026-12-12T00:00:00.000Z");
        form.eta = "2022-01-08".into();
        assert!(form.validate(today()).is_err(), "a new ETA in the past");
        form.eta_was = "2022-01-08T13:00:00.0000000Z".into();
        let plan = form.validate(today()).unwrap();
        assert_eq!(
            plan.eta.unwrap().date,
            "2022-01-08T13:00:00.0000000Z",
            "sent back as it was"
        );
    }
}
