//! What one load read → the cluster's dashboard data, with a note on every tab whose source
//! failed or is retired. Pure: the load (`state::load`) only fetches.

use super::{alerts, cluster, compliance, keys, recommendations, vulnerabilities};
use crate::arm::graph::GraphQuery;
use crate::arm::models::{
    Alert, Assessment, ComplianceRow, GovernanceAssignment, ManagedCluster, OwnerRow, Pricing,
    SubAssessment,
};
use crate::arm::queries::QueryKind;
use crate::arm::{ArmError, ClusterId};
use crate::domain::actions::Date;
use crate::domain::exemptions::Exemption;
use crate::domain::{
    ClusterData, ClusterInfo, DataSource, FindingType, LoadIssues, PlanStatus, Recommendation,
    RecommendationKind, SourceQuery, Vulnerability,
};
use std::collections::{BTreeMap, HashSet};

/// The Resource Graph API label the tabs show.
pub const GRAPH: &str = "Azure Resource Graph";

/// Everything one load read, each source with its own outcome.
#[derive(Debug)]
pub struct Fetched {
    pub managed: Result<ManagedCluster, ArmError>,
    pub pricing: Result<Pricing, ArmError>,
    pub plans: Result<Vec<Pricing>, ArmError>,
    /// The queries sent, for the tabs' "Show query".
    pub queries: Vec<(QueryKind, GraphQuery)>,
    pub assessments: Result<Vec<Assessment>, ArmError>,
    pub alerts: Result<Vec<Alert>, ArmError>,
    pub owners: Result<Vec<OwnerRow>, ArmError>,
    pub compliance: Result<Vec<ComplianceRow>, ArmError>,
    /// Exemption rows (Defender standard assignments and Azure Policy exemptions), as read.
    pub exemptions: Result<Vec<serde_json::Value>, ArmError>,
    /// The grouped vulnerability lists (REST sub-assessments) read because the cluster still
    /// has their grouped recommendation.
    pub grouped: Vec<GroupedRead>,
    /// The day of the read (owners' states are as of it).
    pub today: Date,
}

/// One grouped vulnerability list: its recommendation, the request line, what came back.
#[derive(Debug)]
pub struct GroupedRead {
    pub parent: Assessment,
    pub request: String,
    pub read: Result<Vec<SubAssessment>, ArmError>,
}

/// Builds the dashboard data. Only when nothing at all could be read (no access, no network)
/// is the load an error: one clear message beats four empty tabs.
pub fn assemble(
    cluster_id: &ClusterId,
    portal: &str,
    fetched: Fetched,
) -> Result<ClusterData, ArmError> {
    let Fetched {
        managed,
        pricing,
        plans,
        queries,
        assessments,
        alerts,
        owners,
        compliance,
        exemptions,
        grouped,
        today,
    } = fetched;
    let mut issues = LoadIssues::default();
    let assessments = read_assessments(assessments, &mut issues);
    let owners = owners_by_assessment(owners, &mut issues);
    let recommendations: Vec<_> = assessments
        .iter()
        .map(|a| {
            let read = owners.as_ref().map(|o| {
                o.get(&a.id.to_ascii_lowercase())
                    .map_or(&[][..], Vec::as_slice)
            });
            recommendations::recommendation(a, read, portal)
        })
        .collect();
    let compliance = match compliance {
        Ok(rows) => compliance::compliance_standards(&rows, &recommendations),
        Err(e) => {
            let reason = format!("Compliance could not be read: {}", e.for_reader());
            issues.tab(FindingType::Compliance, reason);
            Vec::new()
        }
    };
    let (vulnerabilities, vulnerability_source) = vulnerabilities_of(
        &assessments,
        &recommendations,
        &grouped,
        portal,
        &mut issues,
    );
    let (cluster, plan) = header(cluster_id, portal, &managed, &pricing, &plans, &mut issues);
    let alerts = alerts_of(cluster_id, alerts, &mut issues);
    let exemptions = match exemptions {
        Ok(rows) => rows
            .iter()
            .filter_map(super::exemptions::exemption)
            .collect(),
        Err(e) => {
            issues.exemptions = Some(format!("Exemptions could not be read: {}", e.for_reader()));
            Vec::new()
        }
    };
    let refused = [pricing.as_ref().err(), plans.as_ref().err()]
        .into_iter()
        .flatten()
        .any(ArmError::is_forbidden);
    if refused && assessments.is_empty() && alerts.is_empty() {
        hidden_by_access(&mut issues);
    }
    // Nothing readable at all (no access, no network): one clear error beats four empty tabs.
    if let Err(e) = &managed
        && issues.tabs.len() == FindingType::ALL.len()
    {
        return Err(e.clone());
    }
    let mut recommendations = recommendations;
    for r in &mut recommendations {
        let expired = |e: &Exemption| Date::parse(&e.expires_on).is_some_and(|d| d < today);
        r.exemption = exemptions
            .iter()
            .find(|e| e.covers(r) && !expired(e))
            .map(|e| (e.category, e.expires_on.clone()));
    }
    let mut sources = sources(&queries, vulnerability_source);
    note_unrated(&assessments, &recommendations, &mut sources);
    Ok(ClusterData {
        cluster,
        plan,
        alerts,
        vulnerabilities,
        recommendations,
        compliance,
        issues,
        sources,
        today,
        exemptions,
        applied: Default::default(),
    })
}

