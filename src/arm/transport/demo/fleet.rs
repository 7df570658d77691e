//! The demo's fleet: the detailed demo cluster and eleven more, in four subscriptions, of varied
//! posture. Each is made from the demo cluster's own resources, re-rooted under its id (its
//! subscription, resource group, name and location written in) and thinned: only a share of its
//! unhealthy findings and of its alerts is kept, so every cluster is a whole, consistent cluster
//! its dashboard can open. They are made on the first request that needs them (a fleet query,
//! or one naming them), so the single-cluster demo pays nothing for them.

use super::{DemoTransport, Entry};
use crate::arm::queries;
use serde_json::{Value, json};

/// How a subscription's Defender data reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Defender for Containers and Defender CSPM, Standard or Free.
    Readable { containers: bool, cspm: bool },
    /// The clusters can be listed (Reader on their groups), but no Defender data can be read.
    Unreadable,
}

/// A subscription of the demo tenant.
pub struct DemoSubscription {
    pub id: &'static str,
    pub name: &'static str,
    pub access: Access,
}

/// The tenant's subscriptions; the first is the detailed demo cluster's.
pub const SUBSCRIPTIONS: [DemoSubscription; 4] = [
    DemoSubscription {
        id: "3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40",
        name: "Contoso Payments (production)",
        access: Access::Readable {
            containers: true,
            cspm: true,
        },
    },
    DemoSubscription {
        id: "7b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
        name: "Contoso Platform",
        access: Access::Readable {
            containers: true,
            cspm: true,
        },
    },
    DemoSubscription {
        id: "c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f",
        name: "Contoso Dev/Test",
        access: Access::Readable {
            containers: false,
            cspm: false,
        },
    },
    DemoSubscription {
        id: "e8f9a0b1-c2d3-4e4f-a5b6-c7d8e9f0a1b2",
        name: "Contoso Sandbox",
        access: Access::Unreadable,
    },
];

/// The cluster's own Containers plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Override {
    /// Inherits the subscription's.
    Inherit,
    /// Turned on for this cluster.
    On,
}

/// One cluster of the fleet, beyond the detailed one.
pub struct DemoCluster {
    pub name: &'static str,
    /// Index into [`SUBSCRIPTIONS`].
    pub subscription: usize,
    pub resource_group: &'static str,
    pub location: &'static str,
    pub version: &'static str,
    /// Per cent of the demo cluster's unhealthy findings kept.
    pub findings: u32,
    /// Per cent of its alerts kept.
    pub alerts: u32,
    pub plan: Override,
}

const fn cluster(
    name: &'static str,
    subscription: usize,
    resource_group: &'static str,
    location: &'static str,
    version: &'static str,
    (findings, alerts): (u32, u32),
    plan: Override,
) -> DemoCluster {
    DemoCluster {
        name,
        subscription,
        resource_group,
        location,
        version,
        findings,
        alerts,
        plan,
    }
}

use Override::{Inherit, On};

/// The other eleven clusters: production and platform clusters with much or little to fix, a
/// nearly clean one, dev/test clusters with the plans off (one turned on for itself), and two in
/// a subscription whose Defender data the user cannot read.
pub const CLUSTERS: [DemoCluster; 11] = [
    cluster(
        "aks-payments-prod-neu",
        0,
        "rg-payments-prod-neu",
        "northeurope",
        "1.30.6",
        (90, 80),
        Inherit,
    ),
    cluster(
        "aks-checkout-prod-weu",
        0,
        "rg-checkout-prod-weu",
        "westeurope",
        "1.31.2",
        (60, 50),
        Inherit,
    ),
    cluster(
        "aks-platform-shared-weu",
        1,
        "rg-platform-weu",
        "westeurope",
        "1.31.2",
        (40, 30),
        Inherit,
    ),
    cluster(
        "aks-platform-shared-eus",
        1,
        "rg-platform-eus",
        "eastus",
        "1.29.9",
        (70, 10),
        Inherit,
    ),
    cluster(
        "aks-data-ingest-eus2",
        1,
        "rg-data-eus2",
        "eastus2",
        "1.30.6",
        (25, 0),
        Inherit,
    ),
    cluster(
        "aks-identity-prod-weu",
        1,
        "rg-identity-weu",
        "westeurope",
        "1.31.2",
        (5, 0),
        Inherit,
    ),
    cluster(
        "aks-mlops-dev-weu",
        2,
        "rg-mlops-dev",
        "westeurope",
        "1.28.9",
        (0, 0),
        Inherit,
    ),
    cluster(
        "aks-web-dev-weu",
        2,
        "rg-web-dev",
        "westeurope",
        "1.30.6",
        (50, 20),
        On,
    ),
    cluster(
        "aks-batch-test-neu",
        2,
        "rg-batch-test",
        "northeurope",
        "1.29.9",
        (0, 0),
        Inherit,
    ),
    cluster(
        "aks-sandbox-a",
        3,
        "rg-sandbox-a",
        "westeurope",
        "1.31.2",
        (0, 0),
        Inherit,
    ),
    cluster(
        "aks-sandbox-b",
        3,
        "rg-sandbox-b",
        "uksouth",
        "1.30.6",
        (0, 0),
        Inherit,
    ),
];

