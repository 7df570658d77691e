//! The demo's AKS: a managed cluster `PUT` checks `If-Match`, runs as a long-running operation
//! for a couple of polls, and when it ends the cluster's control-plane recommendations are
//! re-evaluated against its new settings, as Defender for Cloud's next scan would.

use super::{DemoTransport, Entry, error, ok};
use crate::arm::transport::{ArmRequest, ArmResponse};
use serde_json::{Value, json};

impl DemoTransport {
    /// A managed cluster update: ETag check, then an operation that runs for a few polls.
    pub(super) fn put_cluster(&self, path: &str, request: &ArmRequest) -> ArmResponse {
        let Some(mut value) = request
            .body
            .as_deref()
            .and_then(|b| serde_json::from_str::<Value>(b).ok())
        else {
            return error(
                400,
                "InvalidRequestContent",
                "The request body is not valid JSON.",
            );
        };
        let key = path.to_ascii_lowercase();
        let mut store = self.store.borrow_mut();
        let Some(current) = store.iter_mut().find(|e| e.id == key) else {
            return error(
                404,
                "ResourceNotFound",
                &format!("The resource '{path}' was not found."),
            );
        };
        let etag = current.value["eTag"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let if_match = request
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("If-Match"))
            .map(|(_, v)| v.as_str());
        if if_match.is_some_and(|m| m != "*" && m != etag) {
            return error(
                412,
                "PreconditionFailed",
                &format!(
                    "Operation is not allowed: the resource's eTag is '{etag}', the request's \
                     If-Match is '{}'.",
                    if_match.unwrap_or_default()
                ),
            );
        }
        let generation = u32::from_str_radix(etag.get(..2).unwrap_or("0"), 16).unwrap_or(0) + 1;
        value["id"] = current.value["id"].clone();
        value["eTag"] = json!(format!(
            "{generation:02x}{}",
            etag.get(2..).unwrap_or_default()
        ));
        value["properties"]["provisioningState"] = json!("Updating");
        current.value = value.clone();
        let operation = format!(
            "{}/providers/Microsoft.ContainerService/locations/{}/operations/{}",
            path.split("/resourceGroups/").next().unwrap_or_default(),
            value["location"].as_str().unwrap_or("westeurope"),
            operation_id(&format!("{key}#{generation}"))
        );
        store.push(Entry::new(json!({
            "id": operation,
            "name": operation.rsplit('/').next(),
            "status": "InProgress",
            "startTime": "2026-11-22T10:00:00Z",
            "pollsLeft": 2,
            "cluster": key,
        })));
        let mut response = ok(200, &value);
        response.headers.push((
            "azure-asyncoperation".into(),
            format!("https://management.azure.com{operation}?api-version=2025-10-01"),
        ));
        response.headers.push(("retry-after".into(), "1".into()));
        response
    }

    /// One poll of a cluster operation: in progress for a couple of polls, then done.
    pub(super) fn poll_operation(&self, key: &str) -> ArmResponse {
        let finished = {
            let mut store = self.store.borrow_mut();
            let Some(op) = store.iter_mut().find(|e| e.id == key) else {
                return error(404, "NotFound", "No such operation.");
            };
            let left = op.value["pollsLeft"].as_u64().unwrap_or(0);
            if left > 0 {
                op.value["pollsLeft"] = json!(left - 1);
                let mut response = ok(
                    200,
                    &json!({
                        "name": op.value["name"],
                        "status": "InProgress",
                        "startTime": op.value["startTime"],
                    }),
                );
                response.headers.push(("retry-after".into(), "1".into()));
                return response;
            }
            let was_running = op.value["status"] == "InProgress";
            op.value["status"] = json!("Succeeded");
            op.value["endTime"] = json!("2026-11-22T10:00:03Z");
            (
                was_running,
                op.value["cluster"].as_str().unwrap_or_default().to_string(),
                op.value.clone(),
            )
        };
        let (was_running, cluster, op) = finished;
        if was_running {
            self.finish_cluster_update(&cluster);
        }
        ok(
            200,
            &json!({
                "name": op["name"],
                "status": op["status"],
                "startTime": op["startTime"],
                "endTime": op["endTime"],
            }),
        )
    }

    /// The update is done: the cluster is `Succeeded` again and its control-plane
    /// recommendations are re-evaluated against its new settings.
    fn finish_cluster_update(&self, cluster_key: &str) {
        let mut store = self.store.borrow_mut();
        let Some(cluster) = store.iter_mut().find(|e| e.id == cluster_key) else {
            return;
        };
        cluster.value["properties"]["provisioningState"] = json!("Succeeded");
        let cluster = cluster.value.clone();
        let prefix = format!("{cluster_key}/providers/microsoft.security/assessments/");
        for entry in store
            .iter_mut()
            .filter(|e| e.id.starts_with(&prefix) && !e.id[prefix.len()..].contains('/'))
        {
            let name = entry.id[prefix.len()..].to_string();
            // The policy behind it, from its inline metadata (as Resource Graph rows carry it).
            let policy = entry
                .value
                .pointer("/properties/metadata/policyDefinitionId")
                .and_then(Value::as_str)
                .and_then(|p| p.rsplit('/').next())
                .map(str::to_ascii_lowercase);
            if let Some(healthy) = demo_evaluation(&name, policy.as_deref(), &cluster) {
                let status = &mut entry.value["properties"]["status"];
                status["code"] = json!(if healthy { "Healthy" } else { "Unhealthy" });
                status["statusChangeDate"] = json!("2026-11-22T10:00:03.0000000Z");
            }
        }
    }
}

/// The demo's stand-in for Defender's scan of control-plane settings: `Some(healthy)` for the
/// recommendations it knows, by assessment key or policy definition GUID.
fn demo_evaluation(key: &str, policy: Option<&str>, cluster: &Value) -> Option<bool> {
    let flag = |pointer: &str| cluster.pointer(pointer).and_then(Value::as_bool) == Some(true);
    Some(match (key, policy.unwrap_or_default()) {
        ("56a83a6e-c417-42ec-b567-1e6fcb3d09a9", _) => {
            flag("/properties/securityProfile/defender/securityMonitoring/enabled")
        }
        (_, "0a15ec92-a229-4763-bb14-0ea34a568f8d") => {
            flag("/properties/addonProfiles/azurepolicy/enabled")
        }
        (_, "0e246bcf-5f6f-4f87-bc6f-775d4712c7ea") => {
            flag("/properties/apiServerAccessProfile/enablePrivateCluster")
                || cluster
                    .pointer("/properties/apiServerAccessProfile/authorizedIPRanges")
                    .and_then(Value::as_array)
                    .is_some_and(|r| !r.is_empty())
        }
        (_, "993c2fcd-2b29-49d2-9eb0-df2c3a730c32") => flag("/properties/disableLocalAccounts"),
        // The demo's baseline: Kubernetes 1.31 or later.
        (_, "fb893a29-21bb-418c-a157-e99480ec364c") => {
            let version = cluster
                .pointer("/properties/kubernetesVersion")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let minor: Vec<u32> = version
                .split('.')
                .take(2)
                .filter_map(|p| p.parse().ok())
                .collect();
            minor >= vec![1, 31]
        }
        _ => return None,
    })
}

/// A stable GUID-shaped operation id (FNV-1a of the cluster and its update number).
fn operation_id(seed: &str) -> String {
    let hash = seed.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let hex = format!(
        "{hash:016x}{:016x}",
        hash.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15
    );
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

pub(super) fn is_managed_cluster(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    parts.len() == 8 && parts[6].eq_ignore_ascii_case("managedClusters")
}
