//! Every official example response the dashboard reads parses into our wire models, and
//! serialising the model back keeps every member of the original (nothing is lost).

mod common;

use aks_security_dashboard::arm::models::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

const SEC: &str = "security/resource-manager/Microsoft.Security/Security";
const SEC_LEGACY: &str = "security/resource-manager/Microsoft.Security";

fn example(path: &str) -> Value {
    let file = common::examples_root().join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    serde_json::from_str(&text).unwrap()
}

/// Asserts that every member of `original` is present, equal, in `round_trip` (a null member
/// may be omitted).
fn assert_contained(original: &Value, round_trip: &Value, at: &str) {
    match (original, round_trip) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                if v.is_null() && !b.contains_key(k) {
                    continue; // ARM treats a null member as absent
                }
                let other = b.get(k).unwrap_or_else(|| panic!("{at}.{k} was lost"));
                assert_contained(v, other, &format!("{at}.{k}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}: array length changed");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_contained(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Number(a), Value::Number(b)) => assert_eq!(a.as_f64(), b.as_f64(), "{at}"),
        _ => assert_eq!(original, round_trip, "{at}"),
    }
}

fn check<T: DeserializeOwned + Serialize>(path: &str) -> T {
    let body = example(path)["responses"]["200"]["body"].clone();
    assert!(!body.is_null(), "{path} has no 200 body");
    let parsed: T = serde_json::from_value(body.clone()).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_contained(&body, &serde_json::to_value(&parsed).unwrap(), path);
    parsed
}

#[test]
fn assessments_parse() {
    let list: ArmList<Assessment> = check(&format!(
        "{SEC}/stable/2025-05-04/examples/Assessments/ListAssessments_example.json"
    ));
    assert_eq!(list.value.len(), 2);
    assert_eq!(
        list.value[1].properties.status.cause.as_deref(),
        Some("OffByPolicy")
    );
    let one: Assessment = check(&format!(
        "{SEC}/stable/2025-05-04/examples/Assessments/GetAssessment_example.json"
    ));
    assert_eq!(one.name, "21300918-b2e3-0346-785f-c77ff57d243b");
    let expanded: Assessment = check(&format!(
        "{SEC}/stable/2025-05-04/examples/Assessments/GetAssessmentWithExpand_example.json"
    ));
    assert!(
        expanded
            .properties
            .links
            .unwrap()
            .azure_portal_uri
            .unwrap()
            .contains("assessmentKey")
    );
    let meta: AssessmentMetadata = check(&format!(
        "{SEC}/stable/2025-05-04/examples/AssessmentsMetadata/GetAssessmentsMetadata_example.json"
    ));
    assert_eq!(meta.properties.severity, "Medium");
    assert_eq!(meta.properties.threats.len(), 3);
}

#[test]
fn sub_assessments_parse() {
    let sql: ArmList<SubAssessment> = check(&format!(
        "{SEC}/preview/2019-01-01-preview/examples/SubAssessments/ListSubAssessments_example.json"
    ));
    assert!(!sql.value.is_empty());
    let registry: ArmList<SubAssessment> = check(&format!(
        "{SEC_LEGACY}/preview/2019-01-01-preview/examples/SubAssessments/ListSubscriptionSubAssessments_example.json"
    ));
    let data = registry.value[0]
        .properties
        .additional_data
        .as_ref()
        .unwrap();
    assert_eq!(
        data.assessed_resource_type,
        "ContainerRegistryVulnerability"
    );
    assert_eq!(data.repository_name.as_deref(), Some("myRepo"));
}

#[test]
fn alerts_parse() {
    let alert: Alert = check(&format!(
        "{SEC}/stable/2022-01-01/examples/Alerts/GetAlertResourceGroupLocation_example.json"
    ));
    assert_eq!(alert.properties.severity, "High");
    assert_eq!(alert.properties.status, "Active");
    assert_eq!(
        alert.properties.resource_identifiers[0].kind,
        "AzureResource"
    );
    // The dismiss action answers 204 with no body.
    let dismiss = example(&format!(
        "{SEC}/stable/2022-01-01/examples/Alerts/UpdateAlertResourceGroupLocation_dismiss_example.json"
    ));
    assert!(dismiss["responses"]["204"].is_object());
}

