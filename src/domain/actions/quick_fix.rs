//! Quick Fix: which cluster-level misconfigurations the dashboard can fix through ARM, what
//! each needs from the user, and the equivalent Azure CLI command. Editing the managed cluster
//! itself is `crate::arm::actions::quick_fix` (it works on the wire object).

use super::FormField;
use crate::domain::{ClusterInfo, Recommendation, RecommendationKind};

/// The inputs a Quick Fix may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixField {
    IpRanges,
    Version,
}

impl FormField for FixField {
    fn id(self) -> &'static str {
        match self {
            FixField::IpRanges => "fix-ranges",
            FixField::Version => "fix-version",
        }
    }
}

/// A known remediation for a cluster-level recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// `securityProfile.defender.securityMonitoring.enabled = true`.
    DefenderProfile,
    /// `addonProfiles.azurepolicy.enabled = true`.
    AzurePolicyAddon,
    /// `apiServerAccessProfile.authorizedIPRanges = [ranges the user enters]`.
    AuthorizedIpRanges,
    /// `disableLocalAccounts = true` (needs Microsoft Entra integration).
    DisableLocalAccounts,
    /// `kubernetesVersion = a version from the upgrade profile` (control plane).
    UpgradeKubernetes,
    /// Kubernetes RBAC is chosen when the cluster is created: guidance only.
    Rbac,
    /// Diagnostic settings are a separate resource, not a cluster property: guidance only.
    DiagnosticLogs,
}

/// (assessment key, built-in policy definition GUID, fix). Keys from Microsoft's container
/// recommendations reference; where no key is published the policy GUID identifies it.
const CATALOG: [(&str, &str, Fix); 7] = [
    (
        "56a83a6e-c417-42ec-b567-1e6fcb3d09a9",
        "",
        Fix::DefenderProfile,
    ),
    (
        "08e628db-e2ed-4793-bc91-d13e684401c3",
        "0a15ec92-a229-4763-bb14-0ea34a568f8d",
        Fix::AzurePolicyAddon,
    ),
    (
        "1a2b5b4c-f80d-46e7-ac81-b51a9fb363de",
        "0e246bcf-5f6f-4f87-bc6f-775d4712c7ea",
        Fix::AuthorizedIpRanges,
    ),
    (
        "",
        "993c2fcd-2b29-49d2-9eb0-df2c3a730c32",
        Fix::DisableLocalAccounts,
    ),
    (
        "",
        "fb893a29-21bb-418c-a157-e99480ec364c",
        Fix::UpgradeKubernetes,
    ),
    (
        "b0fdc63a-38e7-4bab-a7c4-2c2665abbaa9",
        "ac4a19c2-fa67-49b4-8ae5-0b2e78c49457",
        Fix::Rbac,
    ),
    (
        "bb318338-de6a-42ff-8428-8274c897d564",
        "",
        Fix::DiagnosticLogs,
    ),
];

/// What the user enters for a fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixInput {
    None,
    /// IPv4 CIDR ranges (a bare address means /32).
    IpRanges(Vec<String>),
    /// A Kubernetes version offered by the cluster's upgrade profile.
    Version(String),
}

/// One field the fix changes, as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// JSON path under the managed cluster, e.g. `properties.addonProfiles.azurepolicy.enabled`.
    pub path: String,
    pub before: String,
    pub after: String,
}

impl Fix {
    /// The fix for a misconfiguration, matched by assessment key or by its policy definition.
    pub fn for_recommendation(r: &Recommendation) -> Option<Fix> {
        if r.kind != RecommendationKind::Cluster {
            return None;
        }
        let policy = r
            .policy_definition_id
            .as_deref()
            .and_then(|id| id.rsplit('/').next())
            .unwrap_or_default();
        CATALOG.iter().find_map(|(key, pol, fix)| {
            ((!key.is_empty() && key.eq_ignore_ascii_case(&r.key))
                || (!pol.is_empty() && pol.eq_ignore_ascii_case(policy)))
            .then_some(*fix)
        })
    }

    /// The dashboard can apply it (the others get guidance).
    pub fn is_automatic(self) -> bool {
        !matches!(self, Fix::Rbac | Fix::DiagnosticLogs)
    }

