//! The fleet's three Resource Graph answers → the fleet: one row per cluster, with its plans and
//! counts, and what could not be read named once.

use crate::arm::fleet::{FleetClusterRow, PlanRow, PostureRow, posture_key};
use crate::arm::{ArmError, ClusterId};
use crate::domain::fleet::{
    ContainersPlan, Counts, Fleet, FleetCluster, FleetFailure, Posture, Unknown,
};
use std::collections::{BTreeSet, HashMap};

/// What the fleet's queries returned, each on its own.
#[derive(Debug)]
pub struct FetchedFleet {
    pub clusters: Result<Vec<FleetClusterRow>, ArmError>,
    pub plans: Result<Vec<PlanRow>, ArmError>,
    pub posture: Result<Vec<PostureRow>, ArmError>,
}

/// The subscription-level and cluster-level plans, as read.
#[derive(Default)]
struct Plans {
    /// Subscription id (lower case) → (Containers on, CSPM on); present when any plan was read.
    subscriptions: HashMap<String, (Option<bool>, Option<bool>)>,
    /// Cluster id (lower case) → its own Containers plan is on.
    clusters: HashMap<String, bool>,
}

impl Plans {
    fn from_rows(rows: &[PlanRow]) -> Plans {
        let mut plans = Plans::default();
        for row in rows {
            let on = row.tier.eq_ignore_ascii_case("Standard");
            let id = row.id.to_ascii_lowercase();
            if let Some((cluster, _)) = id.split_once("/providers/microsoft.security/pricings/")
                && cluster.contains("/providers/microsoft.containerservice/managedclusters/")
            {
                // A cluster's pricing that inherits is not an override.
                if row.plan.eq_ignore_ascii_case("Containers")
                    && !row.inherited.eq_ignore_ascii_case("True")
                {
                    plans.clusters.insert(cluster.to_string(), on);
                }
                continue;
            }
            let entry = plans
                .subscriptions
                .entry(row.subscription_id.to_ascii_lowercase())
                .or_default();
            if row.plan.eq_ignore_ascii_case("Containers") {
                entry.0 = Some(on);
            } else if row.plan.eq_ignore_ascii_case("CloudPosture") {
                entry.1 = Some(on);
            }
        }
        plans
    }
}

/// Assembles the fleet. Only a failed cluster list fails it: failed plans or counts are named,
/// and the cells they would fill say "Not known".
pub fn assemble_fleet(fetched: FetchedFleet) -> Result<Fleet, ArmError> {
    let rows = fetched.clusters?;
    let mut failures = Vec::new();
    let plans = match &fetched.plans {
        Ok(rows) => Some(Plans::from_rows(rows)),
        Err(e) => {
            failures.push(failure("Defender plans", e));
            None
        }
    };
    let posture: Option<HashMap<String, &PostureRow>> = match &fetched.posture {
        Ok(rows) => Some(
            rows.iter()
                .map(|r| (r.id.to_ascii_lowercase(), r))
                .collect(),
        ),
        Err(e) => {
            failures.push(failure("Alerts, vulnerabilities and misconfigurations", e));
            None
        }
    };
    let mut unreadable = BTreeSet::new();
    let clusters = rows
        .iter()
        .map(|row| {
            let cluster = cluster(row, plans.as_ref(), posture.as_ref());
            if cluster.posture == Err(Unknown::SubscriptionUnreadable) {
                unreadable.insert(cluster.subscription.clone());
            }
            cluster
        })
        .collect();
    Ok(Fleet {
        clusters,
        unreadable_subscriptions: unreadable.into_iter().collect(),
        failures,
    })
}

fn failure(what: &str, e: &ArmError) -> FleetFailure {
    FleetFailure {
        what: what.into(),
        message: e.for_reader(),
    }
}

fn cluster(
    row: &FleetClusterRow,
    plans: Option<&Plans>,
    posture: Option<&HashMap<String, &PostureRow>>,
) -> FleetCluster {
    let parsed = ClusterId::parse(&row.id).ok();
    let subscription_id = parsed
        .as_ref()
        .map(|c| c.subscription_id.clone())
        .unwrap_or_default();
    let key = row.id.to_ascii_lowercase();
    let subscription_plans =
        plans.and_then(|p| p.subscriptions.get(&subscription_id.to_ascii_lowercase()));
    let containers = match (plans, subscription_plans) {
        (None, _) => ContainersPlan::Unknown,
        (Some(p), sub) => match (p.clusters.get(&key), sub.and_then(|s| s.0)) {
            (Some(true), _) => ContainersPlan::ClusterOn,
            (Some(false), _) => ContainersPlan::ClusterOff,
            (None, Some(true)) => ContainersPlan::Subscription,
            (None, Some(false)) => ContainersPlan::Off,
            (None, None) => ContainersPlan::Unknown,
        },
    };
    let cspm = subscription_plans.and_then(|s| s.1);
    let posture = match posture {
        None => Err(Unknown::QueryFailed),
        // Every subscription Defender for Cloud knows has pricing rows (Free or Standard): none
        // for the cluster's means its Defender data cannot be read, and counts would be zeros
        // that are not true.
        Some(_) if plans.is_some() && subscription_plans.is_none() => {
            Err(Unknown::SubscriptionUnreadable)
        }
        Some(found) => match found.get(&posture_key(&row.id)) {
            // Nothing found with both plans off is nothing assessed (an exemption expiring on
            // it is not an assessment), not a clean bill of health.
            Some(r)
                if containers.is_on() == Some(false)
                    && cspm == Some(false)
                    && [r.alerts, r.cves, r.misconfigurations]
                        .iter()
                        .all(|c| c.iter().all(|n| *n == 0)) =>
            {
                Err(Unknown::NotAssessed)
            }
            Some(r) => Ok(Posture {
                alerts: Counts(r.alerts),
                cves: Counts(r.cves),
                images: r.images,
                misconfigurations: Counts(r.misconfigurations),
                overdue: r.overdue,
                expiring_exemptions: r.expiring,
            }),
            None if containers.is_on() == Some(false) && cspm == Some(false) => {
                Err(Unknown::NotAssessed)
            }
            None => Ok(Posture::default()),
        },
    };
    FleetCluster {
        id: row.id.clone(),
        name: parsed
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_else(|| row.id.clone()),
        subscription: row
            .subscription_name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| subscription_id.clone()),
        subscription_id,
        resource_group: parsed.map(|c| c.resource_group).unwrap_or_default(),
        location: row.location.clone(),
        kubernetes_version: row.kubernetes_version.clone().unwrap_or_default(),
        containers,
        cspm,
        posture,
    }
}
