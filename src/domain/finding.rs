//! The findings of one cluster, as the dashboard shows them.

use super::actions::Date;
use super::level::{Level, Rating};
use super::summary::FindingType;
use std::collections::BTreeMap;

/// Everything the dashboard knows about one cluster after a load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterData {
    pub cluster: ClusterInfo,
    pub plan: PlanStatus,
    pub alerts: Vec<Alert>,
    pub vulnerabilities: Vec<Vulnerability>,
    pub recommendations: Vec<Recommendation>,
    pub compliance: Vec<ComplianceStandard>,
    /// What could not be read; everything else is shown.
    pub issues: LoadIssues,
    /// Where each tab's findings were read from, and the queries behind them.
    pub sources: BTreeMap<FindingType, DataSource>,
    /// The day the data was read: owners' states (on time, overdue) are as of it.
    pub today: Date,
    /// Every exemption touching the cluster, when they could be read.
    pub exemptions: Vec<super::exemptions::Exemption>,
    /// Recommendations (ARM ids) an action changed in this session: Defender re-evaluates them
    /// within 24 hours, so they say so until a Refresh shows their new state.
    pub applied: std::collections::BTreeSet<String>,
}

/// Where a tab's findings come from: the data model and API it read, the queries it sent (so a
/// user can run them in Resource Graph Explorer and check the numbers), and notes about them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DataSource {
    /// "Individual recommendations", "Grouped sub-assessments", "Security alerts"…
    pub model: String,
    /// "Azure Resource Graph", "REST".
    pub api: String,
    pub queries: Vec<SourceQuery>,
    /// Facts about the source a user should know (a retired list, a fallback used).
    pub notes: Vec<String>,
}

impl DataSource {
    /// "Individual recommendations, Azure Resource Graph".
    pub fn label(&self) -> String {
        format!("{}, {}", self.model, self.api)
    }
}

/// One query behind a tab.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceQuery {
    /// What it reads.
    pub description: String,
    /// The KQL as sent (or the REST request line).
    pub text: String,
    /// Whether it is KQL (offered in Resource Graph Explorer) or a REST request.
    pub kql: bool,
}

/// What a load could not read. The dashboard still shows the rest, and labels what is missing:
/// a count from a failed source is never shown as if it were complete.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadIssues {
    /// Finding type → why its tab (and its summary counts) is incomplete.
    pub tabs: BTreeMap<FindingType, String>,
    /// The Defender plans could not be read: the plan status is unknown.
    pub plans: Option<String>,
    /// The exemptions could not be read: the inventory says so instead of "none".
    pub exemptions: Option<String>,
    /// The managed cluster could not be read: the header shows what its id says.
    pub cluster: Option<String>,
}

impl LoadIssues {
    /// Records that `tab` is incomplete; the first reason is kept (it is usually the cause).
    pub fn tab(&mut self, tab: FindingType, reason: String) {
        self.tabs.entry(tab).or_insert(reason);
    }

    /// Nothing failed.
    pub fn is_empty(&self) -> bool {
        self.tabs.is_empty() && self.plans.is_none() && self.cluster.is_none()
    }
}

impl ClusterData {
    /// Unhealthy recommendations that are not vulnerability findings: the Misconfigurations tab.
    pub fn misconfigurations(&self) -> impl Iterator<Item = &Recommendation> {
        self.recommendations
            .iter()
            .filter(|r| r.unhealthy && r.kind != RecommendationKind::Vulnerability)
    }

    /// Vulnerability findings that need work: all but the exempted (which "Show exempted" lists).
    pub fn open_vulnerabilities(&self) -> impl Iterator<Item = &Vulnerability> {
        self.vulnerabilities.iter().filter(|v| !v.exempted)
    }