    /// The command's name in the pane.
    pub fn label(self) -> &'static str {
        match self {
            Fix::DefenderProfile => "Enable the Defender sensor (Defender profile)",
            Fix::AzurePolicyAddon => "Install the Azure Policy add-on",
            Fix::AuthorizedIpRanges => "Restrict API server access to authorized IP ranges",
            Fix::DisableLocalAccounts => "Disable local accounts",
            Fix::UpgradeKubernetes => "Upgrade the Kubernetes version (control plane)",
            Fix::Rbac => "Kubernetes RBAC",
            Fix::DiagnosticLogs => "Diagnostic logs",
        }
    }

    /// What the user should know before applying, or why there is no Quick Fix.
    pub fn guidance(self) -> &'static str {
        match self {
            Fix::DefenderProfile => {
                "Deploys the Defender sensor to every node. It sends security events to the Log \
                 Analytics workspace already set on the cluster."
            }
            Fix::AzurePolicyAddon => {
                "Installs Gatekeeper and the Azure Policy add-on, so the container policies behind \
                 the workload recommendations are evaluated. Needs Contributor on the cluster."
            }
            Fix::AuthorizedIpRanges => {
                "Only the ranges you enter can reach the API server. Include your own address, \
                 your CI agents and any management network, or you will lock them out."
            }
            Fix::DisableLocalAccounts => {
                "Removes the static admin credentials: every user then signs in with Microsoft \
                 Entra ID. Tools that use `az aks get-credentials --admin` stop working."
            }
            Fix::UpgradeKubernetes => {
                "Upgrades the control plane to the chosen version. Node pools keep their version \
                 until you upgrade them. Workloads may restart if deprecated APIs are in use."
            }
            Fix::Rbac => {
                "Kubernetes RBAC can only be chosen when a cluster is created, so there is no \
                 Quick Fix. Create a new cluster with RBAC enabled (the default) and move the \
                 workloads to it."
            }
            Fix::DiagnosticLogs => {
                "Diagnostic logs are a separate resource (a diagnostic setting on the cluster), \
                 not a cluster property. Create one in the cluster's Diagnostic settings blade or \
                 with `az monitor diagnostic-settings create`."
            }
        }
    }

    /// The equivalent Azure CLI command (for users who prefer to run it themselves).
    pub fn az_command(self, cluster: &ClusterInfo, input: &FixInput) -> Option<String> {
        let target = format!(
            "--resource-group {} --name {}",
            cluster.resource_group, cluster.name
        );
        Some(match (self, input) {
            (Fix::DefenderProfile, _) => format!("az aks update {target} --enable-defender"),
            (Fix::AzurePolicyAddon, _) => {
                format!("az aks enable-addons {target} --addons azure-policy")
            }
            (Fix::AuthorizedIpRanges, FixInput::IpRanges(ranges)) => format!(
                "az aks update {target} --api-server-authorized-ip-ranges {}",
                ranges.join(",")
            ),
            (Fix::DisableLocalAccounts, _) => {
                format!("az aks update {target} --disable-local-accounts")
            }
            (Fix::UpgradeKubernetes, FixInput::Version(v)) => {
                format!("az aks upgrade {target} --kubernetes-version {v} --control-plane-only")
            }
            _ => return None,
        })
    }
}

/// Parses the authorized ranges as typed: separated by commas, spaces or new lines.
pub fn parse_ip_ranges(text: &str) -> Result<Vec<String>, String> {
    let mut ranges = Vec::new();
    for item in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        let (address, prefix) = item.split_once('/').unwrap_or((item, "32"));
        let octets: Vec<Option<u8>> = address.split('.').map(|o| o.parse().ok()).collect();
        let prefix_ok = prefix.parse::<u8>().is_ok_and(|p| p <= 32);
        if octets.len() != 4 || octets.iter().any(Option::is_none) || !prefix_ok {
            return Err(format!(
                "'{item}' is not an IPv4 address or CIDR range (e.g. 203.0.113.0/24)."
            ));
        }
        if prefix == "0" {
            return Err(format!(
                "'{item}' allows every address: it restricts nothing."
            ));
        }
        let range = format!("{address}/{prefix}");
        if !ranges.contains(&range) {
            ranges.push(range);
        }
    }
    if ranges.is_empty() {
        return Err("Enter at least one range, e.g. 203.0.113.0/24.".into());
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ranges_and_refuses_what_would_lock_nothing_or_everything_out() {
        assert_eq!(
            parse_ip_ranges("203.0.113.0/24, 198.51.100.7\n203.0.113.0/24").unwrap(),
            ["203.0.113.0/24", "198.51.100.7/32"]
        );
        assert!(parse_ip_ranges("").is_err());
        assert!(
            parse_ip_ranges("0.0.0.0/0")
                .unwrap_err()
                .contains("restricts nothing")
        );
        for bad in [
            "10.0.0/8",
            "300.1.1.1",
            "10.0.0.0/33",
            "fe80::1",
            "<script>",
        ] {
            assert!(parse_ip_ranges(bad).is_err(), "{bad}");
        }
    }
}
