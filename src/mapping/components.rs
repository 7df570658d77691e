//! Where an individual vulnerability finding was found (an image or a node pool) and in which
//! package. Microsoft documents neither where the image reference of a running-container finding
//! lives nor how a node finding names its pool (API.md §L4), so every documented or reported
//! candidate is tried in turn, each named with its source. A finding none of them explains is
//! kept as [`Component::Unknown`] with its raw resource id.

use crate::arm::models::AssessmentProperties;
use crate::domain::Component;
use serde_json::{Map, Value};

/// The component of an individual recommendation. `category` is its
/// `metadata.recommendationCategory`: `ServiceUpgrade` is AKS nodes, `SoftwareUpdate` images
/// (API.md §L2).
pub fn of_individual(p: &AssessmentProperties, category: Option<&str>) -> Component {
    let resource_id = p.resource_details.id.clone().unwrap_or_default();
    let names = candidate_names(p);
    if category == Some("ServiceUpgrade") {
        return node_pool(&resource_id)
            .or_else(|| names.first().cloned())
            .map(|name| Component::NodePool { name })
            .unwrap_or(Component::Unknown { resource_id });
    }
    image_from_additional_data(p)
        .or_else(|| image_from_resource_id(&resource_id))
        .or_else(|| names.iter().find_map(|n| image_from_reference(n)))
        .unwrap_or(Component::Unknown { resource_id })
}

/// Where the finding runs: the first name Microsoft's Power BI query reads for the row's resource
/// that is not an image reference (a container's `namespace/workload/container`, say), else the
/// assessed resource's id when it is not the image itself.
pub fn running_in(p: &AssessmentProperties) -> String {
    candidate_names(p)
        .into_iter()
        .find(|n| image_from_reference(n).is_none())
        .or_else(|| {
            p.resource_details
                .id
                .clone()
                .filter(|id| image_from_resource_id(id).is_none())
        })
        .unwrap_or_default()
}

/// The package and its installed version(s). `SoftwareName` is reported by third parties
/// (API.md §L3 [3p]); `DetectedSoftwareVersions` is documented and "may contain multiple
/// values": a JSON array (as text or not) or a list; all are shown, comma-separated.
pub fn package_and_version(data: &Map<String, Value>) -> (String, String) {
    let name = data
        .get("SoftwareName")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .unwrap_or("Unknown package")
        .to_string();
    let versions = match data.get("DetectedSoftwareVersions") {
        Some(Value::String(s)) => match serde_json::from_str::<Vec<Value>>(s) {
            Ok(list) => list.iter().map(text).collect::<Vec<_>>().join(", "),
            Err(_) => s.clone(),
        },
        Some(Value::Array(list)) => list.iter().map(text).collect::<Vec<_>>().join(", "),
        Some(other) => text(other),
        None => String::new(),
    };
    (name, versions)
}

fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// Names Microsoft's Power BI query reads for a row's resource, in its order:
/// `resourceDetails.ResourceName`, `additionalData.CloudNativeResourceName`,
/// `additionalData.ResourceName` (`ASD add-data-power-bi.md`).
fn candidate_names(p: &AssessmentProperties) -> Vec<String> {
    let data = p.additional_data.as_ref();
    [
        p.resource_details.resource_name.clone(),
        data.and_then(|d| d.get("CloudNativeResourceName")?.as_str().map(String::from)),
        data.and_then(|d| d.get("ResourceName")?.as_str().map(String::from)),
    ]
    .into_iter()
    .flatten()
    .filter(|n| !n.is_empty())
    .collect()
}

/// A node pool from an AKS agent pool id (`…/managedClusters/{c}/agentPools/{pool}`, the AKS
/// spec's path) or from its scale set's name (`aks-{pool}-{number}-vmss`, AKS's naming).
fn node_pool(resource_id: &str) -> Option<String> {
    let segments: Vec<&str> = resource_id.split('/').collect();
    let after = |name: &str| {
        segments
            .iter()
            .position(|s| s.eq_ignore_ascii_case(name))
            .and_then(|i| segments.get(i + 1))
            .filter(|s| !s.is_empty())
    };
    if let Some(pool) = after("agentPools") {
        return Some(pool.to_string());
    }
    let scale_set = after("virtualMachineScaleSets")?;
    let inner = scale_set.strip_prefix("aks-")?.strip_suffix("-vmss")?;
    let (pool, number) = inner.rsplit_once('-')?;
    number
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| pool.to_string())
}

