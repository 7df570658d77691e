//! Wire → domain for what the actions read back: suppression rules.

use crate::arm::models::AlertsSuppressionRule;
use crate::domain::actions::{SuppressionReason, SuppressionRule};
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

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
