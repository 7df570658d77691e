//! Loads one cluster's dashboard data through the ARM client in three independent chains run
//! side by side (recommendations → metadata and owners; standards → controls → control
//! assessments; single reads and the paged vulnerability and alert lists), so the critical path
//! is the longest chain (three round trips, or a list's page count), not their sum. Each source
//! fails on its own: its error is recorded and the rest still loads.

use crate::arm::endpoints::{self, NODE_VULN_KEY, RUNNING_IMAGES_VULN_KEY};
use crate::arm::models::{
    Alert, Assessment, AssessmentMetadata, ComplianceAssessment, ComplianceControl,
    ComplianceStandard, GovernanceAssignment, ManagedCluster, Pricing, SubAssessment,
};
use crate::arm::{ArmClient, ArmError, ClusterId, Transport};
use crate::domain::{ClusterData, FindingType, LoadIssues, PlanStatus, RecommendationKind, links};
use crate::mapping;
use futures::{StreamExt, stream};
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

/// Requests in flight at once per fan-out (metadata, owners, controls). ARM speaks HTTP/2, so
/// they share one connection; measured with 100 ms latency (`examples/load_latency.rs`), 6 gave
/// a 7-round-trip load (738 ms), 12 gives 4 (436 ms), more gains nothing.
pub const FAN_OUT: usize = 12;

