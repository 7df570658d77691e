//! URL paths and api-versions of every ARM operation the dashboard calls (see
//! `shared/azure/API.md`). Paths are relative to the ARM endpoint.

use super::resource_id::ClusterId;

/// Assessments and assessment metadata.
pub const ASSESSMENTS_API: &str = "2025-05-04";
/// Sub-assessments, suppression rules, regulatory compliance.
pub const SUB_ASSESSMENTS_API: &str = "2019-01-01-preview";
/// Security alerts.
pub const ALERTS_API: &str = "2022-01-01";
/// Pricings at subscription and resource scope.
pub const PRICINGS_API: &str = "2024-01-01";
/// Governance assignments.
pub const GOVERNANCE_API: &str = "2022-01-01-preview";
/// Defender exemptions: standard assignments with effect `Exempt` (API.md §E2).
pub const STANDARD_ASSIGNMENTS_API: &str = "2024-08-01";
/// Azure Policy exemptions (API.md §E3).
pub const POLICY_EXEMPTIONS_API: &str = "2022-07-01-preview";
/// Regulatory compliance standards, controls and assessments.
pub const COMPLIANCE_API: &str = "2019-01-01-preview";
/// AKS managed clusters: 2025-10-01 is the first stable version whose PUT declares `If-Match`
/// (API.md §9), which Quick Fix sends.
pub const MANAGED_CLUSTERS_API: &str = "2025-10-01";

/// Assessment key of "Azure running container images should have vulnerabilities resolved (MDVM)".
pub const RUNNING_IMAGES_VULN_KEY: &str = "c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5";
/// Assessment key of "AKS nodes should have vulnerability findings resolved".
pub const NODE_VULN_KEY: &str = "24a15fbd-cfe4-4dff-b2be-1c367a6b2031";

/// `GET` the managed cluster.
pub fn managed_cluster(c: &ClusterId) -> String {
    format!("{c}?api-version={MANAGED_CLUSTERS_API}")
}

/// `GET` the cluster's available Kubernetes upgrades (Quick Fix: upgrade the version).
pub fn upgrade_profile(c: &ClusterId) -> String {
    format!("{c}/upgradeProfiles/default?api-version={MANAGED_CLUSTERS_API}")
}

/// `GET` one assessment of the cluster, by its ARM id (re-read after a Quick Fix).
pub fn assessment(assessment_id: &str) -> String {
    format!("{assessment_id}?api-version={ASSESSMENTS_API}")
}

/// `GET` the cluster's own Containers pricing (inherited or overridden).
pub fn cluster_containers_pricing(c: &ClusterId) -> String {
    format!("{c}/providers/Microsoft.Security/pricings/Containers?api-version={PRICINGS_API}")
}

/// `GET` the subscription's Containers and CloudPosture pricings.
pub fn subscription_plans(c: &ClusterId) -> String {
    format!(
        "{}/providers/Microsoft.Security/pricings?api-version={PRICINGS_API}&\
         $filter=name%20in%20(Containers,CloudPosture)",
        c.subscription_path()
    )
}

/// `GET` (paged) every assessment of the cluster.
pub fn cluster_assessments(c: &ClusterId) -> String {
    format!("{c}/providers/Microsoft.Security/assessments?api-version={ASSESSMENTS_API}")
}

/// `GET` one recommendation's built-in metadata.
pub fn assessment_metadata(key: &str) -> String {
    format!("/providers/Microsoft.Security/assessmentMetadata/{key}?api-version={ASSESSMENTS_API}")
}

/// `GET` (paged) the sub-assessments (vulnerability findings) of one of the cluster's assessments.
pub fn sub_assessments(c: &ClusterId, key: &str) -> String {
    format!(
        "{c}/providers/Microsoft.Security/assessments/{key}/subAssessments?\
         api-version={SUB_ASSESSMENTS_API}"
    )
}

/// `GET` (paged) the alerts of the cluster's resource group (filtered to the cluster afterwards:
/// ARM has no per-resource alert list).
pub fn resource_group_alerts(c: &ClusterId) -> String {
    format!(
        "{}/providers/Microsoft.Security/alerts?api-version={ALERTS_API}",
        c.resource_group_path()
    )
}

/// `GET` (paged) the governance assignments of one recommendation of the cluster.
pub fn governance_assignments(c: &ClusterId, key: &str) -> String {
    format!(
        "{c}/providers/Microsoft.Security/assessments/{key}/governanceAssignments?\
         api-version={GOVERNANCE_API}"
    )
}

/// `GET` (paged) the subscription's regulatory compliance standards.
pub fn compliance_standards(c: &ClusterId) -> String {
    format!(
        "{}/providers/Microsoft.Security/regulatoryComplianceStandards?\
         api-version={COMPLIANCE_API}",
        c.subscription_path()
    )
}

/// `GET` (paged) the controls of one standard, given the standard's resource id.
pub fn compliance_controls(standard_id: &str) -> String {
    format!("{standard_id}/regulatoryComplianceControls?api-version={COMPLIANCE_API}")
}

/// `GET` (paged) the assessments mapped to one control, given the control's resource id.
pub fn compliance_assessments(control_id: &str) -> String {
    format!("{control_id}/regulatoryComplianceAssessments?api-version={COMPLIANCE_API}")
}
