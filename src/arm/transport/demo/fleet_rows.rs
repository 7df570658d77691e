//! The demo Resource Graph's answers to the fleet's three queries (`arm::fleet`), worked out
//! over the stored resources the way the KQL states them: the same filters, the same cluster of
//! each row, the same levels, one row per cluster. Written apart from the app's mapping, so a
//! fleet row that disagrees with its cluster's dashboard shows a real disagreement.

use super::{DemoTransport, Entry};
use crate::arm::endpoints::{NODE_VULN_KEY, RUNNING_IMAGES_VULN_KEY};
use crate::arm::fleet::{FleetQuery, posture_key};
use crate::arm::queries;
use crate::domain::Level;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Every key whose findings are the retired grouped lists (`mapping::keys`).
const VULNERABILITY_KEYS: [&str; 4] = [
    RUNNING_IMAGES_VULN_KEY,
    NODE_VULN_KEY,
    "e9acaf48-d2cf-45a3-a6e7-3caa2ef769e0",
    "41503391-efa5-47ee-9282-4eff6131462c",
];

impl DemoTransport {
    /// The rows of fleet query `query`, in id order; `fleet_size` beyond the stored clusters
    /// repeats them with numbered ids (the benchmark's large fleets).
    pub(super) fn fleet_rows(&self, query: FleetQuery) -> Vec<Value> {
        let store = self.store.borrow();
        let stored = clusters(&store);
        let ids: Vec<String> = stored.iter().map(|r| text(r, "/id").to_string()).collect();
        let rows = match query {
            FleetQuery::Clusters => stored,
            FleetQuery::Plans => plans(&store),
            FleetQuery::Posture => posture(&store, &self.now),
        };
        scaled(rows, query, &ids, self.fleet_size)
    }
}

/// The cluster an id (lower case) hangs under, or is.
fn cluster_of(id: &str) -> Option<&str> {
    let parts: Vec<&str> = id.splitn(10, '/').collect();
    let shaped = parts.len() >= 9
        && parts[0].is_empty()
        && parts[1] == "subscriptions"
        && parts[3] == "resourcegroups"
        && parts[5] == "providers"
        && parts[6] == "microsoft.containerservice"
        && parts[7] == "managedclusters"
        && !parts[8].is_empty();
    if !shaped {
        return None;
    }
    let end: usize = parts[..9].iter().map(|p| p.len() + 1).sum::<usize>() - 1;
    Some(&id[..end])
}

fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn clusters(store: &[Entry]) -> Vec<Value> {
    let names: HashMap<&str, &str> = store
        .iter()
        .filter(|e| e.kind == "microsoft.resources/subscriptions")
        .map(|e| (text(&e.value, "/subscriptionId"), text(&e.value, "/name")))
        .collect();
    let mut rows: Vec<Value> = store
        .iter()
        .filter(|e| e.kind == "microsoft.containerservice/managedclusters")
        .map(|e| {
            let id = text(&e.value, "/id");
            let subscription = id.split('/').nth(2).unwrap_or_default();
            let p = &e.value["properties"];
            json!({
                "id": id,
                "location": e.value["location"],
                "subscription": names.get(subscription),
                "version": p["currentKubernetesVersion"]
                    .as_str()
                    .or(p["kubernetesVersion"].as_str()),
            })
        })
        .collect();
    rows.sort_by(|a, b| text(a, "/id").cmp(text(b, "/id")));
    rows
}

fn plans(store: &[Entry]) -> Vec<Value> {
    let mut rows: Vec<Value> = store
        .iter()
        .filter(|e| e.kind == "microsoft.security/pricings")
        .filter(|e| {
            let name = text(&e.value, "/name");
            name.eq_ignore_ascii_case("Containers") || name.eq_ignore_ascii_case("CloudPosture")
        })
        .map(|e| {
            let id = text(&e.value, "/id");
            json!({
                "id": id,
                "subscriptionId": id.split('/').nth(2),
                "plan": e.value["name"],
                "tier": text(&e.value, "/properties/pricingTier"),
                "inherited": text(&e.value, "/properties/inherited"),
            })
        })
        .collect();
    rows.sort_by(|a, b| text(a, "/id").cmp(text(b, "/id")));
    rows
}