/// Resource Graph answers only with what the caller may read, and says nothing of the rest: a
/// cluster whose Defender data the user cannot read (its plans were refused) comes back with no
/// row at all. Every tab then says its count is not known, never zero.
fn hidden_by_access(issues: &mut LoadIssues) {
    let reason = "Resource Graph returned nothing for this cluster, and reading its Defender \
                  plans was refused: Resource Graph leaves out what your account cannot read, \
                  without an error, so this is not a count of zero. Ask for the Security Reader \
                  role on the cluster's subscription.";
    for tab in FindingType::ALL {
        if !issues.tabs.contains_key(&tab) {
            issues.tab(tab, reason.to_string());
        }
    }
}

/// The recommendations query's rows; when it failed, every tab that needs them says so.
fn read_assessments(
    read: Result<Vec<Assessment>, ArmError>,
    issues: &mut LoadIssues,
) -> Vec<Assessment> {
    read.unwrap_or_else(|e| {
        let reason = format!("Recommendations could not be read: {}", e.for_reader());
        issues.tab(FindingType::Misconfiguration, reason.clone());
        issues.tab(
            FindingType::Vulnerability,
            format!(
                "Vulnerability findings (individual recommendations) could not be read. {reason}"
            ),
        );
        issues.tab(
            FindingType::Compliance,
            format!("Compliance needs the recommendations. {reason}"),
        );
        Vec::new()
    })
}

/// Assessment id (lower case) → its assignments; `None` when the owners could not be read (each
/// owner then shows as unknown, not unassigned).
fn owners_by_assessment(
    read: Result<Vec<OwnerRow>, ArmError>,
    issues: &mut LoadIssues,
) -> Option<BTreeMap<String, Vec<GovernanceAssignment>>> {
    match read {
        Ok(rows) => Some(rows.into_iter().fold(BTreeMap::new(), |mut map, row| {
            map.entry(row.assessment_id.to_ascii_lowercase())
                .or_insert_with(Vec::new)
                .push(row.assignment);
            map
        })),
        Err(e) => {
            issues.tab(
                FindingType::Misconfiguration,
                format!("Owners and due dates could not be read: {}", e.for_reader()),
            );
            None
        }
    }
}

/// The vulnerability findings: the individual ones among the recommendations, and the grouped
/// lists a cloud may still serve; and where they were read from.
fn vulnerabilities_of(
    assessments: &[Assessment],
    recommendations: &[Recommendation],
    grouped: &[GroupedRead],
    portal: &str,
    issues: &mut LoadIssues,
) -> (Vec<Vulnerability>, DataSource) {
    let mut found: Vec<_> = assessments
        .iter()
        .zip(recommendations)
        .filter(|(_, r)| r.kind == RecommendationKind::Vulnerability)
        // A grouped recommendation's findings are its sub-assessments (read below), not itself.
        .filter(|(a, _)| !keys::is_grouped_vulnerability(&a.name))
        .flat_map(|(a, _)| vulnerabilities::individual(a, portal))
        .collect();
    let individual = found.len();
    let mut source = DataSource {
        model: "Individual recommendations".into(),
        api: GRAPH.into(),
        ..DataSource::default()
    };
    let mut grouped_read = false;
    for GroupedRead {
        parent,
        request,
        read,
    } in grouped
    {
        let name = &parent.properties.display_name;
        source.queries.push(SourceQuery {
            description: format!("The grouped findings of \"{name}\" (retired 2026-07-31)."),
            text: request.clone(),
            kql: false,
        });
        match read {
            Ok(list) => {
                grouped_read = true;
                found.extend(
                    list.iter()
                        .filter_map(|s| vulnerabilities::vulnerability(s, portal)),
                );
            }
            Err(ArmError::Http { status: 404, .. }) => {
                let retired = format!(
                    "The grouped list of \"{name}\" is no longer served: Microsoft retired grouped \
                     vulnerability recommendations on 2026-07-31."
                );
                if individual == 0 {
                    // Retired, and nothing individual yet: never shown as "0 findings".
                    issues.tab(
                        FindingType::Vulnerability,
                        format!(
                            "{retired} Resource Graph has no individual vulnerability findings for \
                             this cluster yet (it can take a few days to show them), so this count \
                             is not known."
                        ),
                    );
                } else {
                    source.notes.push(retired);
                }
            }
            Err(e) => issues.tab(
                FindingType::Vulnerability,
                format!(
                    "The grouped findings of \"{name}\" could not be read: {}",
                    e.for_reader()
                ),
            ),
        }
    }
    if grouped_read {
        source.model = match individual {
            0 => "Grouped sub-assessments".into(),
            _ => "Individual recommendations and grouped sub-assessments".into(),
        };
        source.api = format!("{GRAPH} and REST");
    }
    (found, source)
}

