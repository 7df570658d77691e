//! The fleet's Resource Graph queries: three, whatever the number of clusters, each returning at
//! most one row per cluster (or per subscription plan), so the browser never receives the
//! fleet's findings, only their counts (`shared/azure/API.md` §8).
//!
//! Each cluster-level count follows the rules the dashboard's mapping applies to one cluster
//! (`crate::mapping`), so a fleet row and that cluster's summary bar agree:
//! - a finding belongs to a cluster when its own id hangs under the cluster, or when the assessed
//!   resource (`properties.resourceDetails.Id`, or `.id` as REST spells it) is the cluster or
//!   under it (the two candidates of §L4, as `arm::queries` accepts them);
//! - open alerts are `Active` or `InProgress`, counted once per alert and cluster;
//! - a vulnerability finding is one CVE of an unhealthy individual recommendation (category
//!   `SoftwareUpdate`/`ServiceUpgrade`, or a `CvesDetails` list), at the CVE's own severity or
//!   else the recommendation's; a list with no readable CVE is one finding; the retired grouped
//!   lists count one finding per unhealthy sub-assessment;
//! - a misconfiguration is any other unhealthy recommendation, at its Defender CSPM risk level
//!   when it has one, else its severity (Medium when missing);
//! - an exemption expiring soon ends within 14 days and is set on the cluster or on a resource
//!   under it (one on its resource group or subscription covers many clusters: the dashboard's
//!   inventory lists those).

use super::endpoints::{NODE_VULN_KEY, RUNNING_IMAGES_VULN_KEY};
use super::graph::GraphQuery;
use super::queries::{ALERTS, ASSESSMENTS, OWNERS, POLICY_EXEMPTIONS, STANDARD_ASSIGNMENTS};
use serde::Deserialize;

/// Where the fleet's queries run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FleetScope {
    /// Every subscription of the tenant the user can read.
    #[default]
    Tenant,
    /// The subscriptions under these management groups (`config.json`'s `managementGroups`).
    ManagementGroups(Vec<String>),
}

/// The fleet's queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FleetQuery {
    /// Every AKS cluster, with its subscription's name.
    Clusters,
    /// The Defender for Containers and Defender CSPM plans of every subscription, and the
    /// clusters' own Containers plans (resource-level pricing).
    Plans,
    /// Open alerts, vulnerability findings, affected images, misconfigurations and overdue
    /// owners, counted per cluster.
    Posture,
}

impl FleetQuery {
    pub const ALL: [FleetQuery; 3] = [FleetQuery::Clusters, FleetQuery::Plans, FleetQuery::Posture];

    /// What the query reads, in the user's words (the fleet's data source line).
    pub fn describe(self) -> &'static str {
        match self {
            FleetQuery::Clusters => "Every AKS cluster you can read, with its subscription's name.",
            FleetQuery::Plans => {
                "The Defender for Containers and Defender CSPM plans of every subscription, and \
                 the clusters' own Containers plans."
            }
            FleetQuery::Posture => {
                "Open alerts, vulnerability findings, affected images, unhealthy \
                 misconfigurations and overdue owners, counted per cluster by Resource Graph."
            }
        }
    }

    /// The KQL, the same for every scope.
    pub fn text(self) -> String {
        match self {
            FleetQuery::Clusters => clusters(),
            FleetQuery::Plans => plans(),
            FleetQuery::Posture => posture(),
        }
    }

    /// The query as sent over `scope`. Partial scopes are allowed: a tenant with more
    /// subscriptions than one query takes is answered for those it could take, and the fleet
    /// says that its list may be incomplete (Resource Graph does not name the ones left out).
    pub fn query(self, scope: &FleetScope) -> GraphQuery {
        GraphQuery {
            text: self.text(),
            management_groups: match scope {
                FleetScope::Tenant => Vec::new(),
                FleetScope::ManagementGroups(groups) => groups.clone(),
            },
            allow_partial_scopes: true,
            ..GraphQuery::default()
        }
    }

    /// Which fleet query `text` is (the demo's and the tests' Resource Graph answer by it).
    pub fn of_text(text: &str) -> Option<FleetQuery> {
        FleetQuery::ALL.into_iter().find(|q| q.text() == text)
    }
}

