//! Defender for Containers for one cluster: resource-level pricing `PUT` (on/off, extensions)
//! and `DELETE` (back to the subscription's setting).

use super::Planned;
use crate::arm::endpoints::cluster_containers_pricing;
use crate::arm::resource_id::ClusterId;
use crate::arm::transport::Method;
use serde_json::{Value, json};

/// Sets the plan on (`Standard`) or off (`Free`) for the cluster, with every extension the
/// pricing had and the user's choices applied. Extensions the dashboard does not show are sent
/// back unchanged, so saving one toggle never turns another capability off.
pub fn set(cluster: &ClusterId, on: bool, extensions: &[(String, bool, Option<Value>)]) -> Planned {
    let extensions: Vec<Value> = extensions
        .iter()
        .map(|(name, enabled, more)| {
            let mut e =
                json!({ "name": name, "isEnabled": if *enabled { "True" } else { "False" } });
            if let Some(more) = more {
                e["additionalExtensionProperties"] = more.clone();
            }
            e
        })
        .collect();
    let mut properties = json!({ "pricingTier": if on { "Standard" } else { "Free" } });
    if on {
        properties["extensions"] = json!(extensions);
    }
    Planned::new(
        Method::Put,
        cluster_containers_pricing(cluster),
        Some(json!({ "properties": properties })),
    )
}

/// Removes the cluster's own setting: it inherits the subscription's again.
pub fn inherit(cluster: &ClusterId) -> Planned {
    Planned::new(Method::Delete, cluster_containers_pricing(cluster), None)
}