/// The header's facts and the plans; what could not be read is noted, never shown as "off".
fn header(
    cluster_id: &ClusterId,
    portal: &str,
    managed: &Result<ManagedCluster, ArmError>,
    pricing: &Result<Pricing, ArmError>,
    plans: &Result<Vec<Pricing>, ArmError>,
    issues: &mut LoadIssues,
) -> (ClusterInfo, PlanStatus) {
    let info = match managed {
        Ok(m) => cluster::cluster_info(cluster_id, m, portal),
        Err(e) => {
            let reason = format!("Cluster details could not be read: {}", e.for_reader());
            issues.cluster = Some(reason);
            cluster::cluster_info_from_id(cluster_id, portal)
        }
    };
    let plan = match (pricing, plans) {
        (Ok(p), Ok(s)) => cluster::plan_status(p, s),
        (Err(e), _) | (_, Err(e)) => {
            let reason = format!("The Defender plans could not be read: {}", e.for_reader());
            issues.plans = Some(reason);
            PlanStatus::default()
        }
    };
    (info, plan)
}

/// The cluster's alerts, once each: the query returns an alert once per identifier naming the
/// cluster.
fn alerts_of(
    cluster_id: &ClusterId,
    read: Result<Vec<Alert>, ArmError>,
    issues: &mut LoadIssues,
) -> Vec<crate::domain::Alert> {
    let rows = read.unwrap_or_else(|e| {
        let reason = format!("Security alerts could not be read: {}", e.for_reader());
        issues.tab(FindingType::Alert, reason);
        Vec::new()
    });
    let cluster = cluster_id.to_string();
    let mut seen = HashSet::new();
    rows.iter()
        .filter(|a| alerts::concerns(a, &cluster))
        .filter(|a| seen.insert(a.id.to_ascii_lowercase()))
        .map(alerts::alert)
        .collect()
}

/// Severity comes from each row's inline metadata; a row without it is counted as Medium, and
/// the tab says how many, so a level count is never silently guessed.
fn note_unrated(
    assessments: &[Assessment],
    recommendations: &[Recommendation],
    sources: &mut BTreeMap<FindingType, DataSource>,
) {
    for (tab, vulnerable) in [
        (FindingType::Vulnerability, true),
        (FindingType::Misconfiguration, false),
    ] {
        let n = assessments
            .iter()
            .zip(recommendations)
            .filter(|(a, r)| {
                r.unhealthy
                    && (r.kind == RecommendationKind::Vulnerability) == vulnerable
                    && a.properties
                        .metadata
                        .as_ref()
                        .is_none_or(|m| m.severity.is_empty())
            })
            .count();
        if let (true, Some(source)) = (n > 0, sources.get_mut(&tab)) {
            source.notes.push(format!(
                "{n} unhealthy recommendation{} came without a severity; counted as Medium.",
                if n == 1 { "" } else { "s" }
            ));
        }
    }
}

/// Each tab's source: its model, API and the queries behind it.
fn sources(
    queries: &[(QueryKind, GraphQuery)],
    mut vulnerability: DataSource,
) -> BTreeMap<FindingType, DataSource> {
    let kql = |kinds: &[QueryKind]| -> Vec<SourceQuery> {
        kinds
            .iter()
            .filter_map(|k| queries.iter().find(|(q, _)| q == k))
            .map(|(k, q)| SourceQuery {
                description: k.describe().into(),
                text: q.text.clone(),
                kql: true,
            })
            .collect()
    };
    let graph = |model: &str, kinds: &[QueryKind]| DataSource {
        model: model.into(),
        api: GRAPH.into(),
        queries: kql(kinds),
        notes: Vec::new(),
    };
    let mut recommendations_first = kql(&[
        QueryKind::Recommendations,
        QueryKind::Owners,
        QueryKind::Exemptions,
    ]);
    recommendations_first.append(&mut vulnerability.queries);
    vulnerability.queries = recommendations_first;
    BTreeMap::from([
        (
            FindingType::Alert,
            graph("Security alerts", &[QueryKind::Alerts]),
        ),
        (FindingType::Vulnerability, vulnerability),
        (
            FindingType::Misconfiguration,
            graph(
                "Recommendations (cluster and container level)",
                &[
                    QueryKind::Recommendations,
                    QueryKind::Owners,
                    QueryKind::Exemptions,
                ],
            ),
        ),
        (
            FindingType::Compliance,
            graph(
                "Regulatory compliance",
                &[QueryKind::Compliance, QueryKind::Recommendations],
            ),
        ),
    ])
}
