//! The Settings pane's reads and writes: the cluster's Containers pricing, the subscription's
//! (for `enforce`), and the cluster's Azure Policy add-on.

use crate::arm::actions::{Planned, pricing, quick_fix};
use crate::arm::endpoints;
use crate::arm::models::Pricing;
use crate::arm::{ArmClient, ClusterId, Transport};
use crate::domain::actions::settings::EXTENSIONS;
use crate::domain::actions::{ClusterSettings, SettingsChoice};
use serde_json::{Value, json};

/// What was read, kept whole so a save sends back what the pane does not show.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub view: ClusterSettings,
    pricing: Pricing,
    cluster: Option<Value>,
}

/// Reads the three sources; the add-on is optional (the pane still works without it).
pub async fn read<T: Transport>(
    client: &ArmClient<T>,
    cluster: &ClusterId,
) -> Result<Snapshot, String> {
    let (pricing, plans, managed) = futures::join!(
        client.get::<Pricing>(endpoints::cluster_containers_pricing(cluster)),
        client.list::<Pricing>(endpoints::subscription_plans(cluster)),
        client.get::<Value>(endpoints::managed_cluster(cluster)),
    );
    let pricing = pricing.map_err(|e| {
        format!("The cluster's Defender for Containers plan could not be read: {e}")
    })?;
    let plans = plans.map_err(|e| format!("The subscription's plans could not be read: {e}"))?;
    let enforced = plans
        .iter()
        .find(|p| p.name == "Containers")
        .and_then(|p| p.properties.enforce.as_deref())
        .is_some_and(|v| v.eq_ignore_ascii_case("True"));
    let extensions = EXTENSIONS
        .iter()
        .map(|(name, ..)| {
            let on = pricing
                .properties
                .extensions
                .iter()
                .any(|e| e.name == *name && e.enabled());
            (name.to_string(), on)
        })
        .collect();
    let cluster_json = managed.ok();
    let view = ClusterSettings {
        plan_on: pricing.properties.is_on(),
        inherited: pricing.properties.is_inherited(),
        inherited_from: pricing
            .properties
            .inherited_from
            .clone()
            .unwrap_or_default(),
        enforced,
        extensions,
        azure_policy: cluster_json.as_ref().map(|c| {
            c.pointer("/properties/addonProfiles/azurepolicy/enabled")
                .and_then(Value::as_bool)
                .unwrap_or(false)
        }),
    };
    Ok(Snapshot {
        view,
        pricing,
        cluster: cluster_json,
    })
}

/// The pricing `PUT` for the user's choice: every extension the pricing had is sent back (the
/// pane's toggles applied), so saving never drops a capability the pane does not show. A plan
/// turned on from Free gets the documented default extensions.
pub fn plan_request(cluster: &ClusterId, snapshot: &Snapshot, choice: &SettingsChoice) -> Planned {
    let mut extensions: Vec<(String, bool, Option<Value>)> = snapshot
        .pricing
        .properties
        .extensions
        .iter()
        .map(|e| {
            let more = e.additional_extension_properties.clone().map(Value::Object);
            (e.name.clone(), e.enabled(), more)
        })
        .collect();
    if extensions.is_empty() {
        extensions = default_extensions();
    }
    for (name, on) in &choice.extensions {
        match extensions.iter_mut().find(|(n, ..)| n == name) {
            Some(e) => e.1 = *on,
            None => extensions.push((name.clone(), *on, None)),
        }
    }
    pricing::set(cluster, choice.plan_on, &extensions)
}

/// Back to the subscription's setting.
pub fn inherit_request(cluster: &ClusterId) -> Planned {
    pricing::inherit(cluster)
}

/// The managed cluster `PUT` that turns the Azure Policy add-on on or off.
pub fn policy_request(cluster: &ClusterId, snapshot: &Snapshot, on: bool) -> Option<Planned> {
    let mut body = snapshot.cluster.clone()?;
    let etag = body["eTag"].as_str().map(String::from);
    quick_fix::put_pointer(
        &mut body,
        "/properties/addonProfiles/azurepolicy/enabled",
        json!(on),
    );
    Some(quick_fix::put(cluster, body, etag))
}

/// Defender for Containers' extensions as Microsoft's example enables them.
fn default_extensions() -> Vec<(String, bool, Option<Value>)> {
    [
        ("ContainerRegistriesVulnerabilityAssessments", None),
        ("ContainerSensor", None),
        ("AgentlessDiscoveryForKubernetes", None),
        (
            "AgentlessVmScanning",
            Some(json!({ "ExclusionTags": "[]" })),
        ),
        ("ContainerIntegrityContribution", None),
    ]
    .into_iter()
    .map(|(n, more)| (n.to_string(), true, more))
    .collect()
}
