//! "Create suppression rule" from an alert: future alerts of the same type whose entities match
//! the ticked conditions are dismissed automatically until the rule expires.

use super::{Date, FieldError, FormField};
use crate::domain::Alert;

/// Why alerts are suppressed. The API takes a free string; these are the values the dashboard
/// offers (the official example uses `FalsePositive`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionReason {
    FalsePositive,
    ExpectedActivity,
    NotRelevant,
    Other,
}

impl SuppressionReason {
    pub const ALL: [SuppressionReason; 4] = [
        SuppressionReason::FalsePositive,
        SuppressionReason::ExpectedActivity,
        SuppressionReason::NotRelevant,
        SuppressionReason::Other,
    ];

    /// The value sent as `reason`.
    pub fn wire(self) -> &'static str {
        match self {
            SuppressionReason::FalsePositive => "FalsePositive",
            SuppressionReason::ExpectedActivity => "ExpectedActivity",
            SuppressionReason::NotRelevant => "NotRelevant",
            SuppressionReason::Other => "Other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SuppressionReason::FalsePositive => "Detection is a false positive",
            SuppressionReason::ExpectedActivity => "Expected activity (benign positive)",
            SuppressionReason::NotRelevant => "Alert is not relevant to this cluster",
            SuppressionReason::Other => "Other (explain in the comment)",
        }
    }

    pub fn parse(wire: &str) -> SuppressionReason {
        SuppressionReason::ALL
            .into_iter()
            .find(|r| r.wire() == wire)
            .unwrap_or(SuppressionReason::Other)
    }
}

/// The fields of the Create suppression rule form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionField {
    Name,
    AlertType,
    Scope,
    Reason,
    Expiry,
    Comment,
}

impl FormField for SuppressionField {
    fn id(self) -> &'static str {
        match self {
            SuppressionField::Name => "rule-name",
            SuppressionField::AlertType => "rule-type",
            SuppressionField::Scope => "rule-scope",
            SuppressionField::Reason => "rule-reason",
            SuppressionField::Expiry => "rule-expiry",
            SuppressionField::Comment => "rule-comment",
        }
    }
}

/// One condition the user can tick: an alert entity field and the value it must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeChoice {
    /// `entities.<type>.<property>`, lower case as the API's examples write it.
    pub field: String,
    pub value: String,
    /// `contains` (a substring) instead of `in` (an exact value).
    pub contains: bool,
    /// What the user reads: "Cluster aks-prod", "K8s-pod payments-api-…".
    pub label: String,
}

impl ScopeChoice {
    /// The condition as the rule states it: `entities.ip.address in 10.0.0.1`.
    pub fn sentence(&self) -> String {
        let operator = if self.contains { "contains" } else { "in" };
        format!("{} {operator} {}", self.field, self.value)
    }
}

/// The conditions a rule for `alert` can match on: the cluster first (always relevant), then
/// each related entity that has an identifying value.
pub fn scope_choices(alert: &Alert, cluster_id: &str, cluster_name: &str) -> Vec<ScopeChoice> {
    let mut choices = vec![ScopeChoice {
        field: "entities.azureresource.resourceid".into(),
        value: cluster_id.to_string(),
        contains: true,
        label: format!("This cluster ({cluster_name})"),
    }];
    for e in &alert.entities {
        if e.name.is_empty() || e.field.is_empty() || e.field == "ResourceId" {
            continue;
        }
        let field = format!(
            "entities.{}.{}",
            e.kind.to_ascii_lowercase(),
            e.field.to_ascii_lowercase()
        );
        if choices
            .iter()
            .any(|c| c.field == field && c.value == e.name)
        {
            continue;
        }
        choices.push(ScopeChoice {
            label: format!("{} {}", e.kind, e.name),
            field,
            value: e.name.clone(),
            contains: false,
        });
    }
    choices
}

/// An existing rule, as the alert pane lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressionRule {
    pub name: String,
    pub reason: SuppressionReason,
    /// Enabled, Disabled or Expired.
    pub state: String,
    /// ISO 8601 UTC, or empty for no expiry.
    pub expiry: String,
    pub comment: String,
    /// Each condition as a sentence: `entities.ip.address in 10.0.0.1`.
    pub conditions: Vec<String>,
}

