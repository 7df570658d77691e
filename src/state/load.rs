//! Loads one cluster's dashboard data through the ARM client, in three rounds of parallel
//! requests (lists, then per-item metadata and controls, then control assessments), so the
//! critical path stays at three round trips whatever the number of findings.

use crate::arm::endpoints::{self, NODE_VULN_KEY, RUNNING_IMAGES_VULN_KEY};
use crate::arm::models::{
    Alert, Assessment, AssessmentMetadata, ComplianceAssessment, ComplianceControl,
    ComplianceStandard, GovernanceAssignment, ManagedCluster, Pricing, SubAssessment,
};
use crate::arm::{ArmClient, ArmError, ClusterId, Transport};
use crate::domain::ClusterData;
use crate::mapping;
use futures::{StreamExt, stream};
use std::collections::BTreeSet;
use std::future::Future;

/// Requests in flight at once for fan-outs (metadata, assignments, controls): polite to ARM's
/// per-principal read bucket and enough to hide latency.
pub const FAN_OUT: usize = 6;

/// Reads everything the dashboard shows for `cluster`. Any failed request fails the load with
/// that request's error: the dashboard never shows a partial dataset as if it were complete.
pub async fn load_cluster<T: Transport>(
    client: &ArmClient<T>,
    cluster: &ClusterId,
) -> Result<ClusterData, ArmError> {
    let (managed, pricing, plans, assessments, image_vulns, node_vulns, alerts, standards) = futures::join!(
        client.get::<ManagedCluster>(endpoints::managed_cluster(cluster)),
        client.get::<Pricing>(endpoints::cluster_containers_pricing(cluster)),
        client.list::<Pricing>(endpoints::subscription_plans(cluster)),
        client.list::<Assessment>(endpoints::cluster_assessments(cluster)),
        optional_list::<T, SubAssessment>(
            client,
            endpoints::sub_assessments(cluster, RUNNING_IMAGES_VULN_KEY)
        ),
        optional_list::<T, SubAssessment>(
            client,
            endpoints::sub_assessments(cluster, NODE_VULN_KEY)
        ),
        client.list::<Alert>(endpoints::resource_group_alerts(cluster)),
        client.list::<ComplianceStandard>(endpoints::compliance_standards(cluster)),
    );
    let (managed, pricing, plans, assessments, alerts, standards) = (
        managed?,
        pricing?,
        plans?,
        assessments?,
        alerts?,
        standards?,
    );

    let keys: BTreeSet<&str> = assessments
        .iter()
        .filter(|a| a.properties.metadata.is_none())
        .map(|a| a.name.as_str())
        .collect();
    let unhealthy: BTreeSet<&str> = assessments
        .iter()
        .filter(|a| a.properties.status.code == "Unhealthy")
        .map(|a| a.name.as_str())
        .collect();
    let (metadata, assignments, controls) = futures::join!(
        fan_out(keys.iter().map(|k| optional(
            client.get::<AssessmentMetadata>(endpoints::assessment_metadata(k))
        ))),
        fan_out(unhealthy.iter().map(|k| {
            client.list::<GovernanceAssignment>(endpoints::governance_assignments(cluster, k))
        })),
        fan_out(
            standards
                .iter()
                .map(|s| client.list::<ComplianceControl>(endpoints::compliance_controls(&s.id)))
        ),
    );
    let (metadata, assignments, controls) = (metadata?, assignments?, controls?);

    let control_assessments =
        fan_out(controls.iter().map(|cs| {
            fan_out(cs.iter().map(|c| {
                client.list::<ComplianceAssessment>(endpoints::compliance_assessments(&c.id))
            }))
        }))
        .await?;

    let recommendations: Vec<_> = assessments
        .iter()
        .map(|a| {
            let meta = metadata
                .iter()
                .flatten()
                .find(|m| m.name.eq_ignore_ascii_case(&a.name))
                .map(|m| &m.properties);
            let assignment = unhealthy
                .iter()
                .position(|k| k.eq_ignore_ascii_case(&a.name))
                .and_then(|i| assignments[i].first());
            mapping::recommendation(a, meta, assignment)
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
    Ok(ClusterData {
        cluster: mapping::cluster_info(cluster, &managed),
        plan: mapping::plan_status(&pricing, &plans),
        alerts: alerts
            .iter()
            .filter(|a| mapping::alerts::concerns(a, &cluster_id))
            .map(mapping::alert)
            .collect(),
        vulnerabilities: image_vulns?
            .iter()
            .chain(node_vulns?.iter())
            .filter_map(mapping::vulnerability)
            .chain(
                assessments
                    .iter()
                    .flat_map(mapping::vulnerabilities::individual),
            )
            .collect(),
        recommendations,
        compliance,
    })
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