/// One cluster's counts, as the posture query sums them.
#[derive(Default)]
struct Tally {
    alerts: [u64; 5],
    cves: [u64; 5],
    misconfigurations: [u64; 5],
    images: BTreeSet<String>,
    overdue: u64,
    expiring: u64,
}

fn level(text: &str) -> Option<Level> {
    Level::parse(text)
}

fn posture(store: &[Entry], now: &str) -> Vec<Value> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    alerts(store, &mut tallies);
    let unhealthy = assessments(store, &mut tallies);
    grouped(store, &mut tallies);
    for e in store.iter().filter(|e| e.kind == queries::OWNERS) {
        let due = text(&e.value, "/properties/remediationDueDate");
        let Some((assessment, _)) = e.id.rsplit_once("/governanceassignments/") else {
            continue;
        };
        if !due.is_empty()
            && due < now
            && let Some(cluster) = unhealthy.get(assessment)
        {
            tallies.entry(cluster.clone()).or_default().overdue += 1;
        }
    }
    expiring(store, now, &mut tallies);
    tallies
        .into_iter()
        .map(|(id, t)| {
            let mut counts: Vec<u64> = [t.alerts, t.cves, t.misconfigurations].concat();
            counts.extend([t.images.len() as u64, t.overdue, t.expiring]);
            json!({ "id": posture_key(&id), "counts": counts })
        })
        .collect()
}

/// Exemptions (Defender's with effect Exempt, and Azure Policy's) set on a cluster or under it
/// that end within 14 days of `now`.
fn expiring(store: &[Entry], now: &str, tallies: &mut BTreeMap<String, Tally>) {
    let Some(today) = crate::domain::actions::Date::parse(now) else {
        return;
    };
    let end = today.plus_days(14).to_string();
    for e in store.iter().filter(|e| {
        let exempt = text(&e.value, "/properties/effect").eq_ignore_ascii_case("Exempt");
        (e.kind == queries::STANDARD_ASSIGNMENTS && exempt) || e.kind == queries::POLICY_EXEMPTIONS
    }) {
        let expires = text(&e.value, "/properties/expiresOn");
        let Some(cluster) = cluster_of(&e.id).map(String::from) else {
            continue;
        };
        // ISO 8601 texts order as time; the day against the window's days.
        if !expires.is_empty()
            && expires >= now
            && expires.get(..10).is_some_and(|d| d <= end.as_str())
        {
            tallies.entry(cluster).or_default().expiring += 1;
        }
    }
}