#[test]
fn pricings_parse() {
    for file in [
        "stable/2024-01-01/examples/Pricings/GetPricingByNameContainers_example.json",
        "stable/2024-01-01/examples/Pricings/GetResourcePricingByNameContainers_example.json",
        "stable/2024-01-01/examples/Pricings/PutPricingByName_example.json",
        "stable/2024-01-01/examples/Pricings/PutResourcePricingByNameContainersACR_example.json",
        "stable/2026-07-01/examples/Pricings/GetPricingByNameContainers_example.json",
        "stable/2026-07-01/examples/Pricings/GetPricingByNameCloudPosture_example.json",
        "stable/2026-07-01/examples/Pricings/GetResourcePricingByNameContainers_example.json",
        "stable/2026-07-01/examples/Pricings/PutResourcePricingByNameContainers_example.json",
    ] {
        let p: Pricing = check(&format!("{SEC}/{file}"));
        assert!(!p.properties.pricing_tier.is_empty(), "{file}");
    }
    let cluster: Pricing = check(&format!(
        "{SEC}/stable/2024-01-01/examples/Pricings/GetResourcePricingByNameContainers_example.json"
    ));
    assert!(cluster.properties.is_on() && !cluster.properties.is_inherited());
    assert!(
        cluster
            .properties
            .extensions
            .iter()
            .any(|e| e.name == "ContainerSensor" && e.enabled())
    );
    for file in [
        "ListPricingsWithPlanFilter_example.json",
        "ListResourcePricings_example.json",
    ] {
        let list: ArmList<Pricing> =
            check(&format!("{SEC}/stable/2024-01-01/examples/Pricings/{file}"));
        assert!(!list.value.is_empty(), "{file}");
    }
}

#[test]
fn governance_and_compliance_parse() {
    let one: GovernanceAssignment = check(&format!(
        "{SEC}/preview/2022-01-01-preview/examples/GovernanceAssignments/GetGovernanceAssignment_example.json"
    ));
    assert!(!one.properties.remediation_due_date.is_empty());
    let list: ArmList<GovernanceAssignment> = check(&format!(
        "{SEC_LEGACY}/preview/2022-01-01-preview/examples/GovernanceAssignments/ListGovernanceAssignments_example.json"
    ));
    assert!(!list.value.is_empty());
    let put: GovernanceAssignment = check(&format!(
        "{SEC_LEGACY}/preview/2022-01-01-preview/examples/GovernanceAssignments/PutGovernanceAssignment_example.json"
    ));
    assert!(put.properties.owner.is_some());
    let assessments: ArmList<ComplianceAssessment> = check(&format!(
        "{SEC}/preview/2019-01-01-preview/examples/RegulatoryCompliance/getRegulatoryComplianceAssessmentList_example.json"
    ));
    assert_eq!(
        assessments.value[0].name,
        "968548cb-02b3-8cd2-11f8-0cf64ab1a347"
    );
    assert_eq!(assessments.value[0].properties.failed_resources, 4);
}

#[test]
fn managed_clusters_parse() {
    let aks = "containerservice/resource-manager/Microsoft.ContainerService/aks/stable";
    let get: ManagedCluster = check(&format!(
        "{aks}/2026-08-01/examples/ManagedClustersGet.json"
    ));
    assert_eq!(get.etag.as_deref(), Some("beywbwei"));
    assert_eq!(get.properties.kubernetes_version.as_deref(), Some("1.9.6"));
    let secured: ManagedCluster = check(&format!(
        "{aks}/2025-10-01/examples/ManagedClustersCreate_SecurityProfile.json"
    ));
    assert!(secured.properties.extra.contains_key("securityProfile"));
}
