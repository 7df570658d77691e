//! Wire → domain for what the actions read back: suppression rules, scope choices of an alert.

use crate::arm::models::AlertsSuppressionRule;
use crate::domain::Alert;
use crate::domain::actions::{ScopeChoice, SuppressionReason, SuppressionRule};
use serde_json::Value;

/// One existing rule, its conditions as readable sentences.
pub fn suppression_rule(wire: &AlertsSuppressionRule) -> SuppressionRule {
    let p = &wire.properties;
    let conditions = p
        .suppression_alerts_scope
        .iter()
        .flat_map(|s| &s.all_of)
        .map(|element| {
            let field = element.get("field").and_then(Value::as_str).unwrap_or("?");
            let tests: Vec<String> = element
                .iter()
                .filter(|(k, _)| *k != "field")
                .map(|(op, v)| match v {
                    Value::Array(items) => format!(
                        "{op} {}",
                        items.iter().map(value_text).collect::<Vec<_>>().join(", ")
                    ),
                    other => format!("{op} {}", value_text(other)),
                })
                .collect();
            format!("{field} {}", tests.join(" and "))
        })
        .collect();
    SuppressionRule {
        name: wire.name.clone(),
        reason: SuppressionReason::parse(&p.reason),
        state: p.state.clone(),
        expiry: p.expiration_date_utc.clone().unwrap_or_default(),
        comment: p.comment.clone().unwrap_or_default(),
        conditions,
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

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
