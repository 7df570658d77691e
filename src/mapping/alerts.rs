//! Wire alert → domain alert.

use crate::arm::models;
use crate::domain::{Alert, AlertStatus, Entity, Level};

/// Whether the alert concerns the cluster (any `AzureResource` identifier equal to its id).
pub fn concerns(alert: &models::Alert, cluster_id: &str) -> bool {
    alert.properties.resource_identifiers.iter().any(|r| {
        r.kind == "AzureResource"
            && r.azure_resource_id
                .as_deref()
                .is_some_and(|id| id.eq_ignore_ascii_case(cluster_id))
    })
}

/// Maps one alert. An unknown severity is shown as Informational rather than dropped.
pub fn alert(wire: &models::Alert) -> Alert {
    let p = &wire.properties;
    Alert {
        id: wire.id.clone(),
        alert_type: p.alert_type.clone(),
        title: p.alert_display_name.clone(),
        description: p.description.clone(),
        severity: Level::parse(&p.severity).unwrap_or(Level::Informational),
        status: AlertStatus::parse(&p.status),
        entity: affected_entity(wire),
        tactic: p.intent.clone(),
        techniques: p.techniques.clone(),
        start_time: start_time(p),
        remediation_steps: p.remediation_steps.clone(),
        portal_link: p.alert_uri.clone(),
        entities: p.entities.iter().filter_map(entity).collect(),
        extended_properties: p
            .extended_properties
            .iter()
            .map(|(k, v)| (k.clone(), value_text(v)))
            .collect(),
    }
}

/// Fields that identify an entity, in the order Defender's portal prefers them.
const ENTITY_NAME_FIELDS: [&str; 7] = [
    "Name",
    "ClusterName",
    "CommandLine",
    "HostName",
    "Address",
    "Url",
    "ResourceId",
];

/// One related entity; `None` when it has no type (a bare `$ref`).
fn entity(value: &serde_json::Value) -> Option<Entity> {
    let kind = value.get("Type")?.as_str()?.to_string();
    let (field, name) = ENTITY_NAME_FIELDS
        .iter()
        .find_map(|f| Some((*f, value.get(*f)?.as_str()?)))
        .or_else(|| Some(("Image.ImageId", value.pointer("/Image/ImageId")?.as_str()?)))
        .unwrap_or_default();
    Some(Entity {
        kind,
        name: name.to_string(),
        field: field.to_string(),
    })
}

/// Extended properties are strings on the wire, but nothing stops a number or object.
fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The Kubernetes object users recognise: `namespace/pod` when the alert names a pod, otherwise
/// Defender's compromised entity.
fn affected_entity(wire: &models::Alert) -> String {
    let entities = &wire.properties.entities;
    let by_ref = |reference: &serde_json::Value| {
        let id = reference.get("$ref")?.as_str()?;
        entities
            .iter()
            .find(|e| e.get("$id").and_then(|v| v.as_str()) == Some(id))
    };
    entities
        .iter()
        .find(|e| e.get("Type").and_then(|t| t.as_str()) == Some("K8s-pod"))
        .and_then(|pod| {
            let name = pod.get("Name")?.as_str()?;
            let namespace = pod
                .get("Namespace")
                .and_then(by_ref)
                .and_then(|n| n.get("Name")?.as_str());
            Some(namespace.map_or_else(|| name.to_string(), |ns| format!("{ns}/{name}")))
        })
        .unwrap_or_else(|| wire.properties.compromised_entity.clone())
}

/// When the activity started: `startTimeUtc` (REST, and `StartTimeUtc` in Resource Graph), else
/// `DetectedTimeUtc`, which third-party Resource Graph queries read (API.md §8.2 [3p]).
fn start_time(p: &models::AlertProperties) -> String {
    if !p.start_time_utc.is_empty() {
        return p.start_time_utc.clone();
    }
    p.extra
        .get("DetectedTimeUtc")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}
