//! The embedded demo cluster, loaded natively through the same client and loader as Azure:
//! it must look like a real cluster, and it must keep the session's changes.

use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::arm::{ArmClient, ArmRequest, ClusterId, Method, Transport};
use aks_security_dashboard::domain::{
    AlertStatus, ClusterData, Component, FindingType, Level, RecommendationKind, Summary,
};
use aks_security_dashboard::state::load_cluster;
use futures::executor::block_on;
use std::collections::BTreeSet;

fn load() -> (ClusterData, DemoTransport, ClusterId) {
    let (demo, facts) = DemoTransport::new().unwrap();
    let cluster = ClusterId::parse(&facts.cluster_id).unwrap();
    let client = ArmClient::new(demo.clone(), "https://management.azure.com");
    (
        block_on(load_cluster(&client, &cluster)).unwrap(),
        demo,
        cluster,
    )
}

#[test]
fn alerts_cover_every_severity_and_status_and_only_this_cluster() {
    let (data, ..) = load();
    assert!(data.alerts.len() >= 25, "{} alerts", data.alerts.len());
    let severities: BTreeSet<_> = data.alerts.iter().map(|a| a.severity).collect();
    assert_eq!(
        severities,
        [Level::High, Level::Medium, Level::Low, Level::Informational].into()
    );
    for status in [
        AlertStatus::Active,
        AlertStatus::InProgress,
        AlertStatus::Resolved,
        AlertStatus::Dismissed,
    ] {
        assert!(
            data.alerts.iter().any(|a| a.status == status),
            "no {status:?} alert"
        );
    }
    assert!(data.alerts.iter().all(|a| a.alert_type.starts_with("K8S")));
    // Two alerts of the resource group belong to the staging cluster and must not appear.
    assert!(
        data.alerts
            .iter()
            .all(|a| !a.description.contains("staging"))
    );
    assert!(
        data.alerts
            .iter()
            .any(|a| a.entity.starts_with("payments/payments-api-"))
    );
}

#[test]
fn vulnerabilities_span_images_and_a_node_pool_in_both_shapes() {
    let (data, ..) = load();
    assert!(
        data.vulnerabilities.len() >= 300,
        "{} findings",
        data.vulnerabilities.len()
    );
    let images: BTreeSet<_> = data
        .vulnerabilities
        .iter()
        .filter(|v| matches!(v.component, Component::Image { .. }))
        .map(|v| v.component.display_name())
        .collect();
    assert!(images.len() >= 12, "{images:?}");
    assert!(images.contains("contosopayments.azurecr.io/payments-api:2.14.3"));
    assert!(data.vulnerabilities.iter().any(|v| v.component
        == Component::NodePool {
            name: "apps".into()
        }));
    let log4shell = data
        .vulnerabilities
        .iter()
        .find(|v| v.cve == "CVE-2021-44228")
        .unwrap();
    assert_eq!(
        (log4shell.severity, log4shell.cvss),
        (Level::Critical, Some(10.0))
    );
    assert_eq!(log4shell.fixed_version.as_deref(), Some("2.15.0"));
    assert!(log4shell.exploit_published);
    assert!(
        data.vulnerabilities
            .iter()
            .any(|v| v.fixed_version.is_none()),
        "no finding without a fix"
    );
}

#[test]
fn recommendations_mix_kinds_states_risk_and_owners() {
    let (data, ..) = load();
    let r = &data.recommendations;
    assert!(r.len() >= 30, "{} recommendations", r.len());
    for kind in [
        RecommendationKind::Cluster,
        RecommendationKind::Workload,
        RecommendationKind::Vulnerability,
    ] {
        assert!(r.iter().any(|x| x.kind == kind), "no {kind:?}");
    }
    assert!(r.iter().any(|x| x.unhealthy) && r.iter().any(|x| !x.unhealthy));
    assert!(
        r.iter().all(|x| !x.description.is_empty()),
        "metadata missing"
    );
    let api = r
        .iter()
        .find(|x| x.key == "1a2b5b4c-f80d-46e7-ac81-b51a9fb363de")
        .unwrap();
    assert_eq!(
        (api.severity, api.rating.level),
        (Level::High, Level::Critical)
    );
    assert_eq!(
        api.owner.as_ref().unwrap().owner,
        "maria.kowalski@contoso.com"
    );
    assert!(
        data.misconfigurations()
            .all(|x| x.kind != RecommendationKind::Vulnerability)
    );
}

