//! Which tab an assessment key belongs to (`shared/azure/assessment-keys.md`).

use crate::arm::endpoints::{NODE_VULN_KEY, RUNNING_IMAGES_VULN_KEY};
use crate::domain::RecommendationKind;

/// Vulnerability-assessment recommendations: their findings fill the Vulnerability tab.
const VULNERABILITY_KEYS: [&str; 4] = [
    RUNNING_IMAGES_VULN_KEY,
    NODE_VULN_KEY,
    "e9acaf48-d2cf-45a3-a6e7-3caa2ef769e0",
    "41503391-efa5-47ee-9282-4eff6131462c",
];

/// Control-plane recommendations on the managed cluster itself.
const CLUSTER_KEYS: [&str; 6] = [
    "56a83a6e-c417-42ec-b567-1e6fcb3d09a9",
    "08e628db-e2ed-4793-bc91-d13e684401c3",
    "1a2b5b4c-f80d-46e7-ac81-b51a9fb363de",
    "b0fdc63a-38e7-4bab-a7c4-2c2665abbaa9",
    "bb318338-de6a-42ff-8428-8274c897d564",
    "e599a9fe-30e3-47c6-a173-8b4b6d9d3255",
];

/// Control-plane checks whose assessment keys Microsoft does not publish, by their built-in
/// policy definition: local authentication disabled, non-vulnerable Kubernetes version.
const CLUSTER_POLICIES: [&str; 2] = [
    "993c2fcd-2b29-49d2-9eb0-df2c3a730c32",
    "fb893a29-21bb-418c-a157-e99480ec364c",
];

/// Whether `key` is one of the grouped vulnerability recommendations (findings as
/// sub-assessments), whose owners the dashboard reads: a handful per cluster, unlike the
/// individual one-per-package recommendations.
pub fn is_grouped_vulnerability(key: &str) -> bool {
    VULNERABILITY_KEYS.contains(&key.to_ascii_lowercase().as_str())
}

/// Classifies a recommendation: the individual-recommendation categories (`SoftwareUpdate`,
/// `ServiceUpgrade`: API.md §L2), a row with a CVE list, and the known grouped vulnerability
/// keys go to the Vulnerability tab; known control-plane keys are cluster-level; everything else
/// on a cluster (container-level checks included) is a Kubernetes data-plane (workload) check.
/// Never by "metadata missing": a dynamic key without metadata is classified by what it carries.
pub fn kind_of(
    key: &str,
    recommendation_category: Option<&str>,
    policy_definition_id: Option<&str>,
    has_cve_list: bool,
) -> RecommendationKind {
    let key = key.to_ascii_lowercase();
    let policy = policy_definition_id
        .and_then(|p| p.rsplit('/').next())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if VULNERABILITY_KEYS.contains(&key.as_str())
        || has_cve_list
        || matches!(
            recommendation_category,
            Some("SoftwareUpdate" | "ServiceUpgrade")
        )
    {
        RecommendationKind::Vulnerability
    } else if CLUSTER_KEYS.contains(&key.as_str()) || CLUSTER_POLICIES.contains(&policy.as_str()) {
        RecommendationKind::Cluster
    } else {
        RecommendationKind::Workload
    }
}
