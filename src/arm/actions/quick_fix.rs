//! Quick Fix on the managed cluster: read-modify-write of the whole `ManagedCluster` (AKS has
//! no PATCH for properties). Only the fields of the fix change; everything else is sent back as
//! it was read, and `If-Match` carries the ETag so a concurrent change is refused (412), not
//! overwritten.

use super::Planned;
use crate::arm::ClusterId;
use crate::arm::endpoints;
use crate::arm::transport::Method;
use crate::domain::actions::{FieldChange, Fix, FixInput};
use serde_json::{Value, json};

/// The non-preview control-plane versions the upgrade profile offers, newest first.
pub fn upgrade_versions(profile: &Value) -> Vec<String> {
    let mut versions: Vec<String> = profile
        .pointer("/properties/controlPlaneProfile/upgrades")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|u| !u["isPreview"].as_bool().unwrap_or(false))
        .filter_map(|u| u["kubernetesVersion"].as_str().map(String::from))
        .collect();
    versions.sort_by_key(|v| {
        std::cmp::Reverse(
            v.split('.')
                .map(|p| p.parse::<u32>().unwrap_or(0))
                .collect::<Vec<_>>(),
        )
    });
    versions
}

/// The cluster as it will be sent, and the fields that change; `Err` says why this cluster
/// cannot take the fix (and what to do instead).
pub fn apply(
    cluster: &Value,
    fix: Fix,
    input: &FixInput,
) -> Result<(Value, Vec<FieldChange>), String> {
    let mut after = cluster.clone();
    let mut set: Vec<(&str, Value)> = Vec::new();
    match (fix, input) {
        (Fix::DefenderProfile, _) => {
            let workspace = [
                "/properties/securityProfile/defender/logAnalyticsWorkspaceResourceId",
                "/properties/addonProfiles/omsagent/config/logAnalyticsWorkspaceResourceID",
            ]
            .iter()
            .find_map(|p| cluster.pointer(p).and_then(Value::as_str))
            .filter(|w| !w.is_empty())
            .ok_or(
                "The Defender sensor needs a Log Analytics workspace and none is set on this \
                    cluster. Run `az aks update --enable-defender`, which creates a default \
                    workspace, or set one first.",
            )?;
            set.push((
                "/properties/securityProfile/defender/logAnalyticsWorkspaceResourceId",
                json!(workspace),
            ));
            set.push((
                "/properties/securityProfile/defender/securityMonitoring/enabled",
                json!(true),
            ));
        }
        (Fix::AzurePolicyAddon, _) => {
            set.push(("/properties/addonProfiles/azurepolicy/enabled", json!(true)));
        }
        (Fix::AuthorizedIpRanges, FixInput::IpRanges(ranges)) => {
            if cluster
                .pointer("/properties/apiServerAccessProfile/enablePrivateCluster")
                .and_then(Value::as_bool)
                == Some(true)
            {
                return Err(
                    "This is a private cluster: its API server has no public endpoint, so \
                            authorized IP ranges do not apply."
                        .into(),
                );
            }
            set.push((
                "/properties/apiServerAccessProfile/authorizedIPRanges",
                json!(ranges),
            ));
        }
        (Fix::DisableLocalAccounts, _) => {
            if cluster
                .pointer("/properties/aadProfile/managed")
                .and_then(Value::as_bool)
                != Some(true)
            {
                return Err(
                    "Local accounts can only be disabled on a cluster with Microsoft Entra \
                            integration (aadProfile.managed). Enable it first: `az aks update \
                            --enable-aad`."
                        .into(),
                );
            }
            set.push(("/properties/disableLocalAccounts", json!(true)));
        }
        (Fix::UpgradeKubernetes, FixInput::Version(version)) => {
            set.push(("/properties/kubernetesVersion", json!(version)));
        }
        (Fix::Rbac | Fix::DiagnosticLogs, _) => return Err(fix.guidance().into()),
        _ => return Err("This fix needs input that was not given.".into()),
    }
    let mut changes = Vec::new();
    for (pointer, value) in set {
        let before = cluster.pointer(pointer).cloned().unwrap_or(Value::Null);
        if before != value {
            changes.push(FieldChange {
                path: pointer.trim_start_matches('/').replace('/', "."),
                before: text(&before),
                after: text(&value),
            });
        }
        put_pointer(&mut after, pointer, value);
    }
    if changes.is_empty() {
        return Err(
            "The cluster already has this setting: Defender for Cloud will mark the \
                    recommendation healthy at its next scan."
                .into(),
        );
    }
    Ok((after, changes))
}

/// `PUT` the whole cluster back, conditional on the ETag it was read with.
pub fn put(cluster: &ClusterId, body: Value, etag: Option<String>) -> Planned {
    Planned {
        method: Method::Put,
        path: endpoints::managed_cluster(cluster),
        body: Some(body),
        if_match: etag,
    }
}

/// Sets `value` at a JSON pointer, creating the objects on the way.
pub fn put_pointer(target: &mut Value, pointer: &str, value: Value) {
    let mut node = target;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for part in &parts[..parts.len() - 1] {
        if !node.get(*part).is_some_and(Value::is_object) {
            node[*part] = json!({});
        }
        node = &mut node[*part];
    }
    node[parts[parts.len() - 1]] = value;
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => "(not set)".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