#[test]
fn compliance_and_plans_are_present() {
    let (data, ..) = load();
    let names: Vec<_> = data.compliance.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Microsoft-cloud-security-benchmark", "PCI-DSS-4"]);
    assert!(
        data.compliance
            .iter()
            .all(|s| s.failed_controls > 0 && s.passed_controls > 0)
    );
    assert!(data.plan.containers_on && data.plan.inherited && data.plan.cspm_on);
    assert!(
        data.plan
            .extensions
            .iter()
            .any(|(n, on)| n == "ContainerSensor" && *on)
    );
    assert_eq!(data.cluster.name, "aks-payments-prod-weu");
}

#[test]
fn summary_counts_match_the_findings() {
    let (data, ..) = load();
    let summary = Summary::of(&data);
    let open_alerts = data.alerts.iter().filter(|a| a.status.is_open()).count();
    assert_eq!(
        summary.row(FindingType::Alert).unwrap().total(),
        open_alerts
    );
    assert!(
        open_alerts < data.alerts.len(),
        "resolved/dismissed alerts must not be counted"
    );
    assert_eq!(
        summary.row(FindingType::Vulnerability).unwrap().total(),
        data.open_vulnerabilities().count()
    );
    assert!(
        data.vulnerabilities.iter().any(|v| v.exempted),
        "the demo has an exempted vulnerability finding, left out of the counts"
    );
    assert_eq!(
        summary.row(FindingType::Misconfiguration).unwrap().total(),
        data.misconfigurations().count()
    );
    let critical = data
        .open_vulnerabilities()
        .filter(|v| v.severity == Level::Critical)
        .count();
    assert_eq!(
        summary
            .row(FindingType::Vulnerability)
            .unwrap()
            .count(Level::Critical),
        critical
    );
}

#[test]
fn demo_keeps_alert_status_changes_and_new_assignments_for_the_session() {
    let (data, demo, cluster) = load();
    let alert = data
        .alerts
        .iter()
        .find(|a| a.status == AlertStatus::Active)
        .unwrap();
    let dismiss = ArmRequest {
        method: Method::Post,
        url: format!(
            "https://management.azure.com{}/dismiss?api-version=2022-01-01",
            alert.id
        ),
        body: None,
        headers: vec![],
    };
    assert_eq!(block_on(demo.send(&dismiss)).unwrap().status, 204);
    let key = "ff87e0b4-17df-d338-5b19-80e71e0dcc9d";
    let put = ArmRequest {
        method: Method::Put,
        url: format!("https://management.azure.com{cluster}/providers/Microsoft.Security/assessments/{key}/governanceAssignments/6634ff9f-127b-4bf2-8e6e-b1737f5e789c?api-version=2022-01-01-preview"),
        body: Some(r#"{"properties":{"owner":"ana@contoso.com","remediationDueDate":"2026-12-31T00:00:00Z","isGracePeriod":true}}"#.into()),
        headers: vec![],
    };
    assert_eq!(block_on(demo.send(&put)).unwrap().status, 201);

    let client = ArmClient::new(demo, "https://management.azure.com");
    let again = block_on(load_cluster(&client, &cluster)).unwrap();
    assert_eq!(
        again
            .alerts
            .iter()
            .find(|a| a.id == alert.id)
            .unwrap()
            .status,
        AlertStatus::Dismissed
    );
    let rec = again.recommendations.iter().find(|r| r.key == key).unwrap();
    assert_eq!(rec.owner.as_ref().unwrap().owner, "ana@contoso.com");
}

#[test]
fn unknown_resources_are_a_cloud_error_404() {
    let (demo, _) = DemoTransport::new().unwrap();
    let r = block_on(demo.send(&ArmRequest::get(
        "https://management.azure.com/subscriptions/x/resourceGroups/y?api-version=1",
    )))
    .unwrap();
    assert_eq!(r.status, 404);
    assert!(r.body.contains("ResourceNotFound"));
}

#[test]
fn the_scaled_demo_has_the_requested_image_findings_with_unique_ids() {
    let (demo, facts) = DemoTransport::scaled(5_000).unwrap();
    let client = ArmClient::new(demo, "https://management.azure.com");
    let data = block_on(load_cluster(
        &client,
        &ClusterId::parse(&facts.cluster_id).unwrap(),
    ))
    .unwrap();
    // Every image finding (a few on an image Azure's data does not name: "Unknown image").
    let images = data
        .vulnerabilities
        .iter()
        .filter(|v| !matches!(v.component, Component::NodePool { .. }))
        .count();
    assert_eq!(images, 5_000);
    let ids: BTreeSet<&str> = data.vulnerabilities.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids.len(), data.vulnerabilities.len());
}

