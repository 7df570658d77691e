//! Assign, change or remove the owner of one or many recommendations: one governance assignment
//! `PUT` (or `DELETE`) per recommendation, four at a time; succeeded ones change in place, failed
//! ones stay selected with their error; an activity entry. The panel holds only its form.

use crate::arm::actions::governance;
use crate::browser::clock;
use crate::domain::actions::{ActivityEntry, BulkOutcome, OwnerPlan, RequestPreview};
use crate::domain::{Assignment, ClusterData, format};
use crate::state::ViewState;
use crate::state::actions::{BulkItem, Role, run_bulk};
use crate::state::session::Session;
use leptos::prelude::*;

/// One recommendation to act on: its id and name, its current assignment, and the assignment
/// key to write (the current one's, or a new GUID made when the panel opened, so the preview and
/// what is sent agree).
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerTarget {
    pub id: String,
    pub name: String,
    pub current: Option<Assignment>,
    pub key: String,
}

impl OwnerTarget {
    /// The target for a recommendation with this id, name and current owner.
    pub fn new(id: &str, name: &str, current: Option<Assignment>) -> OwnerTarget {
        let key = current
            .as_ref()
            .and_then(|o| o.id.rsplit('/').next().map(String::from))
            .unwrap_or_else(clock::new_guid);
        OwnerTarget {
            id: id.to_string(),
            name: name.to_string(),
            current,
            key,
        }
    }
}

/// Assign (or replace) with this plan, or remove the current owners.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnerChange {
    Assign(OwnerPlan),
    Remove,
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerRequest {
    pub targets: Vec<OwnerTarget>,
    pub change: OwnerChange,
}

/// The requests: a `PUT` per target, or a `DELETE` per current assignment.
fn plan(request: &OwnerRequest) -> Vec<BulkItem> {
    request
        .targets
        .iter()
        .filter_map(|t| {
            let planned = match &request.change {
                OwnerChange::Assign(plan) => {
                    let ticket = t.current.as_ref().and_then(|c| c.ticket.as_ref());
                    governance::assign(&t.id, &t.key, plan, ticket)
                }
                OwnerChange::Remove => governance::remove(&t.current.as_ref()?.id),
            };
            Some(BulkItem {
                id: t.id.clone(),
                label: t.name.clone(),
                planned,
            })
        })
        .collect()
}

/// The exact requests, as the panel previews them.
pub fn previews(actions: Session, request: &OwnerRequest) -> Vec<RequestPreview> {
    plan(request)
        .iter()
        .map(|i| actions.preview(&i.planned))
        .collect()
}

/// The data on screen after one recommendation's owner changed (`None`: removed).
pub fn patch(data: &mut ClusterData, target: &OwnerTarget, plan: Option<&OwnerPlan>) {
    if let Some(r) = data.recommendations.iter_mut().find(|r| r.id == target.id) {
        r.owner = plan.map(|p| Assignment {
            id: governance::assignment_id(&r.id, &target.key),
            owner: p.owner.clone(),
            due_date: p.due_date.clone(),
            grace_period: p.grace_period,
            remind_owner: p.remind_owner,
            remind_manager: p.remind_manager,
            eta: p.eta.clone(),
            ticket: target.current.as_ref().and_then(|c| c.ticket.clone()),
        });
    }
}

/// The change as a Leptos action.
pub fn action() -> Action<OwnerRequest, BulkOutcome> {
    let actions = Session::expect();
    let view_state = ViewState::expect();
    Action::new_local(move |request: &OwnerRequest| {
        let (request, client) = (request.clone(), actions.client());
        async move {
            let requests = previews(actions, &request);
            let (what, assigned) = match &request.change {
                OwnerChange::Assign(p) => (
                    format!(
                        "Assign owner {} (due {})",
                        p.owner,
                        format::utc_date(&p.due_date)
                    ),
                    Some(p.clone()),
                ),
                OwnerChange::Remove => ("Remove owner".to_string(), None),
            };
            let result = run_bulk(&client, plan(&request), Role::Governance, |item| {
                let target = request.targets.iter().find(|t| t.id == item.id);
                if let (None, Some(target)) = (&item.error, target) {
                    actions.patch(|d| patch(d, target, assigned.as_ref()));
                }
            })
            .await;
            view_state.deselect_done(&result);
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what,
                target: result.target("recommendation"),
                outcome: result.outcome("done"),
                requests,
            });
            result
        }
    })
}