    /// How many findings of `tab` are exempted: recommendations on Misconfigurations, findings
    /// (one per CVE) on Vulnerability assessment, as each tab counts its rows; none elsewhere.
    pub fn exempted_in(&self, tab: FindingType) -> usize {
        match tab {
            FindingType::Vulnerability => {
                self.vulnerabilities.iter().filter(|v| v.exempted).count()
            }
            FindingType::Misconfiguration => self
                .recommendations
                .iter()
                .filter(|r| r.exempted && r.kind != RecommendationKind::Vulnerability)
                .count(),
            FindingType::Alert | FindingType::Compliance => 0,
        }
    }

    /// Failing (standard, control, recommendation) rows: the Compliance tab's grid.
    pub fn compliance_findings(&self) -> impl Iterator<Item = &ComplianceFinding> {
        self.compliance.iter().flat_map(|s| s.failing.iter())
    }
}

/// Header facts about the cluster.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterInfo {
    pub id: String,
    pub name: String,
    pub resource_group: String,
    pub subscription_id: String,
    pub location: String,
    pub kubernetes_version: String,
    /// The Azure portal of the cluster's cloud: portal links open there.
    pub portal: String,
}

/// Which Defender plans cover the cluster, and where that comes from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanStatus {
    /// Defender for Containers is on (pricing tier Standard) for this cluster.
    pub containers_on: bool,
    /// The cluster's Containers pricing is inherited from the subscription.
    pub inherited: bool,
    /// Defender CSPM (CloudPosture) is on for the subscription.
    pub cspm_on: bool,
    /// Extension name → enabled, as the cluster's Containers pricing reports it.
    pub extensions: Vec<(String, bool)>,
}

impl PlanStatus {
    /// The dashboard shows findings only when one of the two plans is on (the seeds' prerequisite).
    pub fn prerequisites_met(&self) -> bool {
        self.containers_on || self.cspm_on
    }
}

/// Status of a security alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlertStatus {
    Active,
    InProgress,
    Resolved,
    Dismissed,
}

impl AlertStatus {
    /// Parses the wire enum; anything unknown is treated as active so it is never hidden.
    pub fn parse(text: &str) -> AlertStatus {
        match text {
            "InProgress" => AlertStatus::InProgress,
            "Resolved" => AlertStatus::Resolved,
            "Dismissed" => AlertStatus::Dismissed,
            _ => AlertStatus::Active,
        }
    }

    /// The label users see.
    pub fn label(self) -> &'static str {
        match self {
            AlertStatus::Active => "Active",
            AlertStatus::InProgress => "In progress",
            AlertStatus::Resolved => "Resolved",
            AlertStatus::Dismissed => "Dismissed",
        }
    }

    /// Active and in-progress alerts still need attention and are counted in the summary.
    pub fn is_open(self) -> bool {
        matches!(self, AlertStatus::Active | AlertStatus::InProgress)
    }
}

/// A Defender for Containers security alert about the cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// The full ARM id; actions are sent to it.
    pub id: String,
    pub alert_type: String,
    pub title: String,
    pub description: String,
    pub severity: Level,
    pub status: AlertStatus,
    /// The affected Kubernetes entity (pod, container, node) as Defender names it.
    pub entity: String,
    /// MITRE ATT&CK tactic (the alert's intent).
    pub tactic: String,
    pub techniques: Vec<String>,
    /// ISO 8601 UTC, as ARM sends it.
    pub start_time: String,
    pub remediation_steps: Vec<String>,
    /// The alert in the Azure portal (`alertUri`).
    pub portal_link: String,
    /// Related entities (pod, container, process, host…) in Defender's order.
    pub entities: Vec<Entity>,
    /// Defender's extra facts about the detection, name → value, as sent.
    pub extended_properties: Vec<(String, String)>,
}

/// One entity an alert relates to: its kind (`K8s-pod`, `process`…) and what identifies it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub kind: String,
    pub name: String,
    /// The entity property `name` was read from (`Name`, `CommandLine`, `Address`…): a
    /// suppression rule matches on `entities.<kind>.<field>`.
    pub field: String,
}