#[test]
fn the_benchmark_cluster_also_scales_the_clusters_alerts() {
    let (demo, facts) = DemoTransport::scaled_with_alerts(2_000, Some(5_000)).unwrap();
    let client = ArmClient::new(demo, "https://management.azure.com");
    let data = block_on(load_cluster(
        &client,
        &ClusterId::parse(&facts.cluster_id).unwrap(),
    ))
    .unwrap();
    assert_eq!(
        data.alerts.len(),
        5_000,
        "every served alert is the cluster's"
    );
    let ids: BTreeSet<&str> = data.alerts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 5_000);
}

#[test]
fn a_sovereign_cloud_gets_its_own_portal_links() {
    // The same wire data read through US Government ARM: every link the dashboard builds points
    // to that cloud's portal, none to the public one.
    let (demo, facts) = DemoTransport::new().unwrap();
    let cluster = ClusterId::parse(&facts.cluster_id).unwrap();
    let client = ArmClient::new(demo, "https://management.usgovcloudapi.net");
    let data = block_on(load_cluster(&client, &cluster)).unwrap();
    assert_eq!(data.cluster.portal, "https://portal.azure.us");
    let built: Vec<&str> = data
        .recommendations
        .iter()
        .map(|r| r.portal_link.as_str())
        .chain(data.vulnerabilities.iter().map(|v| v.portal_link.as_str()))
        .collect();
    assert!(built.len() > 100, "{} links", built.len());
    for link in built {
        assert!(
            link.starts_with("https://portal.azure.us/#blade/"),
            "{link}"
        );
    }
    let (public, ..) = load();
    assert_eq!(public.cluster.portal, "https://portal.azure.com");
}

#[test]
fn owners_of_every_recommendation_come_from_one_query_including_dynamic_keys() {
    let (data, ..) = load();
    // The retired grouped recommendation's owner now owns the individual log4j finding.
    let log4j = data
        .recommendations
        .iter()
        .filter(|r| r.kind == RecommendationKind::Vulnerability && r.name.contains("log4j-core"))
        .find(|r| r.owner.is_some())
        .unwrap();
    assert!(log4j.owner_known);
    assert_eq!(
        log4j.owner.as_ref().unwrap().owner,
        "devon.okafor@contoso.com"
    );
    // The owners query covers every assessment of the cluster: none is "Unknown".
    for r in &data.recommendations {
        assert!(r.owner_known, "{}", r.name);
    }
    assert!(
        data.recommendations
            .iter()
            .filter(|r| r.kind == RecommendationKind::Vulnerability && r.unhealthy)
            .any(|r| r.owner_and_due().0 == "Unassigned")
    );
    // Each vulnerability names its recommendation.
    for v in &data.vulnerabilities {
        assert!(
            data.recommendations
                .iter()
                .any(|r| r.key.eq_ignore_ascii_case(&v.recommendation_key)),
            "{}",
            v.id
        );
    }
}