/// `properties.resourceAdditionalData`, a JSON string (or object) with
/// `RepositoryDetails.RepositoryName` and the digest (API.md §L3 [3p]: registry rows). The
/// digest is read from `RepositoryDetails.Digest` or a top-level `Digest`; a registry host and
/// tag when present.
fn image_from_additional_data(p: &AssessmentProperties) -> Option<Component> {
    let raw = p.extra.get("resourceAdditionalData")?;
    let doc: Value = match raw {
        Value::String(s) => serde_json::from_str(s).ok()?,
        other => other.clone(),
    };
    let repo = doc.get("RepositoryDetails").unwrap_or(&doc);
    let field = |name: &str| {
        repo.get(name)
            .or_else(|| doc.get(name))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let repository = field("RepositoryName");
    if repository.is_empty() {
        return None;
    }
    let tag = repo
        .get("Tags")
        .and_then(|t| t.as_array()?.first()?.as_str().map(String::from))
        .unwrap_or_else(|| field("Tag"));
    Some(Component::Image {
        registry: field("RegistryHost"),
        repository,
        tag: if tag.is_empty() {
            "<untagged>".into()
        } else {
            tag
        },
        digest: field("Digest"),
    })
}

/// An image from the assessed resource's id: the MDVM form `…/repositories/{repo}/images/{digest}`
/// (the grouped findings' `resourceDetails.id`, `subassessment-rest-api.md`) or the dashed form
/// `…repositories-{repo}-images-{digest}` (API.md §L4 [3p]). Under an Azure Container Registry
/// id, the registry is its login server `{name}.azurecr.io`.
fn image_from_resource_id(resource_id: &str) -> Option<Component> {
    let lower = resource_id.to_ascii_lowercase();
    let (repository, digest) = if let Some(start) = lower.find("/repositories/") {
        let rest = &resource_id[start + "/repositories/".len()..];
        let split = rest.to_ascii_lowercase().rfind("/images/")?;
        (&rest[..split], &rest[split + "/images/".len()..])
    } else {
        let start = lower.find("repositories-")?;
        let rest = &resource_id[start + "repositories-".len()..];
        let split = rest.to_ascii_lowercase().rfind("-images-")?;
        (&rest[..split], &rest[split + "-images-".len()..])
    };
    if repository.is_empty() {
        return None;
    }
    let segments: Vec<&str> = resource_id.split('/').collect();
    let registry = segments
        .iter()
        .position(|s| s.eq_ignore_ascii_case("registries"))
        .and_then(|i| segments.get(i + 1))
        .map(|name| format!("{}.azurecr.io", name.to_ascii_lowercase()))
        .unwrap_or_default();
    Some(Component::Image {
        registry,
        repository: repository.to_string(),
        tag: "<untagged>".into(),
        digest: digest.to_string(),
    })
}

/// An image reference as people write it: `[registry/]repository[:tag][@digest]`. Only a name
/// with a tag or digest is taken as one (a bare word could be anything).
fn image_from_reference(name: &str) -> Option<Component> {
    let (rest, digest) = match name.split_once('@') {
        Some((r, d)) => (r, d.to_string()),
        None => (name, String::new()),
    };
    let (path, tag) = match rest.rsplit_once(':') {
        Some((p, t)) if !t.contains('/') => (p, t.to_string()),
        _ => (rest, String::new()),
    };
    if tag.is_empty() && digest.is_empty() {
        return None;
    }
    let (registry, repository) = match path.split_once('/') {
        Some((host, repo)) if host.contains('.') || host.contains(':') => (host, repo),
        _ => ("", path),
    };
    Some(Component::Image {
        registry: registry.to_string(),
        repository: repository.to_string(),
        tag: if tag.is_empty() {
            "<untagged>".into()
        } else {
            tag
        },
        digest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_pools_from_agent_pool_ids_and_scale_set_names() {
        let c = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/\
                 managedClusters/aks";
        assert_eq!(
            node_pool(&format!("{c}/agentPools/apps")).as_deref(),
            Some("apps")
        );
        let vmss = "/subscriptions/s/resourceGroups/MC_rg_aks_westeurope/providers/\
                    Microsoft.Compute/virtualMachineScaleSets/aks-system-41234567-vmss";
        assert_eq!(node_pool(vmss).as_deref(), Some("system"));
        assert_eq!(node_pool(c), None);
    }

    #[test]
    fn images_from_both_reported_resource_id_forms() {
        let acr = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/\
                   registries/ContosoPayments/repositories/payments-api/images/sha256:abc";
        assert_eq!(
            image_from_resource_id(acr),
            Some(Component::Image {
                registry: "contosopayments.azurecr.io".into(),
                repository: "payments-api".into(),
                tag: "<untagged>".into(),
                digest: "sha256:abc".into()
            })
        );
        let dashed = "repositories-team/web-images-sha256:def";
        let Some(Component::Image {
            repository, digest, ..
        }) = image_from_resource_id(dashed)
        else {
            panic!("dashed form not read")
        };
        assert_eq!(
            (repository.as_str(), digest.as_str()),
            ("team/web", "sha256:def")
        );
        assert_eq!(
            image_from_resource_id("/subscriptions/s/resourceGroups/rg"),
            None
        );
    }

    #[test]
    fn image_references_need_a_tag_or_digest() {
        assert_eq!(
            image_from_reference("contoso.azurecr.io/payments/api:2.1"),
            Some(Component::Image {
                registry: "contoso.azurecr.io".into(),
                repository: "payments/api".into(),
                tag: "2.1".into(),
                digest: String::new()
            })
        );
        assert_eq!(image_from_reference("payments-api"), None);
    }

    #[test]
    fn installed_versions_may_be_several() {
        let data: Map<String, Value> = serde_json::from_str(
            r#"{"SoftwareName":"openssl","DetectedSoftwareVersions":"[\"3.0.2\",\"3.0.7\"]"}"#,
        )
        .unwrap();
        assert_eq!(
            package_and_version(&data),
            ("openssl".into(), "3.0.2, 3.0.7".into())
        );
        let plain: Map<String, Value> =
            serde_json::from_str(r#"{"DetectedSoftwareVersions":"1.2.3"}"#).unwrap();
        assert_eq!(
            package_and_version(&plain),
            ("Unknown package".into(), "1.2.3".into())
        );
    }
}
