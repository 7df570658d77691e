//! The fleet view's data: its three Resource Graph queries over the demo tenant, each cluster's
//! counts against the dashboard of that cluster, the request count at 2,500 clusters, and the
//! cells that must say "not known" rather than zero.

mod common;

use aks_security_dashboard::arm::fleet::{FleetClusterRow, FleetQuery, FleetScope, PlanRow};
use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::arm::transport::demo::fleet::{CLUSTERS, SUBSCRIPTIONS};
use aks_security_dashboard::arm::{ArmClient, ArmError, ArmRequest, ArmResponse, ClusterId};
use aks_security_dashboard::arm::{Transport, TransportError};
use aks_security_dashboard::domain::fleet::{ContainersPlan, Fleet, Unknown};
use aks_security_dashboard::domain::{FindingType, Level, Summary};
use aks_security_dashboard::mapping::fleet::{FetchedFleet, assemble_fleet};
use aks_security_dashboard::state::fleet::load_fleet;
use aks_security_dashboard::state::load_cluster;
use futures::executor::block_on;
use std::cell::RefCell;
use std::time::Duration;

const NOW: &str = "2026-11-28T12:00:00.000Z";

fn demo() -> (DemoTransport, String) {
    let (demo, facts) = DemoTransport::new().unwrap();
    (demo.with_now(NOW), facts.cluster_id)
}

fn fleet_of(demo: DemoTransport) -> Fleet {
    let client = ArmClient::new(demo, "https://management.azure.com");
    block_on(load_fleet(&client, &FleetScope::Tenant)).unwrap()
}

#[test]
fn the_demo_fleet_has_twelve_clusters_in_four_subscriptions_of_varied_posture() {
    let (demo, base) = demo();
    let fleet = fleet_of(demo);
    assert_eq!(fleet.clusters.len(), 1 + CLUSTERS.len());
    assert!(fleet.failures.is_empty(), "{:?}", fleet.failures);
    let names: Vec<&str> = fleet
        .clusters
        .iter()
        .map(|c| c.subscription.as_str())
        .collect();
    for s in &SUBSCRIPTIONS {
        assert!(names.contains(&s.name), "{} has a cluster", s.name);
    }
    assert_eq!(fleet.unreadable_subscriptions, ["Contoso Sandbox"]);
    let states: Vec<&Result<_, Unknown>> = fleet.clusters.iter().map(|c| &c.posture).collect();
    assert!(states.contains(&&Err(Unknown::SubscriptionUnreadable)));
    assert!(states.contains(&&Err(Unknown::NotAssessed)));
    let plans: Vec<ContainersPlan> = fleet.clusters.iter().map(|c| c.containers).collect();
    for plan in [
        ContainersPlan::Subscription,
        ContainersPlan::ClusterOn,
        ContainersPlan::Off,
    ] {
        assert!(plans.contains(&plan), "{plan:?}");
    }
    let detailed = fleet
        .clusters
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(&base))
        .unwrap();
    assert_eq!(
        detailed.containers,
        ContainersPlan::Subscription,
        "an inherited pricing"
    );
    let highs: Vec<u64> = fleet
        .clusters
        .iter()
        .filter_map(|c| c.posture.as_ref().ok())
        .map(|p| p.alerts.at(Level::High))
        .collect();
    assert!(
        highs.contains(&0) && highs.iter().any(|h| *h > 0),
        "{highs:?}"
    );
}

/// Each assessed cluster's fleet row equals its own dashboard's summary bar, counted by the
/// app's mapping from the cluster's own queries: the fleet's aggregation and the dashboard
/// cannot drift apart.
#[test]
fn every_fleet_row_equals_its_clusters_dashboard() {
    let (demo, _) = demo();
    let fleet = fleet_of(demo.clone());
    let client = ArmClient::new(demo, "https://management.azure.com");
    let mut compared = 0;
    let mut counted = [0u64; 3];
    for c in &fleet.clusters {
        let Ok(posture) = &c.posture else { continue };
        let cluster = ClusterId::parse(&c.id).unwrap();
        let data = block_on(load_cluster(&client, &cluster)).unwrap();
        let summary = Summary::of(&data);
        let row = |t: FindingType| summary.row(t).unwrap();
        for level in Level::ALL {
            assert_eq!(
                posture.alerts.at(level),
                row(FindingType::Alert).count(level) as u64,
                "{} alerts {level:?}",
                c.name
            );
            assert_eq!(
                posture.cves.at(level),
                row(FindingType::Vulnerability).count(level) as u64,
                "{} vulnerabilities {level:?}",
                c.name
            );
            assert_eq!(
                posture.misconfigurations.at(level),
                row(FindingType::Misconfiguration).count(level) as u64,
                "{} misconfigurations {level:?}",
                c.name
            );
        }
        compared += 1;
        counted[0] += posture.alerts.total();
        counted[1] += posture.cves.total();
        counted[2] += posture.misconfigurations.total();
    }
    // Twelve clusters: two in the unreadable subscription, two with both plans off.
    assert_eq!(compared, 8, "every readable, assessed cluster was compared");
    assert!(
        counted.iter().all(|n| *n > 50),
        "the comparison counted findings: {counted:?}"
    );
}

