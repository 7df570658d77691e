//! Change the status of one or many alerts: one `POST {alertId}/{action}` each, four at a time.
//! The flow issue 15 describes, for this action: plan (the requests, previewable before they are
//! sent) → run (bulk, a result per item) → patch (a pure change of the data on screen, per
//! succeeded item) → an activity entry. The panel holds only its form: it previews with
//! [`previews`] and runs with [`action`]'s `dispatch`, reading `pending()` and `value()`.

use crate::arm::actions::alerts::change_status;
use crate::browser::clock;
use crate::domain::actions::{ActivityEntry, BulkOutcome, RequestPreview};
use crate::domain::{AlertStatus, ClusterData};
use crate::state::ViewState;
use crate::state::actions::{BulkItem, Role, run_bulk};
use crate::state::session::Session;
use leptos::prelude::*;

/// What the user asked for: these alerts (id, title) to this status.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub alerts: Vec<(String, String)>,
    pub to: AlertStatus,
}

/// The requests the change sends, one per alert.
fn plan(change: &StatusChange) -> Vec<BulkItem> {
    change
        .alerts
        .iter()
        .map(|(id, title)| BulkItem {
            id: id.clone(),
            label: title.clone(),
            planned: change_status(id, change.to),
        })
        .collect()
}

/// The exact requests, as the panel previews them before anything is sent.
pub fn previews(actions: Session, change: &StatusChange) -> Vec<RequestPreview> {
    plan(change)
        .iter()
        .map(|i| actions.preview(&i.planned))
        .collect()
}

/// The data on screen after one alert's status changed.
pub fn patch(data: &mut ClusterData, alert_id: &str, to: AlertStatus) {
    if let Some(a) = data.alerts.iter_mut().find(|a| a.id == alert_id) {
        a.status = to;
    }
}

/// The change as a Leptos action: succeeded alerts change in place and leave the selection;
/// failed ones stay selected with their error; the session's activity list records it.
pub fn action() -> Action<StatusChange, BulkOutcome> {
    let actions = Session::expect();
    let view_state = ViewState::expect();
    Action::new_local(move |change: &StatusChange| {
        let (change, client) = (change.clone(), actions.client());
        async move {
            let requests = previews(actions, &change);
            let to = change.to;
            let result = run_bulk(&client, plan(&change), Role::SecurityAdmin, |item| {
                if item.error.is_none() {
                    actions.patch(|d| patch(d, &item.id, to));
                }
            })
            .await;
            view_state.deselect_done(&result);
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what: format!("Change alert status to {}", to.label()),
                target: result.target("alert"),
                outcome: result.outcome("updated"),
                requests,
            });
            result
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_is_one_post_per_alert_to_its_action() {
        let change = StatusChange {
            alerts: vec![(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Security/\
                           locations/westeurope/alerts/a1"
                    .into(),
                "A".into(),
            )],
            to: AlertStatus::Dismissed,
        };
        let items = plan(&change);
        assert_eq!(items.len(), 1);
        assert!(
            items[0]
                .planned
                .path
                .ends_with("/alerts/a1/dismiss?api-version=2022-01-01"),
            "{}",
            items[0].planned.path
        );
    }
}
