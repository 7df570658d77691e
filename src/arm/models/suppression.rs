//! Alert suppression rules, api-version 2019-01-01-preview.

use super::Extra;
use serde::{Deserialize, Serialize};

/// `AlertsSuppressionRule`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertsSuppressionRule {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub properties: AlertsSuppressionRuleProperties,
}

/// `AlertsSuppressionRuleProperties`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlertsSuppressionRuleProperties {
    pub alert_type: String,
    #[serde(default)]
    pub reason: String,
    /// Enabled | Disabled | Expired.
    #[serde(default)]
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date_utc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression_alerts_scope: Option<SuppressionAlertsScope>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `SuppressionAlertsScope`: every element must match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SuppressionAlertsScope {
    #[serde(default)]
    pub all_of: Vec<serde_json::Map<String, serde_json::Value>>,
}
