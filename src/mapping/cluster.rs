//! Managed cluster and pricings → header facts.

use crate::arm::ClusterId;
use crate::arm::models::{ManagedCluster, Pricing};
use crate::domain::{ClusterInfo, PlanStatus};

/// Header facts from the managed cluster resource; `portal` is its cloud's portal.
pub fn cluster_info(id: &ClusterId, cluster: &ManagedCluster, portal: &str) -> ClusterInfo {
    let p = &cluster.properties;
    ClusterInfo {
        id: id.to_string(),
        name: cluster.name.clone(),
        resource_group: id.resource_group.clone(),
        subscription_id: id.subscription_id.clone(),
        location: cluster.location.clone(),
        kubernetes_version: p
            .current_kubernetes_version
            .clone()
            .or(p.kubernetes_version.clone())
            .unwrap_or_default(),
        portal: portal.to_string(),
    }
}

/// Header facts when the managed cluster could not be read: what its id says.
pub fn cluster_info_from_id(id: &ClusterId, portal: &str) -> ClusterInfo {
    ClusterInfo {
        id: id.to_string(),
        portal: portal.to_string(),
        name: id.name.clone(),
        resource_group: id.resource_group.clone(),
        subscription_id: id.subscription_id.clone(),
        ..ClusterInfo::default()
    }
}

/// Plan status from the cluster's Containers pricing and the subscription's plans.
pub fn plan_status(cluster_pricing: &Pricing, subscription: &[Pricing]) -> PlanStatus {
    let cspm_on = subscription
        .iter()
        .any(|p| p.name == "CloudPosture" && p.properties.is_on());
    PlanStatus {
        containers_on: cluster_pricing.properties.is_on(),
        inherited: cluster_pricing.properties.is_inherited(),
        cspm_on,
        extensions: cluster_pricing
            .properties
            .extensions
            .iter()
            .map(|e| (e.name.clone(), e.enabled()))
            .collect(),
    }
}