/// A link with its title (CVE references).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// What a vulnerability was found in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Component {
    /// A container image, shown as `repository:tag` (digest kept for the details pane).
    Image {
        registry: String,
        repository: String,
        tag: String,
        digest: String,
    },
    /// An AKS node pool (its node image).
    NodePool { name: String },
    /// A finding whose image or node could not be read from the data Azure sent: shown with the
    /// raw resource id it came with, never dropped.
    Unknown { resource_id: String },
}

impl Component {
    /// The name users recognise: `registry/repository:tag` or `node pool <name>`.
    pub fn display_name(&self) -> String {
        match self {
            Component::Image {
                registry,
                repository,
                tag,
                ..
            } if registry.is_empty() => {
                format!("{repository}:{tag}")
            }
            Component::Image {
                registry,
                repository,
                tag,
                ..
            } => {
                format!("{registry}/{repository}:{tag}")
            }
            Component::NodePool { name } => format!("Node pool {name}"),
            Component::Unknown { resource_id } if resource_id.is_empty() => "Unknown image".into(),
            Component::Unknown { resource_id } => format!("Unknown image ({resource_id})"),
        }
    }
}

/// One CVE in one package of one component.
#[derive(Debug, Clone, PartialEq)]
pub struct Vulnerability {
    pub id: String,
    pub cve: String,
    pub title: String,
    pub severity: Level,
    pub cvss: Option<f64>,
    pub package: String,
    pub installed_version: String,
    pub fixed_version: Option<String>,
    pub component: Component,
    /// Where it runs, as Azure names it (a container's namespace/workload, a resource id);
    /// empty when the data does not say.
    pub running_in: String,
    pub exploit_published: bool,
    /// When the scanner reported the finding (ISO 8601 UTC).
    pub first_seen: String,
    /// The recommendation this finding belongs to, in the Azure portal.
    pub portal_link: String,
    /// That recommendation's key (its owner is the finding's owner).
    pub recommendation_key: String,
    /// That recommendation's ARM id (an action on it marks this finding applied).
    pub recommendation_id: String,
    /// Exempted (its recommendation is Not applicable, cause Exempt): out of the default views
    /// and the counts, listed by "Show exempted".
    pub exempted: bool,
    /// When Defender last evaluated it: the status's last change, or the scan time.
    pub last_evaluated: String,
    /// Advisories and vendor pages about the CVE.
    pub references: Vec<Link>,
}

impl Vulnerability {
    /// A fixed version exists for the package.
    pub fn fixable(&self) -> bool {
        self.fixed_version.is_some()
    }
}

/// Where a recommendation applies: the tab it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecommendationKind {
    /// Control-plane setting of the managed cluster (Quick Fix candidates).
    Cluster,
    /// Kubernetes data-plane check on pods and containers.
    Workload,
    /// Vulnerability assessment (its findings are `Vulnerability` rows).
    Vulnerability,
}

/// An owner assigned to a recommendation (governance assignment).
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The governance assignment's ARM id (changed or removed through it).
    pub id: String,
    pub owner: String,
    /// ISO 8601 UTC.
    pub due_date: String,
    pub grace_period: bool,
    pub remind_owner: bool,
    pub remind_manager: bool,
    /// The owner's own estimate, when they changed it (`remediationEta`).
    pub eta: Option<Eta>,
    /// The ticket a ServiceNow integration opened for it (`additionalData`).
    pub ticket: Option<Ticket>,
}

impl Assignment {
    /// Where the assignment stands on `today`.
    pub fn state(&self, today: Date) -> OwnerState {
        OwnerState::of(&self.due_date, self.grace_period, today)
    }
}

/// A remediation ETA and why it changed (both required by the API when an ETA is set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eta {
    /// ISO 8601 UTC.
    pub date: String,
    pub justification: String,
}

/// A ticket tracking the remediation: `ticketNumber`, `ticketStatus`, `ticketLink`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub number: u64,
    pub status: String,
    /// An http(s) link (anything else is not offered as a link).
    pub link: String,
}

