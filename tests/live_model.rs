//! The live data model (shared/azure/API.md §L) mapped to the right tabs: Resource Graph rows in
//! the shapes Microsoft documents for individual recommendations (transition page; release
//! notes of 2026-03-04) and alerts (PascalCase), through the one pure assembly.

use aks_security_dashboard::arm::models::{Alert, Assessment};
use aks_security_dashboard::arm::{ArmError, ClusterId};
use aks_security_dashboard::domain::{Component, FindingType, Level, RecommendationKind};
use aks_security_dashboard::mapping::{Fetched, assemble};
use serde_json::{Value, json};

const CLUSTER: &str = "/subscriptions/3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40/resourceGroups/rg-payments/providers/Microsoft.ContainerService/managedClusters/aks-1";

fn cluster() -> ClusterId {
    ClusterId::parse(CLUSTER).unwrap()
}

/// An individual recommendation row as Resource Graph returns it (`project id, name, type,
/// subscriptionId, resourceGroup, properties`).
fn individual(
    key: &str,
    category: Option<&str>,
    resource_type: &str,
    cves: Value,
    extra: Value,
) -> Value {
    let mut properties = json!({
        "displayName": format!("finding {key}"),
        "resourceDetails": {"Source": "Azure", "Id": format!("{CLUSTER}/namespaces/payments/pods/api/containers/api"), "ResourceType": resource_type},
        "status": {"code": "Unhealthy", "firstEvaluationDate": "2026-11-01T00:00:00Z"},
        "additionalData": {"CvesDetails": cves, "DetectedSoftwareVersions": "3.0.2", "FixedVersion": ""},
        "metadata": {"displayName": "Container images should have vulnerabilities resolved", "severity": "High"},
    });
    match category {
        Some(c) => properties["metadata"]["recommendationCategory"] = json!(c),
        None => {
            properties.as_object_mut().unwrap().remove("metadata");
        }
    }
    if let Value::Object(more) = extra {
        for (k, v) in more {
            properties[k] = v;
        }
    }
    json!({
        "id": format!("{CLUSTER}/providers/Microsoft.Security/assessments/{key}"),
        "name": key, "type": "microsoft.security/assessments",
        "subscriptionId": "3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40", "resourceGroup": "rg-payments",
        "properties": properties,
    })
}

fn load(
    assessments: Vec<Value>,
    alerts: Vec<Value>,
) -> aks_security_dashboard::domain::ClusterData {
    let not_read = || ArmError::Network("not read in this test".into());
    let fetched = Fetched {
        managed: Err(not_read()),
        pricing: Err(not_read()),
        plans: Err(not_read()),
        queries: Vec::new(),
        assessments: Ok(serde_json::from_value::<Vec<Assessment>>(json!(assessments)).unwrap()),
        alerts: Ok(serde_json::from_value::<Vec<Alert>>(json!(alerts)).unwrap()),
        owners: Ok(Vec::new()),
        compliance: Ok(Vec::new()),
        exemptions: Ok(Vec::new()),
        grouped: Vec::new(),
        today: aks_security_dashboard::domain::actions::Date::parse("2026-11-28").unwrap(),
    };
    assemble(&cluster(), "https://portal.azure.com", fetched).unwrap()
}

#[test]
fn each_documented_individual_shape_lands_in_the_vulnerability_tab() {
    let cves = |ids: &[&str]| {
        json!(json!(ids.iter().map(|c| json!({"CveId": c})).collect::<Vec<_>>()).to_string())
    };
    let data = load(
        vec![
            // Running container (release notes 2026-03-04: SoftwareUpdate, K8s-container).
            individual(
                "11111111-0000-0000-0000-000000000001",
                Some("SoftwareUpdate"),
                "K8s-container",
                cves(&["CVE-2024-5535", "CVE-2024-0727"]),
                json!({}),
            ),
            // Registry image (".containerimage").
            individual(
                "11111111-0000-0000-0000-000000000002",
                Some("SoftwareUpdate"),
                ".containerimage",
                cves(&["CVE-2023-4911"]),
                json!({}),
            ),
            // AKS node (ServiceUpgrade).
            individual(
                "11111111-0000-0000-0000-000000000003",
                Some("ServiceUpgrade"),
                "",
                cves(&["CVE-2024-26925"]),
                json!({}),
            ),
            // A dynamic key with no metadata at all, but a CVE list: still a vulnerability.
            individual(
                "11111111-0000-0000-0000-000000000004",
                None,
                "K8s-container",
                cves(&["CVE-2021-44228"]),
                json!({}),
            ),
        ],
        Vec::new(),
    );
    assert_eq!(
        data.misconfigurations().count(),
        0,
        "no individual finding is a misconfiguration"
    );
    let mut found: Vec<&str> = data
        .vulnerabilities
        .iter()
        .map(|v| v.cve.as_str())
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "CVE-2021-44228",
            "CVE-2023-4911",
            "CVE-2024-0727",
            "CVE-2024-26925",
            "CVE-2024-5535"
        ]
    );
    assert!(
        data.recommendations
            .iter()
            .all(|r| r.kind == RecommendationKind::Vulnerability)
    );
    // Severity from the inline metadata; the one without metadata is counted as Medium.
    let no_metadata = data
        .vulnerabilities
        .iter()
        .find(|v| v.cve == "CVE-2021-44228")
        .unwrap();
    assert_eq!(no_metadata.severity, Level::Medium);
    assert!(
        data.vulnerabilities
            .iter()
            .filter(|v| v.cve != "CVE-2021-44228")
            .all(|v| v.severity == Level::High)
    );
    // "May be empty if no fix is available": not fixable.
    assert!(data.vulnerabilities.iter().all(|v| !v.fixable()));
    // No image reference in any documented place: "Unknown image" with its resource id.
    let image = &data
        .vulnerabilities
        .iter()
        .find(|v| v.cve == "CVE-2023-4911")
        .unwrap()
        .component;
    assert!(
        matches!(image, Component::Unknown { resource_id } if resource_id.ends_with("/containers/api")),
        "{image:?}"
    );
    assert!(!data.issues.tabs.contains_key(&FindingType::Vulnerability));
    // The guessed level is said, not hidden.
    assert_eq!(
        data.sources[&FindingType::Vulnerability].notes,
        ["1 unhealthy recommendation came without a severity; counted as Medium."]
    );
}

