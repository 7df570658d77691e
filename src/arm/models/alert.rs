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

/// `AlertProperties`. REST sends camelCase; Resource Graph rows carry the same members in
/// PascalCase (`properties.Status`, `ResourceIdentifiers[].AzureResourceId`: API.md §8.2,
/// CONFIRMED), so each member also answers to its PascalCase name: one model, not two twins
/// that would drift. Text fields come from attackers (command lines, pod names): they are data,
/// rendered as text only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlertProperties {
    #[serde(default)]
    #[serde(alias = "AlertType")]
    pub alert_type: String,
    #[serde(default)]
    #[serde(alias = "SystemAlertId")]
    pub system_alert_id: String,
    #[serde(default)]
    #[serde(alias = "AlertDisplayName")]
    pub alert_display_name: String,
    #[serde(default)]
    #[serde(alias = "Description")]
    pub description: String,
    /// Informational | Low | Medium | High.
    #[serde(alias = "Severity")]
    pub severity: String,
    #[serde(default)]
    #[serde(alias = "Intent")]
    pub intent: String,
    #[serde(default)]
    #[serde(alias = "StartTimeUtc")]
    pub start_time_utc: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(alias = "EndTimeUtc")]
    pub end_time_utc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(alias = "TimeGeneratedUtc")]
    pub time_generated_utc: Option<String>,
    #[serde(default)]
    #[serde(alias = "ResourceIdentifiers")]
    pub resource_identifiers: Vec<ResourceIdentifier>,
    #[serde(default)]
    #[serde(alias = "RemediationSteps")]
    pub remediation_steps: Vec<String>,
    /// Active | InProgress | Resolved | Dismissed.
    #[serde(alias = "Status")]
    pub status: String,
    #[serde(default)]
    #[serde(alias = "AlertUri")]
    pub alert_uri: String,
    #[serde(default)]
    #[serde(alias = "CompromisedEntity")]
    pub compromised_entity: String,
    #[serde(default)]
    #[serde(alias = "Entities")]
    pub entities: Vec<serde_json::Value>,
    #[serde(default)]
    #[serde(alias = "Techniques")]
    pub techniques: Vec<String>,
    #[serde(default)]
    #[serde(alias = "SubTechniques")]
    pub sub_techniques: Vec<String>,
    #[serde(default)]
    #[serde(alias = "ExtendedProperties")]
    pub extended_properties: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    #[serde(alias = "ExtendedLinks")]
    pub extended_links: Vec<serde_json::Map<String, serde_json::Value>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `ResourceIdentifier`, discriminated by `type`: `AzureResource` or `LogAnalytics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceIdentifier {
    #[serde(rename = "type", alias = "Type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(alias = "AzureResourceId")]
    pub azure_resource_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}