/// Where an owner assignment stands, as Microsoft's governance report computes it (due date
/// against today; `ASD add-data-power-bi.md`), with the grace period told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OwnerState {
    /// Past its due date.
    Overdue,
    /// Not yet due, with a grace period: the secure score is not affected until then.
    InGracePeriod,
    /// Not yet due.
    OnTime,
}

impl OwnerState {
    /// On `today`: overdue once the due date (a day, in UTC) has passed.
    pub fn of(due_date: &str, grace_period: bool, today: Date) -> OwnerState {
        match Date::parse(due_date) {
            Some(due) if due < today => OwnerState::Overdue,
            _ if grace_period => OwnerState::InGracePeriod,
            _ => OwnerState::OnTime,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OwnerState::Overdue => "Overdue",
            OwnerState::InGracePeriod => "In grace period",
            OwnerState::OnTime => "On time",
        }
    }
}

/// A Defender for Cloud recommendation (assessment) for the cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// The full ARM id of the assessment.
    pub id: String,
    /// The assessment key (GUID), shared by every resource's copy of this recommendation.
    pub key: String,
    pub name: String,
    pub rating: Rating,
    pub severity: Level,
    pub unhealthy: bool,
    /// `status.code` Healthy (an exemption on it is no longer needed).
    pub healthy: bool,
    /// Exempt: Not applicable with cause `Exempt` (API.md §8 (a)); out of the default views.
    pub exempted: bool,
    /// The unexpired exemption that covers it, when one does (its category and expiry): set
    /// before Defender has applied it, too.
    pub exemption: Option<(Option<super::exemptions::Category>, String)>,
    pub kind: RecommendationKind,
    pub resource_id: String,
    pub description: String,
    pub remediation: String,
    pub owner: Option<Assignment>,
    /// Its governance assignments were read, so no `owner` means unassigned (not unknown).
    pub owner_known: bool,
    /// When Defender first evaluated it (ISO 8601 UTC).
    pub first_seen: String,
    /// When its status last changed (`status.statusChangeDate`): Defender's last evaluation that
    /// changed anything.
    pub last_evaluated: String,
    /// The recommendation in the Azure portal.
    pub portal_link: String,
    /// Threats the recommendation mitigates (`accountBreach`…), as the metadata names them.
    pub threats: Vec<String>,
    /// Low, Moderate or High, as the metadata says (empty when unknown).
    pub user_impact: String,
    pub implementation_effort: String,
    /// The built-in Azure Policy definition behind the recommendation (ARM id).
    pub policy_definition_id: Option<String>,
    /// Defender CSPM's risk factors ("Exposure to the Internet"…).
    pub risk_factors: Vec<String>,
}

impl Recommendation {
    /// The owner and due date as the grid and the pane show them: "Unassigned" only when the
    /// assignments were read; "Unknown" when they could not be.
    pub fn owner_and_due(&self) -> (String, String) {
        match (&self.owner, self.owner_known) {
            (Some(o), _) => (o.owner.clone(), super::format::utc_date(&o.due_date)),
            (None, true) => ("Unassigned".into(), String::new()),
            (None, false) => ("Unknown".into(), String::new()),
        }
    }

    /// The owner's state on `today`, "Unassigned", or "Unknown" (owners not read), as the
    /// grid, the pane and the CSV say it.
    pub fn owner_status(&self, today: Date) -> String {
        match (&self.owner, self.owner_known) {
            (Some(o), _) => o.state(today).label().into(),
            (None, true) => "Unassigned".into(),
            (None, false) => "Unknown".into(),
        }
    }
}

/// One failing recommendation under one control of one standard.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplianceFinding {
    pub standard: String,
    pub control: String,
    pub control_description: String,
    pub recommendation_key: String,
    pub recommendation_name: String,
    pub severity: Level,
    pub portal_link: String,
}

/// A regulatory standard's state for this cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplianceStandard {
    pub name: String,
    pub passed_controls: usize,
    pub failed_controls: usize,
    pub failing: Vec<ComplianceFinding>,
}
