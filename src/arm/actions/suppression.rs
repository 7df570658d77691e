//! Alert suppression rules (subscription scope), api-version 2019-01-01-preview.

use super::Planned;
use crate::arm::endpoints::SUB_ASSESSMENTS_API as SUPPRESSION_API;
use crate::arm::transport::Method;
use crate::domain::actions::SuppressionPlan;
use crate::domain::links::encode;
use serde_json::{Map, Value, json};

/// `GET` the rules for one alert type.
pub fn list_for_type(subscription_id: &str, alert_type: &str) -> String {
    format!(
        "/subscriptions/{subscription_id}/providers/Microsoft.Security/alertsSuppressionRules?\
         api-version={SUPPRESSION_API}&AlertType={}",
        encode(alert_type)
    )
}

/// `PUT` a rule.
pub fn create(subscription_id: &str, plan: &SuppressionPlan) -> Planned {
    let all_of: Vec<Value> = plan
        .scope
        .iter()
        .map(|c| {
            let mut element = Map::new();
            element.insert("field".into(), json!(c.field));
            match c.contains {
                true => element.insert("contains".into(), json!(c.value)),
                false => element.insert("in".into(), json!([c.value])),
            };
            Value::Object(element)
        })
        .collect();
    let mut properties = json!({
        "alertType": plan.alert_type,
        "state": "Enabled",
        "reason": plan.reason.wire(),
        "suppressionAlertsScope": { "allOf": all_of },
    });
    if let Some(expiry) = &plan.expiry {
        properties["expirationDateUtc"] = json!(expiry);
    }
    if !plan.comment.is_empty() {
        properties["comment"] = json!(plan.comment);
    }
    Planned::new(
        Method::Put,
        format!(
            "/subscriptions/{subscription_id}/providers/Microsoft.Security/alertsSuppressionRules/\
             {}?api-version={SUPPRESSION_API}",
            plan.name
        ),
        Some(json!({ "properties": properties })),
    )
}