/// Reads everything the dashboard shows for `cluster`. Sources fail independently: a failed
/// request empties only what depends on it and is recorded in [`LoadIssues`], so the other tabs
/// still render and the incomplete ones say so. Only an id that is not a cluster fails the load.
pub async fn load_cluster<T: Transport>(
    client: &ArmClient<T>,
    cluster: &ClusterId,
) -> Result<ClusterData, ArmError> {
    let portal = links::portal_for(client.endpoint());
    // Three independent chains run side by side, so the slowest decides the critical path, not
    // the sum: recommendations → their metadata and owners; standards → controls → control
    // assessments; and the single reads and vulnerability lists.
    let recommendations_chain = async {
        let assessments = client
            .list::<Assessment>(endpoints::cluster_assessments(cluster))
            .await;
        let Ok(list) = &assessments else {
            return (assessments, Ok(Vec::new()), Ok(Vec::new()));
        };
        let (keys, owned) = (without_metadata(list), owner_keys(list));
        let (metadata, assignments) = futures::join!(
            fan_out(keys.iter().map(|k| optional(
                client.get::<AssessmentMetadata>(endpoints::assessment_metadata(k))
            ))),
            // Each key with its assignments, so the mapping below looks owners up by key.
            fan_out(owned.iter().map(|k| async move {
                let endpoint = endpoints::governance_assignments(cluster, k);
                let read = client.list::<GovernanceAssignment>(endpoint).await?;
                Ok((k.to_ascii_lowercase(), read))
            })),
        );
        (assessments, metadata, assignments)
    };
    let compliance_chain = async {
        let standards = client
            .list::<ComplianceStandard>(endpoints::compliance_standards(cluster))
            .await;
        let Ok(list) = &standards else {
            return (standards, Ok(Vec::new()), Ok(Vec::new()));
        };
        let controls = fan_out(
            list.iter()
                .map(|s| client.list::<ComplianceControl>(endpoints::compliance_controls(&s.id))),
        )
        .await;
        let Ok(found) = &controls else {
            return (standards, controls, Ok(Vec::new()));
        };
        let control_assessments = fan_out(found.iter().map(|cs| {
            fan_out(cs.iter().map(|c| {
                client.list::<ComplianceAssessment>(endpoints::compliance_assessments(&c.id))
            }))
        }))
        .await;
        (standards, controls, control_assessments)
    };
    let (
        managed,
        pricing,
        plans,
        image_vulns,
        node_vulns,
        alerts,
        (assessments, metadata, assignments),
        (standards, controls, control_assessments),
    ) = futures::join!(
        client.get::<ManagedCluster>(endpoints::managed_cluster(cluster)),
        client.get::<Pricing>(endpoints::cluster_containers_pricing(cluster)),
        client.list::<Pricing>(endpoints::subscription_plans(cluster)),
        optional_list::<T, SubAssessment>(
            client,
            endpoints::sub_assessments(cluster, RUNNING_IMAGES_VULN_KEY)
        ),
        optional_list::<T, SubAssessment>(
            client,
            endpoints::sub_assessments(cluster, NODE_VULN_KEY)
        ),
        client.list::<Alert>(endpoints::resource_group_alerts(cluster)),
        recommendations_chain,
        compliance_chain,
    );
    let mut issues = LoadIssues::default();
    let (vulnerability, misconfiguration, compliance) = (
        FindingType::Vulnerability,
        FindingType::Misconfiguration,
        FindingType::Compliance,
    );
    let assessments = assessments.unwrap_or_else(|e| {
        let reason = format!("Recommendations could not be read: {}", e.for_reader());
        issues.tab(misconfiguration, reason.clone());
        issues.tab(
            vulnerability,
            format!("Node pool findings are missing. {reason}"),
        );
        issues.tab(
            compliance,
            format!("Compliance needs the recommendations. {reason}"),
        );
        Vec::new()
    });
    let standards = standards.unwrap_or_else(|e| {
        issues.tab(
            compliance,
            format!("Compliance standards could not be read: {}", e.for_reader()),
        );
        Vec::new()
    });
    // Without metadata, severities and descriptions are unknown: the counts would be wrong.
    let metadata = metadata.unwrap_or_else(|e| {
        let reason = format!(
            "Recommendation details could not be read, so levels may be wrong: {}",
            e.for_reader()
        );
        issues.tab(misconfiguration, reason.clone());
        issues.tab(compliance, reason);
        Vec::new()
    });
    // Recommendation key (lower case) → its assignments; a key missing here was not read.
    let assignments: BTreeMap<String, Vec<GovernanceAssignment>> =
        assignments.map(BTreeMap::from_iter).unwrap_or_else(|e| {
            issues.tab(
                misconfiguration,
                format!("Owners and due dates could not be read: {}", e.for_reader()),
            );
            BTreeMap::new()
        });
    let controls = controls.unwrap_or_else(|e| {
        issues.tab(
            compliance,
            format!("Compliance controls could not be read: {}", e.for_reader()),
        );
        Vec::new()
    });
    let control_assessments = control_assessments.unwrap_or_else(|e| {
        issues.tab(
            compliance,
            format!("Control assessments could not be read: {}", e.for_reader()),
        );
        Vec::new()
    });

    let recommendations: Vec<_> = assessments
        .iter()
        .map(|a| {
            let meta = metadata
                .iter()
                .flatten()
                .find(|m| m.name.eq_ignore_ascii_case(&a.name))
                .map(|m| &m.properties);
            let read = assignments
                .get(&a.name.to_ascii_lowercase())
                .map(Vec::as_slice);
            mapping::recommendation(a, meta, read, portal)
        })
        .collect();
    let compliance = standards
        .iter()
        .zip(controls.into_iter().zip(control_assessments))
        .map(|(s, (cs, cas))| {
            let pairs: Vec<_> = cs.into_iter().zip(cas).collect();
            mapping::compliance_standard(s, &pairs, &recommendations)
        })
        .collect();

    let cluster_id = cluster.to_string();
    let cluster_info = match &managed {
        Ok(m) => mapping::cluster_info(cluster, m, portal),
        Err(e) => {
            issues.cluster = Some(format!(
                "Cluster details could not be read: {}",
                e.for_reader()
            ));
            mapping::cluster_info_from_id(cluster, portal)
        }
    };
    let plan = match (&pricing, &plans) {
        (Ok(p), Ok(s)) => mapping::plan_status(p, s),
        (Err(e), _) | (_, Err(e)) => {
            issues.plans = Some(format!(
                "The Defender plans could not be read: {}",
                e.for_reader()
            ));
            PlanStatus::default()
        }
    };
    let alerts = alerts.unwrap_or_else(|e| {
        issues.tab(
            FindingType::Alert,
            format!("Security alerts could not be read: {}", e.for_reader()),
        );
        Vec::new()
    });
    let mut scanned = Vec::new();
    for list in [image_vulns, node_vulns] {
        match list {
            Ok(found) => scanned.extend(found),
            Err(e) => issues.tab(
                vulnerability,
                format!(
                    "Vulnerability findings could not be read: {}",
                    e.for_reader()
                ),
            ),
        }
    }
    // Nothing readable at all (no access, no network): one clear error beats four empty tabs.
    if let Err(e) = &managed
        && issues.tabs.len() == FindingType::ALL.len()
    {
        return Err(e.clone());
    }
    Ok(ClusterData {
        cluster: cluster_info,
        plan,
        alerts: alerts
            .iter()
            .filter(|a| mapping::alerts::concerns(a, &cluster_id))
            .map(mapping::alert)
            .collect(),
        vulnerabilities: scanned
            .iter()
            .filter_map(|s| mapping::vulnerability(s, portal))
            .chain(
                assessments
                    .iter()
                    .flat_map(|a| mapping::vulnerabilities::individual(a, portal)),
            )
            .collect(),
        recommendations,
        compliance,
        issues,
    })
}

