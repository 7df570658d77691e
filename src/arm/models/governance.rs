//! Governance assignments (Assign owner), api-version 2022-01-01-preview.

use super::Extra;
use serde::{Deserialize, Serialize};

/// `GovernanceAssignment`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GovernanceAssignment {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: GovernanceAssignmentProperties,
}

/// `GovernanceAssignmentProperties`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GovernanceAssignmentProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub remediation_due_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation_eta: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_grace_period: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governance_email_notification: Option<GovernanceEmailNotification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<serde_json::Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Weekly e-mail reminders to the owner and the owner's manager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GovernanceEmailNotification {
    #[serde(default)]
    pub disable_manager_email_notification: bool,
    #[serde(default)]
    pub disable_owner_email_notification: bool,
}

/// A Resource Graph row of the owners query: the assignment, and the assessment it belongs to
/// (lower case, from its id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnerRow {
    #[serde(rename = "assessmentId", default)]
    pub assessment_id: String,
    #[serde(flatten)]
    pub assignment: GovernanceAssignment,
}
