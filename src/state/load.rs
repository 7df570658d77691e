//! Loads one cluster's dashboard data: what Azure holds is fetched here, then assembled by the
//! pure [`mapping::assemble`].
//!
//! One round trip in the live model: the five Resource Graph queries (recommendations with their
//! metadata inline, alerts, owners, compliance, exemptions: `arm::queries`) and three REST reads
//! (the cluster, its Containers plan, the subscription's plans) go out together, 8 requests in all,
//! pages aside. A second round trip only where the cluster still has a grouped vulnerability
//! recommendation (retired 2026-07-31): its REST sub-assessment list is read, and a 404 says the
//! list is retired instead of "0 findings". Each source fails on its own.

use crate::arm::endpoints::{self, NODE_VULN_KEY, RUNNING_IMAGES_VULN_KEY};
use crate::arm::graph::{self, GraphQuery};
use crate::arm::models::{Assessment, ManagedCluster, Pricing, SubAssessment};
use crate::arm::queries::QueryKind;
use crate::arm::{ArmClient, ArmError, ClusterId, Transport};
use crate::domain::actions::Date;
use crate::domain::{ClusterData, links};
use crate::mapping::{self, Fetched, GroupedRead};

/// Reads everything the dashboard shows for `cluster`. Only when nothing at all could be read
/// does the load fail; otherwise the failed sources are noted on their tabs.
pub async fn load_cluster<T: Transport>(
    client: &ArmClient<T>,
    cluster: &ClusterId,
) -> Result<ClusterData, ArmError> {
    let portal = links::portal_for(client.endpoint());
    let fetched = fetch(client, cluster).await;
    mapping::assemble(cluster, portal, fetched)
}

/// Sends the load's requests: one round of eight, then the grouped lists where they may exist.
pub async fn fetch<T: Transport>(client: &ArmClient<T>, cluster: &ClusterId) -> Fetched {
    let queries: Vec<(QueryKind, GraphQuery)> = QueryKind::ALL
        .iter()
        .map(|k| (*k, k.query(cluster)))
        .collect();
    let query = |kind: QueryKind| &queries[kind as usize].1;
    let read = futures::join!(
        client.get::<ManagedCluster>(endpoints::managed_cluster(cluster)),
        client.get::<Pricing>(endpoints::cluster_containers_pricing(cluster)),
        client.list::<Pricing>(endpoints::subscription_plans(cluster)),
        graph::query::<_, Assessment>(client, query(QueryKind::Recommendations)),
        graph::query(client, query(QueryKind::Alerts)),
        graph::query(client, query(QueryKind::Owners)),
        graph::query(client, query(QueryKind::Compliance)),
        graph::query(client, query(QueryKind::Exemptions)),
    );
    let (managed, pricing, plans, assessments, alerts, owners, compliance, exemptions) = read;
    let grouped_parents: Vec<Assessment> = assessments
        .as_ref()
        .map(|list| {
            list.iter()
                .filter(|a| is_grouped_parent(a, cluster))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let grouped = futures::future::join_all(grouped_parents.into_iter().map(|parent| async {
        let path = endpoints::sub_assessments(cluster, &parent.name);
        let request = format!("GET {}", client.url(&path));
        let read = client.list::<SubAssessment>(path).await;
        GroupedRead {
            parent,
            request,
            read,
        }
    }))
    .await;
    Fetched {
        managed,
        pricing,
        plans,
        queries,
        assessments,
        alerts,
        owners,
        compliance,
        exemptions,
        grouped,
        today: today(),
    }
}

/// Today's date: the page's clock in the browser, the system's natively (tests, examples).
pub fn today() -> Date {
    #[cfg(target_arch = "wasm32")]
    {
        crate::browser::clock::today()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((seconds / 86_400) as i64)
    }
}

/// An unhealthy grouped vulnerability recommendation on the cluster itself: its findings are
/// sub-assessments, which only REST lists (and which Microsoft retired on 2026-07-31).
fn is_grouped_parent(a: &Assessment, cluster: &ClusterId) -> bool {
    let on_cluster =
        a.id.to_ascii_lowercase()
            .starts_with(&format!("{}/", cluster.to_string().to_ascii_lowercase()));
    on_cluster
        && a.properties.status.code == "Unhealthy"
        && [RUNNING_IMAGES_VULN_KEY, NODE_VULN_KEY]
            .iter()
            .any(|k| a.name.eq_ignore_ascii_case(k))
}
