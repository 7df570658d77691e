//! Regulatory compliance (standards → controls → assessments), api-version 2019-01-01-preview.

use super::Extra;
use serde::{Deserialize, Serialize};

/// Passed | Failed | Skipped | Unsupported.
pub type ComplianceState = String;

/// `RegulatoryComplianceStandard`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceStandard {
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: StandardProperties,
}

/// `RegulatoryComplianceStandardProperties`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardProperties {
    #[serde(default)]
    pub state: ComplianceState,
    #[serde(default)]
    pub passed_controls: u32,
    #[serde(default)]
    pub failed_controls: u32,
    #[serde(default)]
    pub skipped_controls: u32,
    #[serde(default)]
    pub unsupported_controls: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `RegulatoryComplianceControl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceControl {
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: ControlProperties,
}

/// `RegulatoryComplianceControlProperties`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ControlProperties {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub state: ComplianceState,
    #[serde(default)]
    pub passed_assessments: u32,
    #[serde(default)]
    pub failed_assessments: u32,
    #[serde(default)]
    pub skipped_assessments: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `RegulatoryComplianceAssessment`; its `name` is the assessment key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceAssessment {
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: ComplianceAssessmentProperties,
}

/// `RegulatoryComplianceAssessmentProperties`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ComplianceAssessmentProperties {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub assessment_type: String,
    #[serde(default)]
    pub assessment_details_link: String,
    #[serde(default)]
    pub state: ComplianceState,
    #[serde(default)]
    pub passed_resources: u32,
    #[serde(default)]
    pub failed_resources: u32,
    #[serde(default)]
    pub skipped_resources: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Resource Graph row of the compliance query (`arm::queries`): one (standard, control,
/// assessment key) of the subscription whose key the cluster has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ComplianceRow {
    pub id: String,
    #[serde(default)]
    pub standard: String,
    #[serde(default)]
    pub control: String,
    #[serde(default)]
    pub control_description: String,
    #[serde(default)]
    pub assessment_key: String,
    #[serde(default)]
    pub state: ComplianceState,
}