impl DemoCluster {
    /// The cluster's ARM id.
    pub fn id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ContainerService/\
             managedClusters/{}",
            SUBSCRIPTIONS[self.subscription].id, self.resource_group, self.name
        )
    }
}

/// A stable number in 0..100 for a text (FNV-1a): which findings a thinned cluster keeps.
fn share(text: &str, salt: &str) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in salt.bytes().chain(text.bytes()) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash % 100) as u32
}

/// The demo cluster's names, as its resources spell them.
struct Base {
    subscription: String,
    resource_group: String,
    name: String,
    location: String,
    /// Its id in lower case.
    id: String,
}

impl Base {
    fn of(cluster_id: &str, store: &[Entry]) -> Option<Base> {
        let parts: Vec<&str> = cluster_id.split('/').collect();
        let location = store
            .iter()
            .find(|e| e.id == cluster_id.to_ascii_lowercase())?
            .value["location"]
            .as_str()?
            .to_string();
        Some(Base {
            subscription: parts.get(2)?.to_string(),
            resource_group: parts.get(4)?.to_string(),
            name: parts.get(8)?.to_string(),
            location,
            id: cluster_id.to_ascii_lowercase(),
        })
    }

    /// `value` written for `target`: every spelling of the demo cluster's subscription, group,
    /// name and location replaced (ids, the node resource group, alert texts).
    fn rewrite(&self, value: &Value, target: &DemoCluster) -> Value {
        let text = value.to_string();
        let mut out = text;
        for (from, to) in [
            (
                self.subscription.as_str(),
                SUBSCRIPTIONS[target.subscription].id,
            ),
            (self.resource_group.as_str(), target.resource_group),
            (self.name.as_str(), target.name),
            (self.location.as_str(), target.location),
        ] {
            // A stand-in with no group or name changes the subscription only.
            if !to.is_empty() {
                out = replace_any_case(&out, from, to);
            }
        }
        serde_json::from_str(&out).unwrap_or_else(|_| value.clone())
    }
}

/// Replaces `from` in `text` whatever its letter case (ids are case-insensitive; the node
/// resource group spells the cluster's group in capitals).
fn replace_any_case(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return text.to_string();
    }
    let lower = text.to_ascii_lowercase();
    let needle = from.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in lower.match_indices(&needle) {
        out.push_str(&text[last..at]);
        out.push_str(to);
        last = at + needle.len();
    }
    out.push_str(&text[last..]);
    out
}

impl DemoTransport {
    /// Makes the fleet's other clusters, once.
    pub(super) fn ensure_fleet(&self) {
        if self.fleet_made.get() {
            return;
        }
        self.fleet_made.set(true);
        let made = {
            let store = self.store.borrow();
            let Some(base) = Base::of(&self.cluster_id, &store) else {
                return;
            };
            let mut made: Vec<Entry> = SUBSCRIPTIONS
                .iter()
                .map(|s| {
                    Entry::new(json!({
                        "id": format!("/subscriptions/{}", s.id),
                        "name": s.name,
                        "type": "microsoft.resources/subscriptions",
                        "subscriptionId": s.id,
                    }))
                })
                .collect();
            made.extend(subscription_resources(&base, &store));
            for target in &CLUSTERS {
                made.extend(cluster_resources(&base, &store, target));
            }
            made
        };
        self.store.borrow_mut().extend(made);
    }

    /// Whether `text` (a URL or a request body) names one of the fleet's other clusters or
    /// subscriptions, so the fleet must exist before it is answered.
    pub(super) fn names_fleet(text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        SUBSCRIPTIONS[1..].iter().any(|s| lower.contains(s.id))
            || CLUSTERS
                .iter()
                .any(|c| lower.contains(&format!("/resourcegroups/{}/", c.resource_group)))
    }