#[test]
fn overdue_owners_are_past_their_due_date_on_unhealthy_recommendations() {
    let (demo, base) = demo();
    let fleet = fleet_of(demo);
    let detailed = fleet
        .clusters
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(&base))
        .unwrap();
    // The demo's four assignments are due 2026-11-15, -20, 12-05 and 12-19.
    assert_eq!(detailed.posture.as_ref().unwrap().overdue, 2);
    let (later, _) = DemoTransport::new().unwrap();
    let fleet = fleet_of(later.with_now("2026-12-06T00:00:00.000Z"));
    let detailed = fleet
        .clusters
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(&base))
        .unwrap();
    assert_eq!(detailed.posture.as_ref().unwrap().overdue, 3);
}

/// Counts the requests a transport is sent.
struct Counting<T> {
    inner: T,
    requests: RefCell<Vec<ArmRequest>>,
}

impl<T: Transport> Transport for Counting<T> {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        self.requests.borrow_mut().push(request.clone());
        self.inner.send(request).await
    }
    async fn sleep(&self, _duration: Duration) {}
}

fn requests_for(size: usize) -> (usize, Fleet) {
    let (demo, _) = demo();
    let counting = Counting {
        inner: demo.with_fleet_size(size),
        requests: RefCell::new(Vec::new()),
    };
    let client = ArmClient::new(counting, "https://management.azure.com");
    let fleet = block_on(load_fleet(&client, &FleetScope::Tenant)).unwrap();
    (client.transport().requests.borrow().len(), fleet)
}

#[test]
fn the_request_count_does_not_grow_with_the_fleet_apart_from_pages() {
    let (small, fleet) = requests_for(12);
    assert_eq!(
        (small, fleet.clusters.len()),
        (3, 12),
        "one request per query"
    );
    let (large, fleet) = requests_for(2_500);
    assert_eq!(fleet.clusters.len(), 2_500);
    assert!(large <= 3 * 3, "{large} requests for 2,500 clusters");
    // Every request is a page of 1,000 rows of one of the three queries: for each query, as many
    // requests as its rows need pages (the clusters 3, the plans 1, the counts 2: only clusters
    // with something to count have a row).
    let (demo, _) = demo();
    let counting = Counting {
        inner: demo.with_fleet_size(2_500),
        requests: RefCell::new(Vec::new()),
    };
    let client = ArmClient::new(counting, "https://management.azure.com");
    let mut total = 0;
    for query in FleetQuery::ALL {
        let rows: Vec<serde_json::Value> = block_on(aks_security_dashboard::arm::graph::query(
            &client,
            &query.query(&FleetScope::Tenant),
        ))
        .unwrap();
        let sent = client.transport().requests.borrow().len();
        client.transport().requests.borrow_mut().clear();
        assert_eq!(
            sent,
            rows.len().div_ceil(1_000).max(1),
            "{query:?}: {} rows",
            rows.len()
        );
        total += sent;
    }
    assert_eq!(total, large, "the load sent exactly those pages");
}

#[test]
fn a_management_group_scope_and_partial_scopes_are_sent() {
    let (demo, _) = demo();
    let counting = Counting {
        inner: demo,
        requests: RefCell::new(Vec::new()),
    };
    let client = ArmClient::new(counting, "https://management.azure.com");
    let scope = FleetScope::ManagementGroups(vec!["contoso-platform".into()]);
    block_on(load_fleet(&client, &scope)).unwrap();
    for request in client.transport().requests.borrow().iter() {
        let body: serde_json::Value =
            serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body["managementGroups"],
            serde_json::json!(["contoso-platform"])
        );
        assert_eq!(body["options"]["allowPartialScopes"], true);
        assert!(body.get("subscriptions").is_none());
    }
}