/// Open alerts, once per alert and cluster it names (whole cluster ids only).
fn alerts(store: &[Entry], tallies: &mut BTreeMap<String, Tally>) {
    for e in store.iter().filter(|e| e.kind == queries::ALERTS) {
        let status = text(&e.value, "/properties/Status");
        if !(status.eq_ignore_ascii_case("Active") || status.eq_ignore_ascii_case("InProgress")) {
            continue;
        }
        let named: HashSet<String> = e.value["properties"]["ResourceIdentifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["AzureResourceId"].as_str())
            .map(str::to_ascii_lowercase)
            .filter(|id| cluster_of(id) == Some(id.as_str()))
            .collect();
        let Some(l) = level(text(&e.value, "/properties/Severity")) else {
            continue;
        };
        for cluster in named {
            tallies.entry(cluster).or_default().alerts[l as usize] += 1;
        }
    }
}

/// Unhealthy individual recommendations; returns each one's cluster by assessment id (for the
/// overdue owners).
fn assessments(store: &[Entry], tallies: &mut BTreeMap<String, Tally>) -> HashMap<String, String> {
    let mut unhealthy = HashMap::new();
    for e in store.iter().filter(|e| e.kind == queries::ASSESSMENTS) {
        let p = &e.value["properties"];
        if !text(p, "/status/code").eq_ignore_ascii_case("Unhealthy") {
            continue;
        }
        let details = &p["resourceDetails"];
        let assessed = details["Id"]
            .as_str()
            .or(details["id"].as_str())
            .unwrap_or_default();
        let assessed = assessed.to_ascii_lowercase();
        let Some(cluster) = cluster_of(&e.id)
            .or(cluster_of(&assessed))
            .map(String::from)
        else {
            continue;
        };
        unhealthy.insert(e.id.clone(), cluster.clone());
        let key = text(&e.value, "/name").to_ascii_lowercase();
        if VULNERABILITY_KEYS.contains(&key.as_str()) {
            continue;
        }
        let category = text(p, "/metadata/recommendationCategory");
        let cve_list = p["additionalData"]
            .get("CvesDetails")
            .filter(|v| !v.is_null());
        let vulnerability =
            matches!(category, "SoftwareUpdate" | "ServiceUpgrade") || cve_list.is_some();
        let rec_level = level(text(p, "/metadata/severity")).unwrap_or(Level::Medium);
        let tally = tallies.entry(cluster).or_default();
        if !vulnerability {
            let l = level(text(p, "/risk/level")).unwrap_or(rec_level);
            tally.misconfigurations[l as usize] += 1;
            continue;
        }
        let list: Vec<Value> = match cve_list {
            Some(Value::String(s)) => serde_json::from_str(s).unwrap_or_default(),
            Some(Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        let named: Vec<&Value> = list
            .iter()
            .filter(|c| c["CveId"].as_str().is_some_and(|id| !id.is_empty()))
            .collect();
        if named.is_empty() {
            tally.cves[rec_level as usize] += 1;
        }
        for cve in named {
            let l = cve["Severity"]
                .as_str()
                .and_then(level)
                .unwrap_or(rec_level);
            tally.cves[l as usize] += 1;
        }
        if category != "ServiceUpgrade" {
            tally.images.insert(assessed);
        }
    }
    unhealthy
}

/// The retired grouped lists: one finding per unhealthy sub-assessment of the two read keys.
fn grouped(store: &[Entry], tallies: &mut BTreeMap<String, Tally>) {
    for e in store
        .iter()
        .filter(|e| e.kind == "microsoft.security/assessments/subassessments")
    {
        let Some((parent, _)) = e.id.split_once("/subassessments/") else {
            continue;
        };
        let key = parent.rsplit('/').next().unwrap_or_default();
        if ![RUNNING_IMAGES_VULN_KEY, NODE_VULN_KEY].contains(&key)
            || !text(&e.value, "/properties/status/code").eq_ignore_ascii_case("Unhealthy")
        {
            continue;
        }
        let Some(cluster) = cluster_of(&e.id).map(String::from) else {
            continue;
        };
        let l = level(text(&e.value, "/properties/status/severity")).unwrap_or(Level::Medium);
        let tally = tallies.entry(cluster).or_default();
        tally.cves[l as usize] += 1;
        if key != NODE_VULN_KEY {
            let image = text(&e.value, "/properties/resourceDetails/id").to_ascii_lowercase();
            if !image.is_empty() {
                tally.images.insert(image);
            }
        }
    }
}

/// `rows` grown to a fleet of `size` clusters: the stored clusters (`ids`, in id order) again
/// and again, each copy's id numbered (`…/managedClusters/aks-x-17`), until there are `size`.
/// A cluster's rows are copied with it, so a copy's counts are its template's. Subscription
/// plans stay as they are.
fn scaled(rows: Vec<Value>, query: FleetQuery, ids: &[String], size: usize) -> Vec<Value> {
    if query == FleetQuery::Plans || size <= ids.len() || ids.is_empty() {
        return rows;
    }
    // Posture rows name their cluster by its key, cluster rows by its id.
    let key = |id: &str| match query {
        FleetQuery::Posture => posture_key(id),
        _ => id.to_ascii_lowercase(),
    };
    let index: HashMap<String, usize> =
        ids.iter().enumerate().map(|(i, id)| (key(id), i)).collect();
    let mut out = rows.clone();
    for row in &rows {
        let id = text(row, "/id");
        let Some(&i) = index.get(&id.to_ascii_lowercase()) else {
            continue;
        };
        let mut round = 1;
        while round * ids.len() + i < size {
            let mut copy = row.clone();
            copy["id"] = json!(format!("{id}-{round}"));
            out.push(copy);
            round += 1;
        }
    }
    out.sort_by(|a, b| text(a, "/id").cmp(text(b, "/id")));
    out
}
