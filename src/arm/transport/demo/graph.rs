//! The demo's Azure Resource Graph: answers the dashboard's own queries (`arm::queries`) over the
//! stored resources, as Resource Graph would over `securityresources`: the rows the query's type
//! and cluster filters select (both candidate links of a finding to its cluster, as the KQL
//! does), projected as the query projects them, paged with `$skipToken`. Any other query is
//! refused with a 400, so a query the app changes without the demo following shows at once.

use super::graph_answer::{Answer, Row, Rows};
use super::{DemoTransport, Entry, error, ok};
use crate::arm::fleet::FleetQuery;
use crate::arm::policy_assignments;
use crate::arm::queries::{self, QueryKind};
use crate::arm::transport::ArmResponse;
use serde_json::{Map, Value, json};
use std::collections::HashSet;

impl DemoTransport {
    /// `POST /providers/Microsoft.ResourceGraph/resources`.
    pub(super) fn graph(&self, body: Option<&str>) -> ArmResponse {
        let Some(request) = body.and_then(|b| serde_json::from_str::<Value>(b).ok()) else {
            return error(
                400,
                "InvalidRequestContent",
                "The request body is not valid JSON.",
            );
        };
        let text = request["query"].as_str().unwrap_or_default();
        if let Some(id) = queries::id_of_by_id(text) {
            let key = id.to_ascii_lowercase();
            let store = self.store.borrow();
            let data: Vec<Row> = store
                .iter()
                .filter(|e| e.id == key)
                .map(|entry| Row::Stored(entry, None))
                .collect();
            return ok(200, &Answer::whole(&data));
        }
        // The fleet's clusters are made (a store write) before the store is borrowed below.
        let fleet = FleetQuery::of_text(text);
        if fleet.is_some() {
            self.ensure_fleet();
        }
        // Held while the answer is written: stored rows are written from the store itself.
        let store = self.store.borrow();
        let rows = if let (true, Some(cluster)) =
            (policy_assignments::is_query(text), cluster_in(text))
        {
            Rows {
                rows: (self.policy_state_rows(text, &cluster).into_iter())
                    .map(Row::Built)
                    .collect(),
                scaled: None,
            }
        } else if let Some(fleet) = fleet {
            Rows {
                rows: self.fleet_rows(fleet).into_iter().map(Row::Built).collect(),
                scaled: None,
            }
        } else {
            let (Some(kind), Some(cluster)) = (QueryKind::of_text(text), cluster_in(text)) else {
                return error(
                    400,
                    "BadRequest",
                    "The demo cluster's Resource Graph answers only the dashboard's own queries.",
                );
            };
            self.rows(&store, kind, &cluster)
        };
        let top = request["options"]["$top"]
            .as_u64()
            .unwrap_or(1000)
            .clamp(1, 1000) as usize;
        let skip = request["options"]["$skipToken"]
            .as_str()
            .and_then(|t| t.parse::<usize>().ok())
            .unwrap_or(0);
        let total = rows.len();
        let end = (skip + top).min(total);
        let page = rows.into_page(skip..end);
        let next = (end < total).then(|| end.to_string());
        ok(200, &Answer::page(&page, total, next))
    }

    /// Every row `kind` selects for `cluster` (lower case), in id order.
    fn rows<'s>(&self, store: &'s [Entry], kind: QueryKind, cluster: &str) -> Rows<'s> {
        let of_type =
            |t: &str| -> Vec<&'s Entry> { store.iter().filter(|e| e.kind == t).collect() };
        let assessments: Vec<&'s Entry> = of_type(queries::ASSESSMENTS)
            .into_iter()
            .filter(|e| belongs_to(e, cluster))
            .collect();
        let mut rows: Vec<Row> = match kind {
            QueryKind::Recommendations => {
                assessments.iter().map(|e| Row::Stored(e, None)).collect()
            }
            QueryKind::Alerts => of_type(queries::ALERTS)
                .into_iter()
                .flat_map(|e| {
                    // mv-expand: one row per identifier naming the cluster.
                    let naming = identifiers(&e.value)
                        .filter(|id| id.eq_ignore_ascii_case(cluster))
                        .count();
                    std::iter::repeat_n(Row::Stored(e, None), naming)
                })
                .collect(),
            QueryKind::Owners => {
                let ids: HashSet<&str> = assessments.iter().map(|e| e.id.as_str()).collect();
                of_type(queries::OWNERS)
                    .into_iter()
                    .filter_map(|e| {
                        let (assessment, _) = e.id.rsplit_once("/governanceassignments/")?;
                        ids.contains(assessment)
                            .then_some(Row::Stored(e, Some(assessment)))
                    })
                    .collect()
            }
            QueryKind::Exemptions => store
                .iter()
                .filter(|e| {
                    let defender = e.kind == queries::STANDARD_ASSIGNMENTS
                        && e.value["properties"]["effect"]
                            .as_str()
                            .is_some_and(|x| x.eq_ignore_ascii_case("Exempt"));
                    (defender || e.kind == queries::POLICY_EXEMPTIONS)
                        && exemption_scope(&e.id).is_some_and(|s| related(&s, cluster))
                })
                .map(|e| Row::Stored(e, None))
                .collect(),
            QueryKind::Compliance => {
                let keys: HashSet<String> = assessments
                    .iter()
                    .map(|e| {
                        e.value["name"]
                            .as_str()
                            .unwrap_or_default()
                            .to_ascii_lowercase()
                    })
                    .collect();
                let controls: Vec<&Entry> = of_type(queries::COMPLIANCE_CONTROLS);
                of_type(queries::COMPLIANCE_ASSESSMENTS)
                    .into_iter()
                    .filter_map(|e| compliance_row(e, &controls, &keys))
                    .map(Row::Built)
                    .collect()
            }
        };
        rows.sort_by_cached_key(Row::sort_id);
        let scaled = self
            .scales
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| (s.clone(), 0..s.total));
        Rows { rows, scaled }
    }
}