/// The cluster id at the start of a lower-case resource id, as KQL (`extract` group 1).
const CLUSTER_RE: &str = concat!(
    r#"@"^(/subscriptions/[^/]+/resourcegroups/[^/]+/providers/"#,
    r#"microsoft\.containerservice/managedclusters/[^/]+)(/|$)""#
);

/// A whole cluster id (lower case), nothing after it: an alert counts for the cluster it names
/// itself, as the dashboard's alerts query matches it (`arm::queries`).
const CLUSTER_ONLY_RE: &str = concat!(
    r#"@"^/subscriptions/[^/]+/resourcegroups/[^/]+/providers/"#,
    r#"microsoft\.containerservice/managedclusters/[^/]+$""#
);

/// A wire severity or risk level in the dashboard's five levels (`Level::parse`), or "".
fn level(expr: &str) -> String {
    format!(
        "case(tolower({expr}) == \"critical\", \"Critical\", tolower({expr}) == \"high\", \
         \"High\", tolower({expr}) in (\"medium\", \"moderate\"), \"Medium\", tolower({expr}) == \
         \"low\", \"Low\", tolower({expr}) in (\"informational\", \"info\"), \"Informational\", \
         \"\")"
    )
}

/// Five counts, one per level (Critical … Informational), of the rows whose `column` is it.
fn per_level(prefix: &str, column: &str) -> String {
    ["Critical", "High", "Medium", "Low", "Informational"]
        .iter()
        .map(|l| format!("{prefix}{} = tolong({column} == \"{l}\")", &l[..1]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The five per-level sums of `prefix`, packed as one array column `name`.
fn packed(name: &str, prefix: &str) -> String {
    let sums: Vec<String> = ["C", "H", "M", "L", "I"]
        .iter()
        .map(|l| format!("sum({prefix}{l})"))
        .collect();
    format!("{name} = pack_array({})", sums.join(", "))
}

fn clusters() -> String {
    "resources\n\
     | where type =~ \"microsoft.containerservice/managedclusters\"\n\
     | join kind=leftouter (\n\
     resourcecontainers\n\
     | where type =~ \"microsoft.resources/subscriptions\"\n\
     | project subscriptionId, subscription = name\n\
     ) on subscriptionId\n\
     | project id, location, subscription, version = \
     coalesce(tostring(properties.currentKubernetesVersion), \
     tostring(properties.kubernetesVersion))\n\
     | order by id asc"
        .to_string()
}

fn plans() -> String {
    "securityresources\n\
     | where type =~ \"microsoft.security/pricings\"\n\
     | where name in~ (\"Containers\", \"CloudPosture\")\n\
     | project id, subscriptionId, plan = name, tier = tostring(properties.pricingTier), \
     inherited = tostring(properties.inherited)\n\
     | order by id asc"
        .to_string()
}

/// The cluster of an assessment row: its own id first, then the assessed resource.
fn assessment_cluster() -> String {
    format!(
        "| extend assessedId = tolower(coalesce(tostring(properties.resourceDetails.Id), \
         tostring(properties.resourceDetails.id)))\n\
         | extend cluster = coalesce(extract({CLUSTER_RE}, 1, tolower(id)), \
         extract({CLUSTER_RE}, 1, assessedId))\n\
         | where isnotempty(cluster)"
    )
}

fn posture() -> String {
    let grouped = format!("\"{RUNNING_IMAGES_VULN_KEY}\", \"{NODE_VULN_KEY}\"");
    let vulnerability_keys = format!(
        "{grouped}, \"e9acaf48-d2cf-45a3-a6e7-3caa2ef769e0\", \
         \"41503391-efa5-47ee-9282-4eff6131462c\""
    );
    let unhealthy = format!(
        "securityresources\n\
         | where type =~ \"{ASSESSMENTS}\"\n\
         | where tostring(properties.status.code) =~ \"Unhealthy\"\n\
         {}",
        assessment_cluster()
    );
    let alert_level = level("severity");
    let severity = level("tostring(properties.metadata.severity)");
    let risk = level("tostring(properties.risk.level)");
    let cve_level = level("tostring(cve.Severity)");
    let sub_level = level("tostring(properties.status.severity)");
    format!(
        "securityresources\n\
         | where type =~ \"{ALERTS}\"\n\
         | where tostring(properties.Status) in~ (\"Active\", \"InProgress\")\n\
         | mv-expand identifier = properties.ResourceIdentifiers\n\
         | extend cluster = tolower(tostring(identifier.AzureResourceId))\n\
         | where cluster matches regex {CLUSTER_ONLY_RE}\n\
         | summarize by cluster, id, severity = tostring(properties.Severity)\n\
         | extend lvl = {alert_level}\n\
         | project cluster, {alerts}\n\
         | union (\n\
         {unhealthy}\n\
         | extend key = tolower(name), category = \
         tostring(properties.metadata.recommendationCategory)\n\
         | where key !in ({vulnerability_keys})\n\
         | extend vulnerability = category in (\"SoftwareUpdate\", \"ServiceUpgrade\") or \
         isnotnull(properties.additionalData.CvesDetails)\n\
         | extend recLevel = {severity}\n\
         | extend recLevel = iff(isempty(recLevel), \"Medium\", recLevel), riskLevel = {risk}\n\
         | extend cves = iff(vulnerability, \
         parse_json(tostring(properties.additionalData.CvesDetails)), dynamic(null))\n\
         | extend cves = iff(array_length(cves) > 0, cves, pack_array(dynamic({{}})))\n\
         | mv-expand cve = cves\n\
         | extend cveLevel = {cve_level}, named = isnotempty(tostring(cve.CveId))\n\
         | extend cveLevel = iff(isempty(cveLevel), recLevel, cveLevel)\n\
         | summarize named = countif(named), vC = countif(named and cveLevel == \"Critical\"), \
         vH = countif(named and cveLevel == \"High\"), vM = countif(named and cveLevel == \
         \"Medium\"), vL = countif(named and cveLevel == \"Low\"), vI = countif(named and \
         cveLevel == \"Informational\") by id, cluster, vulnerability, category, recLevel, \
         riskLevel, assessedId\n\
         | extend lvl = iff(vulnerability and named == 0, recLevel, \"\"), misLevel = \
         iff(vulnerability, \"\", iff(isempty(riskLevel), recLevel, riskLevel))\n\
         | extend vC = vC + tolong(lvl == \"Critical\"), vH = vH + tolong(lvl == \"High\"), vM = \
         vM + tolong(lvl == \"Medium\"), vL = vL + tolong(lvl == \"Low\"), vI = vI + tolong(lvl == \
         \"Informational\")\n\
         | extend image = iff(vulnerability and category != \"ServiceUpgrade\", assessedId, \"\")\n\
         | project cluster, vC, vH, vM, vL, vI, image, {misconfigurations}\n\
         ), (\n\
         securityresources\n\
         | where type =~ \"microsoft.security/assessments/subassessments\"\n\
         | extend parentKey = tolower(extract(@\"(?i)/assessments/([^/]+)/subassessments/\", 1, \
         id))\n\
         | where parentKey in ({grouped})\n\
         | where tostring(properties.status.code) =~ \"Unhealthy\"\n\
         | extend cluster = extract({CLUSTER_RE}, 1, tolower(id))\n\
         | where isnotempty(cluster)\n\
         | extend lvl = {sub_level}\n\
         | extend lvl = iff(isempty(lvl), \"Medium\", lvl), image = iff(parentKey == \
         \"{NODE_VULN_KEY}\", \"\", tolower(tostring(properties.resourceDetails.id)))\n\
         | project cluster, {vulns}, image\n\
         ), (\n\
         securityresources\n\
         | where type =~ \"{OWNERS}\"\n\
         | where todatetime(properties.remediationDueDate) < now()\n\
         | extend assessmentId = tolower(extract(@\"(?i)^(.+)/governanceassignments/[^/]+$\", 1, \
         id))\n\
         | join kind=inner (\n\
         {unhealthy}\n\
         | project assessmentId = tolower(id), cluster\n\
         ) on assessmentId\n\
         | project cluster, overdue = 1\n\
         ), (\n\
         securityresources\n\
         | where type =~ \"{STANDARD_ASSIGNMENTS}\"\n\
         | where tostring(properties.effect) =~ \"Exempt\"\n\
         | project id, properties\n\
         | union (\n\
         policyresources\n\
         | where type =~ \"{POLICY_EXEMPTIONS}\"\n\
         | project id, properties\n\
         )\n\
         | extend expires = todatetime(properties.expiresOn)\n\
         | where isnotnull(expires) and expires >= now() and expires <= now() + 14d\n\
         | extend cluster = extract({CLUSTER_RE}, 1, tolower(id))\n\
         | where isnotempty(cluster)\n\
         | project cluster, expiring = 1\n\
         )\n\
         | summarize {alerts_sum}, {cves_sum}, {misconfig_sum}, images = \
         array_length(make_set_if(image, isnotempty(image))), overdue = sum(overdue), expiring = \
         sum(expiring) by cluster\n\
         | extend part = split(cluster, \"/\")\n\
         | project id = strcat(tostring(part[2]), \"/\", tostring(part[4]), \"/\", \
         tostring(part[8])), counts = array_concat(alerts, cves, misconfig, pack_array(images, \
         overdue, expiring))\n\
         | order by id asc",
        alerts = per_level("a", "lvl"),
        misconfigurations = per_level("m", "misLevel"),
        vulns = per_level("v", "lvl"),
        alerts_sum = packed("alerts", "a"),
        cves_sum = packed("cves", "v"),
        misconfig_sum = packed("misconfig", "m"),
    )
}

/// The key a posture row names its cluster by: `{subscription}/{group}/{name}`, lower case.
pub fn posture_key(cluster_id: &str) -> String {
    let parts: Vec<&str> = cluster_id.split('/').collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or_default();
    format!("{}/{}/{}", part(2), part(4), part(8)).to_ascii_lowercase()
}

/// A row of [`FleetQuery::Clusters`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetClusterRow {
    pub id: String,
    #[serde(default)]
    pub location: String,
    /// The subscription's name; missing when the subscription itself cannot be listed (no read
    /// on it, only on a group). Short column names: the row repeats for every cluster.
    #[serde(default, rename = "subscription")]
    pub subscription_name: Option<String>,
    #[serde(default, rename = "version")]
    pub kubernetes_version: Option<String>,
}

/// A row of [`FleetQuery::Plans`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanRow {
    pub id: String,
    pub subscription_id: String,
    /// `Containers` or `CloudPosture`.
    pub plan: String,
    /// `Standard` (on) or `Free` (off).
    #[serde(default)]
    pub tier: String,
    /// `"True"` on a cluster's pricing that follows its subscription's (pricings.json).
    #[serde(default)]
    pub inherited: String,
}

/// A row of [`FleetQuery::Posture`], as sent: the cluster's key and its 18 counts in one array
/// (alerts, CVEs and misconfigurations per level, Critical first, then images, overdue owners,
/// expiring exemptions). One array instead of named columns: the row repeats for every cluster,
/// and at 5,000 clusters the names alone cost a tenth of the 2 MB budget.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PostureWire {
    pub id: String,
    #[serde(default)]
    pub counts: Vec<u64>,
}

/// A row of [`FleetQuery::Posture`]: counts per level, Critical first.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "PostureWire")]
pub struct PostureRow {
    /// The cluster's key, [`posture_key`]: its subscription, group and name, lower case (less
    /// than half the bytes of its id, repeated on thousands of rows).
    pub id: String,
    pub alerts: [u64; 5],
    pub cves: [u64; 5],
    pub misconfigurations: [u64; 5],
    pub images: u64,
    pub overdue: u64,
    /// Exemptions set on the cluster (or under it) that end within 14 days.
    pub expiring: u64,
}

impl From<PostureWire> for PostureRow {
    /// Positions past the end of a shorter array read as 0.
    fn from(wire: PostureWire) -> PostureRow {
        let at = |i: usize| wire.counts.get(i).copied().unwrap_or(0);
        let five = |from: usize| [0, 1, 2, 3, 4].map(|i| at(from + i));
        PostureRow {
            id: wire.id,
            alerts: five(0),
            cves: five(5),
            misconfigurations: five(10),
            images: at(15),
            overdue: at(16),
            expiring: at(17),
        }
    }
}
