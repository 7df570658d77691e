//! Defender plans (pricings), api-versions 2024-01-01 and 2026-07-01.

use super::Extra;
use serde::{Deserialize, Serialize};

/// `Pricing`: a plan at subscription or resource (cluster) scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pricing {
    #[serde(default)]
    pub id: String,
    /// The plan name: `Containers`, `CloudPosture`, …
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub properties: PricingProperties,
}

/// `PricingProperties`. Booleans are the strings "True"/"False" on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PricingProperties {
    /// Free | Standard.
    pub pricing_tier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherited: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherited_from: Option<String>,
    #[serde(default)]
    pub extensions: Vec<Extension>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl PricingProperties {
    /// Pricing tier Standard means the plan is on.
    pub fn is_on(&self) -> bool {
        self.pricing_tier.eq_ignore_ascii_case("Standard")
    }

    /// The resource-level pricing comes from the subscription.
    pub fn is_inherited(&self) -> bool {
        self.inherited
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("True"))
    }
}

/// A plan extension (`ContainerSensor`, `AgentlessDiscoveryForKubernetes`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    pub name: String,
    /// "True" | "False".
    pub is_enabled: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_extension_properties: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_status: Option<serde_json::Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Extension {
    /// The extension is enabled.
    pub fn enabled(&self) -> bool {
        self.is_enabled.eq_ignore_ascii_case("True")
    }
}