#[test]
fn a_finding_whose_cve_list_cannot_be_read_is_still_shown() {
    let data = load(
        vec![
            individual(
                "22222222-0000-0000-0000-000000000001",
                Some("SoftwareUpdate"),
                "K8s-container",
                json!("not json"),
                json!({}),
            ),
            // A lone surrogate escape inside the CVE document: repaired, the CVEs kept.
            individual(
                "22222222-0000-0000-0000-000000000002",
                Some("SoftwareUpdate"),
                "K8s-container",
                json!(
                    r#"[{"CveId":"CVE-2024-1","FixedVersion":"1.0 \ud800"},{"CveId":"CVE-2024-2"}]"#
                ),
                json!({}),
            ),
        ],
        Vec::new(),
    );
    let cves: Vec<&str> = data
        .vulnerabilities
        .iter()
        .map(|v| v.cve.as_str())
        .collect();
    assert_eq!(
        cves,
        [
            "finding 22222222-0000-0000-0000-000000000001",
            "CVE-2024-1",
            "CVE-2024-2"
        ]
    );
}

#[test]
fn the_image_is_read_from_each_reported_place() {
    let one = |key: &str, extra: Value| {
        individual(
            key,
            Some("SoftwareUpdate"),
            "K8s-container",
            json!(r#"[{"CveId":"CVE-2024-9"}]"#),
            extra,
        )
    };
    let data = load(
        vec![
            one(
                "33333333-0000-0000-0000-000000000001",
                json!({"resourceAdditionalData": r#"{"RepositoryDetails":{"RepositoryName":"payments/api","Digest":"sha256:aa","RegistryHost":"contoso.azurecr.io","Tags":["2.1"]}}"#}),
            ),
            one(
                "33333333-0000-0000-0000-000000000002",
                json!({"resourceDetails": {"Source": "Azure", "Id": format!("{CLUSTER}/x"), "ResourceName": "contoso.azurecr.io/web:1.0"}}),
            ),
        ],
        Vec::new(),
    );
    let names: Vec<String> = data
        .vulnerabilities
        .iter()
        .map(|v| v.component.display_name())
        .collect();
    assert_eq!(
        names,
        [
            "contoso.azurecr.io/payments/api:2.1",
            "contoso.azurecr.io/web:1.0"
        ]
    );
}

#[test]
fn a_grouped_recommendation_is_not_a_finding_itself() {
    let mut grouped = individual(
        "c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5",
        None,
        "",
        json!(null),
        json!({}),
    );
    grouped["properties"]["additionalData"] = json!({});
    let data = load(vec![grouped], Vec::new());
    assert!(data.vulnerabilities.is_empty());
    assert_eq!(
        data.recommendations[0].kind,
        RecommendationKind::Vulnerability
    );
}

#[test]
fn pascal_case_alerts_from_resource_graph_map_like_rest_ones_once_each() {
    let alert = json!({
        "id": "/subscriptions/3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40/resourceGroups/MC_rg-payments_aks-1_westeurope/providers/Microsoft.Security/locations/westeurope/alerts/2517",
        "name": "2517", "type": "microsoft.security/locations/alerts",
        "properties": {
            "AlertType": "K8S_ExposedDashboard", "AlertDisplayName": "Exposed Kubernetes dashboard detected",
            "Severity": "High", "Status": "InProgress", "DetectedTimeUtc": "2026-11-20T10:00:00Z",
            "ResourceIdentifiers": [{"Type": "AzureResource", "AzureResourceId": CLUSTER.to_lowercase()}],
            "CompromisedEntity": "aks-1", "Entities": [],
        },
    });
    // The query's mv-expand returns an alert once per identifier naming the cluster.
    let data = load(Vec::new(), vec![alert.clone(), alert]);
    assert_eq!(data.alerts.len(), 1);
    let a = &data.alerts[0];
    assert_eq!(
        (a.title.as_str(), a.severity),
        ("Exposed Kubernetes dashboard detected", Level::High)
    );
    assert_eq!(a.status.label(), "In progress");
    assert_eq!(a.start_time, "2026-11-20T10:00:00Z");
}