fn row(id: &str) -> FleetClusterRow {
    FleetClusterRow {
        id: id.into(),
        location: "westeurope".into(),
        subscription_name: Some("Contoso".into()),
        kubernetes_version: Some("1.31.2".into()),
    }
}

fn plan(id: &str, plan: &str, tier: &str, inherited: &str) -> PlanRow {
    PlanRow {
        id: id.into(),
        subscription_id: id.split('/').nth(2).unwrap().into(),
        plan: plan.into(),
        tier: tier.into(),
        inherited: inherited.into(),
    }
}

const A: &str = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/g/providers/\
                 Microsoft.ContainerService/managedClusters/a";

#[test]
fn a_failed_count_query_is_not_known_and_named_never_zero() {
    let forbidden = ArmError::from_status(
        403,
        r#"{"error":{"code":"AuthorizationFailed","message":"No access."}}"#,
    );
    let fleet = assemble_fleet(FetchedFleet {
        clusters: Ok(vec![row(A)]),
        plans: Ok(vec![plan(
            "/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Security/\
             pricings/Containers",
            "Containers",
            "Standard",
            "",
        )]),
        posture: Err(forbidden),
    })
    .unwrap();
    assert_eq!(fleet.clusters[0].posture, Err(Unknown::QueryFailed));
    assert_eq!(fleet.failures.len(), 1);
    assert!(
        fleet.failures[0].message.contains("Security Reader"),
        "{:?}",
        fleet.failures
    );
}

#[test]
fn a_cluster_override_wins_unless_it_inherits() {
    let sub = "/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Security/\
               pricings/";
    let cluster_pricing = format!("{A}/providers/Microsoft.Security/pricings/Containers");
    let assemble = |override_row: PlanRow| {
        assemble_fleet(FetchedFleet {
            clusters: Ok(vec![row(A)]),
            plans: Ok(vec![
                plan(&format!("{sub}Containers"), "Containers", "Free", ""),
                plan(&format!("{sub}CloudPosture"), "CloudPosture", "Free", ""),
                override_row,
            ]),
            posture: Ok(Vec::new()),
        })
        .unwrap()
        .clusters
        .remove(0)
    };
    let on = assemble(plan(&cluster_pricing, "Containers", "Standard", "False"));
    assert_eq!(on.containers, ContainersPlan::ClusterOn);
    assert_eq!(
        on.posture.map(|p| p.highest()),
        Ok(None),
        "assessed, nothing found"
    );
    let inherits = assemble(plan(&cluster_pricing, "Containers", "Free", "True"));
    assert_eq!(inherits.containers, ContainersPlan::Off);
    assert_eq!(inherits.posture, Err(Unknown::NotAssessed));
}

#[test]
fn only_a_failed_cluster_list_fails_the_fleet() {
    let down = ArmError::Network("offline".into());
    let result = assemble_fleet(FetchedFleet {
        clusters: Err(down.clone()),
        plans: Ok(Vec::new()),
        posture: Ok(Vec::new()),
    });
    assert_eq!(result.unwrap_err(), down);
    assert_eq!(
        FleetQuery::of_text(&FleetQuery::Posture.text()),
        Some(FleetQuery::Posture)
    );
}

/// The dashboard of a cluster whose Defender data cannot be read: Resource Graph returns no row
/// (it filters by access without an error) and the plans are refused, so every tab says its
/// count is not known instead of showing zeros.
#[test]
fn an_unreadable_clusters_dashboard_says_not_known_not_zero() {
    let (demo, _) = demo();
    let client = ArmClient::new(demo, "https://management.azure.com");
    let sandbox = CLUSTERS.iter().find(|c| c.name == "aks-sandbox-a").unwrap();
    let data = block_on(load_cluster(
        &client,
        &ClusterId::parse(&sandbox.id()).unwrap(),
    ))
    .unwrap();
    assert!(data.issues.plans.is_some(), "the plans read was refused");
    for tab in FindingType::ALL {
        let why = data
            .issues
            .tabs
            .get(&tab)
            .unwrap_or_else(|| panic!("{tab:?} has no issue"));
        assert!(why.contains("not a count of zero"), "{tab:?}: {why}");
    }
    // A readable cluster with data has none of them.
    let readable = CLUSTERS
        .iter()
        .find(|c| c.name == "aks-platform-shared-eus")
        .unwrap();
    let data = block_on(load_cluster(
        &client,
        &ClusterId::parse(&readable.id()).unwrap(),
    ))
    .unwrap();
    assert!(data.issues.tabs.is_empty(), "{:?}", data.issues.tabs);
}