/// A stored resource's Resource Graph type: ARM's type, lower case; the demo's compliance
/// resources carry REST's short types, so theirs comes from the id's shape.
pub(super) fn graph_type(value: &Value) -> String {
    let id = value["id"]
        .as_str()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if id.contains("/regulatorycomplianceassessments/") {
        return queries::COMPLIANCE_ASSESSMENTS.into();
    }
    if id.contains("/regulatorycompliancecontrols/") {
        return queries::COMPLIANCE_CONTROLS.into();
    }
    value["type"]
        .as_str()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The recommendations query's filter: the assessment's id under the cluster, or its assessed
/// resource (`resourceDetails.Id`, or REST's `id`) being the cluster or under it.
fn belongs_to(e: &Entry, cluster: &str) -> bool {
    let under = |id: &str| id == cluster || id.starts_with(&format!("{cluster}/"));
    let details = &e.value["properties"]["resourceDetails"];
    let assessed = details["Id"]
        .as_str()
        .or(details["id"].as_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    e.id.starts_with(&format!("{cluster}/")) || under(&assessed)
}

/// `properties.ResourceIdentifiers[].AzureResourceId` (Resource Graph's PascalCase).
fn identifiers(value: &Value) -> impl Iterator<Item = &str> {
    value["properties"]["ResourceIdentifiers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["AzureResourceId"].as_str())
}

/// One compliance row, when the cluster has its assessment key.
fn compliance_row(e: &Entry, controls: &[&Entry], keys: &HashSet<String>) -> Option<Value> {
    let scope = e.value["properties"]["scope"].as_str().unwrap_or_default();
    if !(scope.is_empty()
        || scope.eq_ignore_ascii_case("Subscription")
        || scope.eq_ignore_ascii_case("MultiCloudAggregation"))
    {
        return None;
    }
    let id = e.value["id"].as_str().unwrap_or_default();
    let after = |marker: &str| {
        let lower = id.to_ascii_lowercase();
        let start = lower.find(marker)? + marker.len();
        Some(id[start..].split('/').next()?.to_string())
    };
    let key = after("/regulatorycomplianceassessments/")?.to_ascii_lowercase();
    if !keys.contains(&key) {
        return None;
    }
    let (control_id, _) = e.id.rsplit_once("/regulatorycomplianceassessments/")?;
    let description = controls
        .iter()
        .find(|c| c.id == control_id)
        .and_then(|c| c.value["properties"]["description"].as_str())
        .unwrap_or_default();
    let mut row = Map::new();
    row.insert("id".into(), json!(id));
    row.insert(
        "standard".into(),
        json!(after("/regulatorycompliancestandards/")?),
    );
    row.insert(
        "control".into(),
        json!(after("/regulatorycompliancecontrols/")?),
    );
    row.insert("controlDescription".into(), json!(description));
    row.insert("assessmentKey".into(), json!(key));
    row.insert("state".into(), e.value["properties"]["state"].clone());
    Some(Value::Object(row))
}

/// An exemption's scope (lower case), from either id shape of API.md §E2 or Azure Policy's.
fn exemption_scope(id: &str) -> Option<String> {
    [
        "/providers/microsoft.security/standardassignments/",
        "/microsoft.security/standardassignments/",
        "/providers/microsoft.authorization/policyexemptions/",
    ]
    .iter()
    .find_map(|marker| id.find(marker).map(|at| id[..at].to_string()))
}

/// The exemptions query's filter: the scope is the cluster, a parent, or under it.
fn related(scope: &str, cluster: &str) -> bool {
    scope == cluster
        || cluster.starts_with(&format!("{scope}/"))
        || scope.starts_with(&format!("{cluster}/"))
}

/// The cluster id a query names: its first `/subscriptions/…` string literal.
fn cluster_in(text: &str) -> Option<String> {
    text.split('"')
        .find(|s| s.starts_with("/subscriptions/") && s.contains("/managedclusters/"))
        .map(str::to_ascii_lowercase)
}
