//! Assessments (recommendations) and their metadata, api-version 2025-05-04.

use super::Extra;
use serde::{Deserialize, Serialize};

/// `SecurityAssessmentResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    /// The assessment key (GUID).
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: AssessmentProperties,
}

/// `SecurityAssessmentPropertiesResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentProperties {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub resource_details: ResourceDetails,
    /// Defaulted (code empty, so not Unhealthy) rather than failing the whole list of a query.
    #[serde(default)]
    pub status: AssessmentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<AssessmentLinks>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<AssessmentMetadataProperties>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Risk>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `ResourceDetails`, discriminated by `source` (Azure, OnPremise, Aws, Gcp, …). REST spells its
/// members camelCase; Resource Graph rows spell them PascalCase (`Id`, `Source`, `ResourceType`:
/// API.md §8.2, ASD samples), so both are read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceDetails {
    #[serde(default, alias = "Source")]
    pub source: String,
    #[serde(default, alias = "Id", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `K8s-container` (running containers), `.containerimage` (registry images), … (API.md §L2;
    /// Resource Graph only).
    #[serde(
        rename = "resourceType",
        alias = "ResourceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_type: Option<String>,
    /// The assessed resource's name (Microsoft's Power BI query reads
    /// `resourceDetails.ResourceName`).
    #[serde(
        rename = "resourceName",
        alias = "ResourceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_name: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `AssessmentStatusResponse`: code Healthy | Unhealthy | NotApplicable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentStatus {
    #[serde(default)]
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_evaluation_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_change_date: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `AssessmentLinks`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentLinks {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_portal_uri: Option<String>,
}

/// `risk` (Defender CSPM): level None | Low | Medium | High | Critical.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Risk {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default)]
    pub risk_factors: Vec<String>,
    #[serde(default)]
    pub attack_paths_references: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_contextual_risk: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `SecurityAssessmentMetadataResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentMetadata {
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: AssessmentMetadataProperties,
}

/// `SecurityAssessmentMetadataPropertiesResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentMetadataProperties {
    /// Both defaulted: a dynamic key's inline metadata may lack them, and one such row must not
    /// fail the whole Resource Graph page (its severity then shows as Medium, counted).
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub severity: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_definition_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation_description: Option<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_impact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_effort: Option<String>,
    #[serde(default)]
    pub threats: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview: Option<bool>,
    #[serde(default)]
    pub tactics: Vec<String>,
    #[serde(default)]
    pub techniques: Vec<String>,
    /// Individual-recommendation model (e.g. `SoftwareUpdate`); seen in ARG, not in the swagger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation_category: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}
