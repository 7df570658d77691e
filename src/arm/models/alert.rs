//! Security alerts, api-version 2022-01-01.

use super::Extra;
use serde::{Deserialize, Serialize};

/// `Alert` (type `Microsoft.Security/Locations/alerts`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: AlertProperties,
}

/// `AlertProperties`. Text fields come from attackers (command lines, pod names): they are data,
/// rendered as text only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlertProperties {
    #[serde(default)]
    pub alert_type: String,
    #[serde(default)]
    pub system_alert_id: String,
    #[serde(default)]
    pub alert_display_name: String,
    #[serde(default)]
    pub description: String,
    /// Informational | Low | Medium | High.
    pub severity: String,
    #[serde(default)]
    pub intent: String,
    #[serde(default)]
    pub start_time_utc: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time_utc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_generated_utc: Option<String>,
    #[serde(default)]
    pub resource_identifiers: Vec<ResourceIdentifier>,
    #[serde(default)]
    pub remediation_steps: Vec<String>,
    /// Active | InProgress | Resolved | Dismissed.
    pub status: String,
    #[serde(default)]
    pub alert_uri: String,
    #[serde(default)]
    pub compromised_entity: String,
    #[serde(default)]
    pub entities: Vec<serde_json::Value>,
    #[serde(default)]
    pub techniques: Vec<String>,
    #[serde(default)]
    pub sub_techniques: Vec<String>,
    #[serde(default)]
    pub extended_properties: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    pub extended_links: Vec<serde_json::Map<String, serde_json::Value>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `ResourceIdentifier`, discriminated by `type`: `AzureResource` or `LogAnalytics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceIdentifier {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_resource_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}
