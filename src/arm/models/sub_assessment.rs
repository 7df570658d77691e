//! Sub-assessments (vulnerability findings), api-version 2019-01-01-preview.

use super::Extra;
use super::assessment::ResourceDetails;
use serde::{Deserialize, Serialize};

/// `SecuritySubAssessment`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubAssessment {
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: SubAssessmentProperties,
}

/// `SecuritySubAssessmentProperties`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubAssessmentProperties {
    /// The vulnerability id: a CVE id for container findings.
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub display_name: String,
    pub status: SubAssessmentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_generated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_details: Option<ResourceDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<SubAssessmentAdditionalData>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `SubAssessmentStatus`, which carries the finding's severity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubAssessmentStatus {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
}

/// `AdditionalData`, discriminated by `assessedResourceType`. The swagger variants
/// (ContainerRegistryVulnerability, ServerVulnerability, SqlServerVulnerability) and the MDVM
/// `AzureContainerRegistryVulnerability` shape documented by Microsoft share one struct: every
/// member is optional and anything else stays in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubAssessmentAdditionalData {
    pub assessed_resource_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vulnerability_details: Option<VulnerabilityDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_details: Option<ArtifactDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software_details: Option<SoftwareDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvss_v30_score: Option<f64>,
    /// Legacy variants: `{"2.0": {"base": n}, "3.0": {"base": n}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvss: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patchable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_digest: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// MDVM `vulnerabilityDetails`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VulnerabilityDetails {
    #[serde(default)]
    pub cve_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exploitability_assessment: Option<ExploitabilityAssessment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_date: Option<String>,
    #[serde(default)]
    pub references: Vec<Reference>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// MDVM `exploitabilityAssessment`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExploitabilityAssessment {
    #[serde(default)]
    pub exploit_steps_published: bool,
    #[serde(default)]
    pub exploit_steps_verified: bool,
    #[serde(default)]
    pub is_in_exploit_kit: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `{title, link}` reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub link: String,
}

/// MDVM `artifactDetails`: the container image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactDetails {
    #[serde(default)]
    pub repository_name: String,
    #[serde(default)]
    pub registry_host: String,
    #[serde(default)]
    pub digest: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// MDVM `softwareDetails`: the vulnerable package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SoftwareDetails {
    #[serde(default)]
    pub package_name: String,
    #[serde(default)]
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_version: Option<String>,
    /// Unknown | FixAvailable | NoFixAvailable | Scheduled | WontFix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix_status: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}
