//! The fleet: every AKS cluster the user can read, with its security posture as Resource Graph
//! counts it. A count that could not be read is "not known", never zero.

use super::level::Level;

/// Counts per level, Critical first (the order of [`Level::ALL`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts(pub [u64; 5]);

impl Counts {
    /// The count at `level`.
    pub fn at(&self, level: Level) -> u64 {
        self.0[level as usize]
    }

    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }

    /// The highest level with a count, if any.
    pub fn highest(&self) -> Option<Level> {
        Level::ALL.into_iter().find(|l| self.at(*l) > 0)
    }

    /// Adds `other` level by level.
    pub fn add(&mut self, other: &Counts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}

/// One cluster's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Posture {
    /// Open (Active or In progress) alerts by severity.
    pub alerts: Counts,
    /// Vulnerability findings (one per CVE) by severity.
    pub cves: Counts,
    /// Images with at least one vulnerability finding.
    pub images: u64,
    /// Unhealthy misconfigurations by risk level (or severity).
    pub misconfigurations: Counts,
    /// Unhealthy recommendations whose owner's due date has passed.
    pub overdue: u64,
    /// Exemptions on the cluster ending within 14 days.
    pub expiring_exemptions: u64,
}

impl Posture {
    /// The most urgent level of any open alert, vulnerability or misconfiguration.
    pub fn highest(&self) -> Option<Level> {
        [self.alerts, self.cves, self.misconfigurations]
            .iter()
            .filter_map(Counts::highest)
            .min()
    }
}

/// Why a cluster's counts are not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    /// The posture query failed (the fleet names the error once).
    QueryFailed,
    /// No Defender for Cloud data of the cluster's subscription could be read.
    SubscriptionUnreadable,
    /// Neither Defender plan is on: nothing assesses the cluster.
    NotAssessed,
}

impl Unknown {
    /// What a count cell says.
    pub fn label(&self) -> &'static str {
        match self {
            Unknown::QueryFailed | Unknown::SubscriptionUnreadable => "Not known",
            Unknown::NotAssessed => "Not assessed",
        }
    }
}

/// Defender for Containers for one cluster: from its subscription, or set on the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContainersPlan {
    /// On for the subscription, and not overridden.
    Subscription,
    /// Turned on for this cluster (resource-level pricing).
    ClusterOn,
    /// Turned off for this cluster, whatever the subscription says.
    ClusterOff,
    /// Off for the subscription, and not overridden.
    Off,
    /// The plans could not be read.
    Unknown,
}

impl ContainersPlan {
    pub fn label(self) -> &'static str {
        match self {
            ContainersPlan::Subscription => "On (subscription)",
            ContainersPlan::ClusterOn => "On (cluster override)",
            ContainersPlan::ClusterOff => "Off (cluster override)",
            ContainersPlan::Off => "Off",
            ContainersPlan::Unknown => "Not known",
        }
    }

    pub fn is_on(self) -> Option<bool> {
        match self {
            ContainersPlan::Subscription | ContainersPlan::ClusterOn => Some(true),
            ContainersPlan::ClusterOff | ContainersPlan::Off => Some(false),
            ContainersPlan::Unknown => None,
        }
    }
}

/// One cluster of the fleet.
#[derive(Debug, Clone, PartialEq)]
pub struct FleetCluster {
    /// The ARM id, as Azure spells it.
    pub id: String,
    pub name: String,
    pub subscription_id: String,
    /// The subscription's name, or its id when the name could not be read.
    pub subscription: String,
    pub resource_group: String,
    pub location: String,
    pub kubernetes_version: String,
    pub containers: ContainersPlan,
    /// Defender CSPM on the subscription (`None`: not known).
    pub cspm: Option<bool>,
    pub posture: Result<Posture, Unknown>,
}

/// A source of the fleet that failed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleetFailure {
    /// What it reads ("Defender plans", "Posture counts").
    pub what: String,
    pub message: String,
}

/// The whole fleet, and what could not be read of it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fleet {
    pub clusters: Vec<FleetCluster>,
    /// Subscriptions with clusters whose Defender for Cloud data could not be read, by name.
    pub unreadable_subscriptions: Vec<String>,
    pub failures: Vec<FleetFailure>,
}

/// The fleet's totals, for its summary bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FleetTotals {
    pub clusters: usize,
    /// Clusters whose counts are in the totals.
    pub known: usize,
    pub alerts: Counts,
    pub cves: Counts,
    pub images: u64,
    pub misconfigurations: Counts,
    pub overdue: u64,
}

impl FleetTotals {
    /// Sums the known counts of `clusters`.
    pub fn of<'a>(clusters: impl IntoIterator<Item = &'a FleetCluster>) -> FleetTotals {
        let mut totals = FleetTotals::default();
        for c in clusters {
            totals.clusters += 1;
            if let Ok(p) = &c.posture {
                totals.known += 1;
                totals.alerts.add(&p.alerts);
                totals.cves.add(&p.cves);
                totals.misconfigurations.add(&p.misconfigurations);
                totals.images += p.images;
                totals.overdue += p.overdue;
            }
        }
        totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(posture: Result<Posture, Unknown>) -> FleetCluster {
        FleetCluster {
            id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/\
                 managedClusters/a"
                .into(),
            name: "a".into(),
            subscription_id: "s".into(),
            subscription: "S".into(),
            resource_group: "g".into(),
            location: "westeurope".into(),
            kubernetes_version: "1.31.2".into(),
            containers: ContainersPlan::Subscription,
            cspm: Some(true),
            posture,
        }
    }

    #[test]
    fn the_highest_level_is_the_most_urgent_of_any_kind() {
        let p = Posture {
            alerts: Counts([0, 0, 2, 0, 0]),
            cves: Counts([0, 1, 0, 0, 0]),
            misconfigurations: Counts([0, 0, 0, 4, 0]),
            ..Posture::default()
        };
        assert_eq!(p.highest(), Some(Level::High));
        assert_eq!(Posture::default().highest(), None);
    }

    #[test]
    fn totals_leave_out_the_clusters_not_known_and_count_them() {
        let known = Posture {
            alerts: Counts([0, 1, 2, 0, 0]),
            cves: Counts([3, 0, 0, 0, 0]),
            images: 2,
            overdue: 1,
            ..Posture::default()
        };
        let fleet = [
            cluster(Ok(known)),
            cluster(Ok(known)),
            cluster(Err(Unknown::SubscriptionUnreadable)),
        ];
        let t = FleetTotals::of(&fleet);
        assert_eq!((t.clusters, t.known), (3, 2));
        assert_eq!(t.alerts, Counts([0, 2, 4, 0, 0]));
        assert_eq!((t.cves.at(Level::Critical), t.images, t.overdue), (6, 4, 2));
    }
}
