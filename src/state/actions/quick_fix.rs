//! Quick Fix, step by step: read the cluster and show exactly what will change; on confirm,
//! `PUT` it with `If-Match`, follow the operation, and re-read the recommendation.

use super::failure::{ActionError, Role, classify};
use crate::arm::actions::{Planned, operation, quick_fix};
use crate::arm::models::Assessment;
use crate::arm::{ArmClient, ClusterId, Transport, endpoints};
use crate::domain::actions::{FieldChange, Fix, FixInput, RequestPreview};
use serde_json::Value;

/// A fix ready to apply: what changes, and the exact request.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub changes: Vec<FieldChange>,
    pub preview: RequestPreview,
    planned: Planned,
}

impl Prepared {
    /// The ETag the cluster was read with (sent as `If-Match`).
    pub fn etag(&self) -> Option<&str> {
        self.planned.if_match.as_deref()
    }
}

/// Reads the cluster and builds the change.
pub async fn prepare<T: Transport>(
    client: &ArmClient<T>,
    cluster: &ClusterId,
    fix: Fix,
    input: &FixInput,
) -> Result<Prepared, String> {
    let current: Value = client
        .get(endpoints::managed_cluster(cluster))
        .await
        .map_err(|e| format!("The cluster could not be read: {e}"))?;
    let (body, changes) = quick_fix::apply(&current, fix, input)?;
    let etag = current["eTag"].as_str().map(String::from);
    let planned = quick_fix::put(cluster, body, etag);
    Ok(Prepared {
        changes,
        preview: planned.preview(client.endpoint()),
        planned,
    })
}

/// Sends the prepared change and follows it to the end; `progress` hears each step.
pub async fn apply<T: Transport>(
    client: &ArmClient<T>,
    prepared: &Prepared,
    mut progress: impl FnMut(String),
) -> Result<(), ActionError> {
    progress("Sending the change…".into());
    let response = client
        .send_planned(&prepared.planned)
        .await
        .map_err(|e| classify(&e, Role::ClusterContributor))?;
    progress("Azure accepted the change; the cluster is updating…".into());
    let resource = client.url(&prepared.planned.path);
    operation::follow(client, &response, &resource, |line| {
        progress(format!("Updating the cluster: {line}"))
    })
    .await
    .map_err(|e| ActionError::other(format!("The cluster update did not complete: {e}")))?;
    Ok(())
}

/// Whether the recommendation is healthy now (Defender may take up to a day to re-scan).
pub async fn reread<T: Transport>(
    client: &ArmClient<T>,
    assessment_id: &str,
) -> Result<bool, String> {
    let assessment: Assessment = client
        .get(endpoints::assessment(assessment_id))
        .await
        .map_err(|e| format!("The recommendation could not be read again: {e}"))?;
    Ok(assessment.properties.status.code == "Healthy")
}

/// The versions the control plane can be upgraded to, newest first.
pub async fn upgrade_versions<T: Transport>(
    client: &ArmClient<T>,
    cluster: &ClusterId,
) -> Result<Vec<String>, String> {
    let profile: Value = client
        .get(endpoints::upgrade_profile(cluster))
        .await
        .map_err(|e| format!("The available Kubernetes versions could not be read: {e}"))?;
    Ok(quick_fix::upgrade_versions(&profile))
}
