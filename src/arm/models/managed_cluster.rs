//! AKS `ManagedCluster`: only what the header reads is typed; the rest is kept verbatim so a
//! Quick Fix can PUT the whole object back unchanged but for the fields it fixes.

use super::Extra;
use serde::{Deserialize, Serialize};

/// `ManagedCluster`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedCluster {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub location: String,
    #[serde(rename = "eTag", default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default)]
    pub properties: ManagedClusterProperties,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `ManagedClusterProperties` (the header's fields).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagedClusterProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_kubernetes_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioning_state: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}