/// Keys whose assessments came without inline metadata (their metadata is read separately).
fn without_metadata(assessments: &[Assessment]) -> BTreeSet<&str> {
    assessments
        .iter()
        .filter(|a| a.properties.metadata.is_none())
        .map(|a| a.name.as_str())
        .collect()
}

/// Keys whose owners the dashboard shows, in a fixed order: unhealthy recommendations that are
/// not vulnerability findings, and the few grouped vulnerability recommendations (their owner
/// shows in the vulnerability pane). Not the individual one-per-package ones: reading those too
/// would add a round trip (the demo's 34 unhealthy keys take three rounds of twelve, these 19
/// take two: 70 requests, 3 round trips in `examples/load_latency`).
fn owner_keys(assessments: &[Assessment]) -> BTreeSet<&str> {
    assessments
        .iter()
        .filter(|a| a.properties.status.code == "Unhealthy")
        .filter(|a| {
            let inline = a.properties.metadata.as_ref();
            mapping::keys::is_grouped_vulnerability(&a.name)
                || mapping::keys::kind_of(
                    &a.name,
                    inline.and_then(|m| m.recommendation_category.as_deref()),
                    inline.and_then(|m| m.policy_definition_id.as_deref()),
                ) != RecommendationKind::Vulnerability
        })
        .map(|a| a.name.as_str())
        .collect()
}

/// A list whose parent may not exist for this cluster (no vulnerability assessment yet): 404 is empty.
async fn optional_list<T: Transport, R: serde::de::DeserializeOwned>(
    client: &ArmClient<T>,
    path: String,
) -> Result<Vec<R>, ArmError> {
    match client.list::<R>(path).await {
        Err(ArmError::Http { status: 404, .. }) => Ok(Vec::new()),
        other => other,
    }
}

/// A resource that may legitimately not exist (built-in metadata of a dynamic key): 404 is `None`.
async fn optional<R>(
    request: impl Future<Output = Result<R, ArmError>>,
) -> Result<Option<R>, ArmError> {
    match request.await {
        Ok(r) => Ok(Some(r)),
        Err(ArmError::Http { status: 404, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Runs futures at most [`FAN_OUT`] at a time, keeping their order; the first error wins.
async fn fan_out<R, F: Future<Output = Result<R, ArmError>>>(
    futures: impl Iterator<Item = F>,
) -> Result<Vec<R>, ArmError> {
    stream::iter(futures)
        .buffered(FAN_OUT)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect()
}
