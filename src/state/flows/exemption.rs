//! Exempt recommendations (one Defender exemption `PUT` per recommendation and scope, four at a
//! time), and remove or renew exemptions from the inventory. A success adds (or changes) the
//! exemption on screen and marks what it touched as applied, pending Defender's re-evaluation.

use crate::arm::actions::exemption;
use crate::browser::clock;
use crate::domain::actions::{ActivityEntry, BulkOutcome, ExemptPlan, ExemptScope, RequestPreview};
use crate::domain::exemptions::{Exemption, Mechanism};
use crate::domain::{ClusterData, Recommendation};
use crate::state::ViewState;
use crate::state::actions::{BulkItem, Role, run_bulk};
use crate::state::session::Session;
use leptos::prelude::*;

/// A recommendation to exempt, and the name (a new GUID, made when the panel opened, so the
/// preview and what is sent agree) of its exemption.
#[derive(Debug, Clone, PartialEq)]
pub struct ExemptTarget {
    pub id: String,
    pub name: String,
    pub key: String,
    pub resource_id: String,
    pub exemption_name: String,
}

impl ExemptTarget {
    /// The target for `r`, its exemption to be named `exemption_name` (a new GUID).
    pub fn new(r: &Recommendation, exemption_name: String) -> ExemptTarget {
        ExemptTarget {
            id: r.id.clone(),
            name: r.name.clone(),
            key: r.key.clone(),
            resource_id: r.resource_id.clone(),
            exemption_name,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExemptRequest {
    pub targets: Vec<ExemptTarget>,
    pub plan: ExemptPlan,
}

/// Where a target's exemption is set: its resource, or the whole cluster.
fn scope_of(target: &ExemptTarget, plan: &ExemptPlan, cluster: &str) -> String {
    match (plan.scope, target.resource_id.is_empty()) {
        (ExemptScope::Resource, false) => target.resource_id.clone(),
        _ => cluster.to_string(),
    }
}

/// The requests: one per (scope, recommendation): at cluster scope, findings of one
/// recommendation on several containers need one exemption.
fn items(cluster: &str, request: &ExemptRequest) -> Vec<BulkItem> {
    let mut seen = std::collections::BTreeSet::new();
    request
        .targets
        .iter()
        .filter(|t| {
            let scope = scope_of(t, &request.plan, cluster).to_ascii_lowercase();
            seen.insert((scope, t.key.to_ascii_lowercase()))
        })
        .map(|t| BulkItem {
            id: t.id.clone(),
            label: t.name.clone(),
            planned: exemption::exempt(
                &scope_of(t, &request.plan, cluster),
                &t.exemption_name,
                &t.key,
                &format!("{} (AKS dashboard)", t.name),
                &request.plan,
            ),
        })
        .collect()
}

/// The exact requests, as the panel previews them.
pub fn previews(actions: Session, request: &ExemptRequest) -> Vec<RequestPreview> {
    items(&actions.cluster().to_string(), request)
        .iter()
        .map(|i| actions.preview(&i.planned))
        .collect()
}

/// The data on screen after `target` was exempted at `now` (ISO 8601): the exemption is listed
/// (created by this session) and the recommendation marked applied until a Refresh shows
/// Defender's verdict.
pub fn patch(
    data: &mut ClusterData,
    target: &ExemptTarget,
    plan: &ExemptPlan,
    cluster: &str,
    now: &str,
) {
    let scope = scope_of(target, plan, cluster);
    data.exemptions.push(Exemption {
        id: exemption::exemption_id(&scope, &target.exemption_name),
        mechanism: Mechanism::Defender,
        display_name: format!("{} (AKS dashboard)", target.name),
        category: Some(plan.category),
        scope,
        assessment_key: Some(target.key.clone()),
        policy: None,
        standard: exemption::MCSB.into(),
        justification: plan.justification.clone(),
        description: plan.justification.clone(),
        reason: String::new(),
        created_by: "You (this session)".into(),
        created_on: now.to_string(),
        expires_on: plan.expires_on.clone().unwrap_or_default(),
    });
    data.applied.insert(target.id.clone());
    if let Some(r) = data.recommendations.iter_mut().find(|r| r.id == target.id) {
        r.exemption = Some((
            Some(plan.category),
            plan.expires_on.clone().unwrap_or_default(),
        ));
    }
}

/// Exempting as a Leptos action.
pub fn action() -> Action<ExemptRequest, BulkOutcome> {
    let actions = Session::expect();
    let view_state = ViewState::expect();
    Action::new_local(move |request: &ExemptRequest| {
        let (request, client) = (request.clone(), actions.client());
        let cluster = actions.cluster().to_string();
        async move {
            let requests = previews(actions, &request);
            let result = run_bulk(
                &client,
                items(&cluster, &request),
                Role::Exemptions,
                |item| {
                    let target = request.targets.iter().find(|t| t.id == item.id);
                    if let (None, Some(target)) = (&item.error, target) {
                        let now = clock::utc_iso_now();
                        actions.patch(|d| patch(d, target, &request.plan, &cluster, &now));
                    }
                },
            )
            .await;
            view_state.deselect_done(&result);
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what: format!("Exempt ({})", request.plan.category.label()),
                target: result.target("recommendation"),
                outcome: result.outcome("exempted"),
                requests,
            });
            result
        }
    })
}

/// A change from the inventory.
#[derive(Debug, Clone, PartialEq)]
pub enum InventoryChange {
    Remove(Vec<Exemption>),
    /// A new expiry (midnight UTC), or `None` for never.
    Renew(Vec<Exemption>, Option<String>),
}

fn inventory_items(change: &InventoryChange) -> Vec<BulkItem> {
    let (list, expiry) = match change {
        InventoryChange::Remove(list) => (list, None),
        InventoryChange::Renew(list, expiry) => (list, Some(expiry.as_deref())),
    };
    list.iter()
        .map(|e| BulkItem {
            id: e.id.clone(),
            label: e.display_name.clone(),
            planned: match expiry {
                None => exemption::remove(e),
                Some(until) => exemption::renew(e, until),
            },
        })
        .collect()
}

/// The inventory change's exact requests.
pub fn inventory_previews(actions: Session, change: &InventoryChange) -> Vec<RequestPreview> {
    inventory_items(change)
        .iter()
        .map(|i| actions.preview(&i.planned))
        .collect()
}

/// The data on screen after exemption `id` was removed or renewed.
pub fn patch_inventory(data: &mut ClusterData, id: &str, change: &InventoryChange) {
    match change {
        InventoryChange::Remove(_) => data.exemptions.retain(|e| e.id != id),
        InventoryChange::Renew(_, expiry) => {
            if let Some(e) = data.exemptions.iter_mut().find(|e| e.id == id) {
                e.expires_on = expiry.clone().unwrap_or_default();
            }
        }
    }
}

/// Removing or renewing as a Leptos action.
pub fn inventory_action() -> Action<InventoryChange, BulkOutcome> {
    let actions = Session::expect();
    Action::new_local(move |change: &InventoryChange| {
        let (change, client) = (change.clone(), actions.client());
        async move {
            let requests = inventory_previews(actions, &change);
            let result = run_bulk(
                &client,
                inventory_items(&change),
                Role::Exemptions,
                |item| {
                    if item.error.is_none() {
                        actions.patch(|d| patch_inventory(d, &item.id, &change));
                    }
                },
            )
            .await;
            let (what, verb) = match &change {
                InventoryChange::Remove(_) => ("Remove exemption".to_string(), "removed"),
                InventoryChange::Renew(_, None) => {
                    ("Renew exemption (no expiry)".into(), "renewed")
                }
                InventoryChange::Renew(_, Some(e)) => (
                    format!("Renew exemption until {}", &e[..10.min(e.len())]),
                    "renewed",
                ),
            };
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what,
                target: result.target("exemption"),
                outcome: result.outcome(verb),
                requests,
            });
            result
        }
    })
}