/// The form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressionForm {
    pub name: String,
    pub alert_type: String,
    /// Every condition offered, with whether it is ticked.
    pub scope: Vec<(ScopeChoice, bool)>,
    pub reason: SuppressionReason,
    /// `YYYY-MM-DD`, or empty for no expiry.
    pub expiry: String,
    pub comment: String,
}

/// A validated rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressionPlan {
    pub name: String,
    pub alert_type: String,
    pub scope: Vec<ScopeChoice>,
    pub reason: SuppressionReason,
    /// Midnight UTC, or `None` for no expiry.
    pub expiry: Option<String>,
    pub comment: String,
}

impl SuppressionForm {
    /// A form for an alert: the rule is named after the alert type, the first condition (the
    /// cluster) is ticked, and the rule expires in 30 days.
    pub fn for_alert(alert_type: &str, scope: Vec<ScopeChoice>, today: Date) -> SuppressionForm {
        let name: String = format!("suppress-{alert_type}")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .take(80)
            .collect();
        SuppressionForm {
            name,
            alert_type: alert_type.to_string(),
            scope: scope
                .into_iter()
                .enumerate()
                .map(|(i, c)| (c, i == 0))
                .collect(),
            reason: SuppressionReason::FalsePositive,
            expiry: today.plus_days(30).to_string(),
            comment: String::new(),
        }
    }

    /// Checks the form against `today`.
    pub fn validate(
        &self,
        today: Date,
    ) -> Result<SuppressionPlan, Vec<FieldError<SuppressionField>>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty()
            || name.len() > 80
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            errors.push(FieldError::new(
                SuppressionField::Name,
                "Use 1–80 letters, digits, - or _ (the name is part of the rule's URL).",
            ));
        }
        let scope: Vec<ScopeChoice> = self
            .scope
            .iter()
            .filter(|(_, on)| *on)
            .map(|(c, _)| c.clone())
            .collect();
        if scope.is_empty() {
            errors.push(FieldError::new(
                SuppressionField::Scope,
                "Tick at least one condition: a rule without one would suppress this alert type on \
                 every resource of the subscription.",
            ));
        }
        let expiry = match self.expiry.trim() {
            "" => None,
            text => match Date::parse(text) {
                Some(d) if d > today => Some(d.midnight_utc()),
                Some(_) => {
                    errors.push(FieldError::new(
                        SuppressionField::Expiry,
                        "The expiry date must be after today.",
                    ));
                    None
                }
                None => {
                    errors.push(FieldError::new(
                        SuppressionField::Expiry,
                        "Enter a valid date, or leave it empty for no expiry.",
                    ));
                    None
                }
            },
        };
        if self.reason == SuppressionReason::Other && self.comment.trim().is_empty() {
            errors.push(FieldError::new(
                SuppressionField::Comment,
                "Say why in the comment.",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SuppressionPlan {
            name: name.to_string(),
            alert_type: self.alert_type.clone(),
            scope,
            reason: self.reason,
            expiry,
            comment: self.comment.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(field: &str, value: &str) -> ScopeChoice {
        ScopeChoice {
            field: field.into(),
            value: value.into(),
            contains: false,
            label: value.into(),
        }
    }

    #[test]
    fn starts_with_the_cluster_ticked_and_a_safe_name() {
        let today = Date::parse("2026-11-22").unwrap();
        let form = SuppressionForm::for_alert(
            "K8S_Privileged.Container",
            vec![
                choice("entities.azureresource.resourceid", "/sub/x"),
                choice("entities.k8s-pod.name", "p"),
            ],
            today,
        );
        assert_eq!(form.name, "suppress-K8S_Privileged-Container");
        assert_eq!(form.expiry, "2026-12-22");
        let plan = form.validate(today).unwrap();
        assert_eq!(plan.scope.len(), 1);
        assert_eq!(plan.expiry.as_deref(), Some("2026-12-22T00:00:00.000Z"));
    }

    #[test]
    fn refuses_a_rule_without_conditions_or_with_a_bad_name() {
        let today = Date::parse("2026-11-22").unwrap();
        let mut form = SuppressionForm::for_alert("K8S_X", vec![choice("f", "v")], today);
        form.scope[0].1 = false;
        form.name = "a/b".into();
        form.expiry = "2026-11-01".into();
        form.reason = SuppressionReason::Other;
        let fields: Vec<SuppressionField> = form
            .validate(today)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                SuppressionField::Name,
                SuppressionField::Scope,
                SuppressionField::Expiry,
                SuppressionField::Comment
            ]
        );
    }
}
