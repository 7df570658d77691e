//! The Settings pane: Defender for Containers for this cluster, its extensions, and the Azure
//! Policy add-on, with why they may be read-only.

/// The extensions the pane shows: (wire name, label, what it does).
pub const EXTENSIONS: [(&str, &str, &str); 3] = [
    (
        "ContainerSensor",
        "Defender sensor",
        "Runtime threat detection on the nodes and workloads (security alerts).",
    ),
    (
        "AgentlessDiscoveryForKubernetes",
        "Kubernetes API access",
        "Agentless discovery of the cluster's workloads through the Kubernetes API (inventory, \
         posture, attack paths).",
    ),
    (
        "ContainerRegistriesVulnerabilityAssessments",
        "Registry access",
        "Vulnerability assessment of the images in the cluster's container registries and of \
         running images.",
    ),
];

/// What the pane reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterSettings {
    /// Defender for Containers is on for this cluster.
    pub plan_on: bool,
    /// The cluster's setting comes from the subscription.
    pub inherited: bool,
    /// Where it is inherited from (a subscription id path), when inherited.
    pub inherited_from: String,
    /// The subscription forbids per-resource overrides (`enforce` = True).
    pub enforced: bool,
    /// Extension wire name → enabled, for the extensions in [`EXTENSIONS`] (others are kept
    /// as they are when saving).
    pub extensions: Vec<(String, bool)>,
    /// The cluster's Azure Policy add-on is enabled (`None`: the cluster could not be read).
    pub azure_policy: Option<bool>,
}

/// What the user chose in the pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsChoice {
    pub plan_on: bool,
    pub extensions: Vec<(String, bool)>,
    pub azure_policy: Option<bool>,
}

impl ClusterSettings {
    /// The pane starts from what is.
    pub fn choice(&self) -> SettingsChoice {
        SettingsChoice {
            plan_on: self.plan_on,
            extensions: self.extensions.clone(),
            azure_policy: self.azure_policy,
        }
    }

    /// Why the plan and extension toggles cannot be changed here, if they cannot.
    pub fn plan_read_only(&self) -> Option<String> {
        match (self.enforced, self.inherited) {
            (true, _) => Some(format!(
                "The subscription enforces its Defender for Containers setting on every resource \
                 (enforce = True){}, so this cluster cannot override it. Change it in the \
                 subscription's Environment settings.",
                self.from()
            )),
            (false, true) => Some(format!(
                "This cluster inherits Defender for Containers{}. Choose \"Override for this \
                 cluster\" to set it here, or change the subscription's plan to change every \
                 cluster.",
                self.from()
            )),
            _ => None,
        }
    }

    fn from(&self) -> String {
        match self.inherited_from.as_str() {
            "" => String::new(),
            id => format!(" from {id}"),
        }
    }
}

impl SettingsChoice {
    /// The plan or an extension differs from `now` (a pricing PUT is needed).
    pub fn plan_changed(&self, now: &ClusterSettings) -> bool {
        self.plan_on != now.plan_on || (self.plan_on && self.extensions != now.extensions)
    }

    /// The Azure Policy add-on differs from `now` (a managed cluster PUT is needed).
    pub fn policy_changed(&self, now: &ClusterSettings) -> bool {
        self.azure_policy != now.azure_policy
    }

    pub fn set_extension(&mut self, name: &str, on: bool) {
        match self.extensions.iter_mut().find(|(n, _)| n == name) {
            Some(e) => e.1 = on,
            None => self.extensions.push((name.to_string(), on)),
        }
    }

    pub fn extension(&self, name: &str) -> bool {
        self.extensions.iter().any(|(n, on)| n == name && *on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(inherited: bool, enforced: bool) -> ClusterSettings {
        ClusterSettings {
            plan_on: true,
            inherited,
            inherited_from: "/subscriptions/s".into(),
            enforced,
            extensions: vec![("ContainerSensor".into(), true)],
            azure_policy: Some(false),
        }
    }

    #[test]
    fn says_why_the_plan_is_read_only() {
        assert!(
            settings(true, true)
                .plan_read_only()
                .unwrap()
                .contains("enforces")
        );
        assert!(
            settings(true, false)
                .plan_read_only()
                .unwrap()
                .contains("inherits Defender for Containers from /subscriptions/s")
        );
        assert_eq!(settings(false, false).plan_read_only(), None);
    }

    #[test]
    fn knows_which_request_a_change_needs() {
        let now = settings(false, false);
        let mut choice = now.choice();
        assert!(!choice.plan_changed(&now) && !choice.policy_changed(&now));
        choice.set_extension("ContainerSensor", false);
        assert!(choice.plan_changed(&now));
        let mut choice = now.choice();
        choice.azure_policy = Some(true);
        assert!(choice.policy_changed(&now) && !choice.plan_changed(&now));
    }
}