    /// Whether `path` is Defender data of a subscription the demo user cannot read.
    pub(super) fn unreadable(path: &str) -> bool {
        let lower = path.to_ascii_lowercase();
        lower.contains("/providers/microsoft.security/")
            && SUBSCRIPTIONS
                .iter()
                .filter(|s| s.access == Access::Unreadable)
                .any(|s| lower.starts_with(&format!("/subscriptions/{}", s.id)))
    }
}

/// The subscription-level resources (plans, compliance) of each other readable subscription,
/// with its plans' tiers.
fn subscription_resources(base: &Base, store: &[Entry]) -> Vec<Entry> {
    let prefix = format!(
        "/subscriptions/{}/providers/",
        base.subscription.to_ascii_lowercase()
    );
    let mut out = Vec::new();
    for (index, sub) in SUBSCRIPTIONS.iter().enumerate().skip(1) {
        let Access::Readable { containers, cspm } = sub.access else {
            continue;
        };
        // Re-rooted with a stand-in cluster of the subscription (only the subscription changes).
        let stand_in = DemoCluster {
            subscription: index,
            resource_group: "",
            name: "",
            location: "",
            ..CLUSTERS[0]
        };
        for e in store.iter().filter(|e| e.id.starts_with(&prefix)) {
            let mut value = base.rewrite(&e.value, &stand_in);
            if e.kind == "microsoft.security/pricings" {
                let on = match value["name"].as_str().unwrap_or_default() {
                    "Containers" => containers,
                    "CloudPosture" => cspm,
                    _ => false,
                };
                value["properties"]["pricingTier"] = json!(if on { "Standard" } else { "Free" });
            }
            out.push(Entry::new(value));
        }
    }
    out
}

/// The cluster `target`, made from the demo cluster's resources.
fn cluster_resources(base: &Base, store: &[Entry], target: &DemoCluster) -> Vec<Entry> {
    let unreadable = SUBSCRIPTIONS[target.subscription].access == Access::Unreadable;
    let subscription_on = match SUBSCRIPTIONS[target.subscription].access {
        Access::Readable { containers, .. } => containers,
        Access::Unreadable => false,
    };
    let kept_findings: Vec<&str> = store
        .iter()
        .filter(|e| e.kind == queries::ASSESSMENTS && e.id.starts_with(&base.id))
        .filter(|e| {
            let unhealthy = e.value["properties"]["status"]["code"] == "Unhealthy";
            !unhealthy || share(&e.id, target.name) < target.findings
        })
        .map(|e| e.id.as_str())
        .collect();
    let mut out = Vec::new();
    for e in store {
        let keep = if e.kind == queries::ALERTS {
            names_cluster(&e.value, &base.id) && share(&e.id, target.name) < target.alerts
        } else if e.kind == queries::ASSESSMENTS {
            kept_findings.contains(&e.id.as_str())
        } else if e.kind == queries::OWNERS {
            kept_findings
                .iter()
                .any(|k| e.id.starts_with(&format!("{k}/")))
        } else {
            e.id == base.id || e.id.starts_with(&format!("{}/", base.id))
        };
        // A subscription the user cannot read holds the clusters and nothing of Defender's.
        let defender = e.id.contains("/providers/microsoft.security/");
        if !keep || (unreadable && defender) {
            continue;
        }
        let mut value = base.rewrite(&e.value, target);
        if e.kind == "microsoft.containerservice/managedclusters" {
            value["properties"]["kubernetesVersion"] = json!(target.version);
            value["properties"]["currentKubernetesVersion"] = json!(target.version);
        }
        if e.kind == "microsoft.security/pricings" {
            let on = target.plan == Override::On || subscription_on;
            value["properties"]["pricingTier"] = json!(if on { "Standard" } else { "Free" });
            value["properties"]["inherited"] = json!(if target.plan == Override::Inherit {
                "True"
            } else {
                "False"
            });
        }
        out.push(Entry::new(value));
    }
    out
}

/// Whether an alert names the cluster `id` (lower case) among its resource identifiers.
fn names_cluster(value: &Value, id: &str) -> bool {
    value["properties"]["ResourceIdentifiers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["AzureResourceId"].as_str())
        .any(|r| r.eq_ignore_ascii_case(id))
}
