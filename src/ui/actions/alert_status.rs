//! "Change status" for one or many alerts: one POST per alert, four at a time. Succeeded alerts
//! change in place; failed ones stay selected with their error.

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use super::results::BulkResults;
use crate::arm::actions::alerts::change_status;
use crate::browser::clock;
use crate::domain::AlertStatus;
use crate::domain::actions::{ActivityEntry, BulkOutcome};
use crate::domain::format::plural;
use crate::state::ViewState;
use crate::state::actions::{Actions, BulkItem, Role, run_bulk};
use crate::ui::shown;
use leptos::prelude::*;

const STATUSES: [AlertStatus; 4] = [
    AlertStatus::Active,
    AlertStatus::InProgress,
    AlertStatus::Resolved,
    AlertStatus::Dismissed,
];

#[component]
pub fn AlertStatusPanel(ids: Vec<String>) -> impl IntoView {
    let actions = Actions::expect();
    let view_state = ViewState::expect();
    // (id, title, status now), as the data says when the panel opens.
    let targets: Vec<(String, String, AlertStatus)> = actions.data.with_untracked(|d| {
        ids.iter()
            .filter_map(|id| d.alerts.iter().find(|a| &a.id == id))
            .map(|a| (a.id.clone(), a.title.clone(), a.status))
            .collect()
    });
    let count = targets.len();
    let targets = StoredValue::new(targets);
    let status = RwSignal::new(AlertStatus::Resolved);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<BulkOutcome>);
    let planned = move || {
        targets.with_value(|t| {
            t.iter()
                .map(|(id, title, _)| BulkItem {
                    id: id.clone(),
                    label: title.clone(),
                    planned: change_status(id, status.get()),
                })
                .collect::<Vec<_>>()
        })
    };
    let previews = Signal::derive(move || {
        planned()
            .iter()
            .map(|i| actions.preview(&i.planned))
            .collect()
    });
    let apply = move |_| {
        let (items, to) = (untrack(planned), status.get_untracked());
        busy.set(true);
        outcome.set(None);
        let client = actions.client();
        let requests = untrack(|| previews.get());
        leptos::task::spawn_local(async move {
            let result = run_bulk(&client, items, Role::SecurityAdmin, |item| {
                if item.error.is_none() {
                    actions.patch(|d| {
                        if let Some(a) = d.alerts.iter_mut().find(|a| a.id == item.id) {
                            a.status = to;
                        }
                    });
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
            outcome.set(Some(result));
            busy.set(false);
        });
    };
    let footer = move || {
        view! {
            <button
                type="button"
                class="button button--primary"
                disabled=move || busy.get() || count == 0
                on:click=apply
            >
                {move || if busy.get() { "Updating…" } else { "Apply" }}
            </button>
            <button type="button" class="button" on:click=move |_| actions.close()>
                "Close"
            </button>
        }
    };
    view! {
        <SidePanel title=format!("Change status of {}", plural(count, "alert")) footer=footer>
            <fieldset class="form-field">
                <legend class="form-field__label">"New status"</legend>
                {STATUSES
                    .into_iter()
                    .map(|s| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="alert-status"
                                    prop:checked=move || status.get() == s
                                    on:change=move |_| status.set(s)
                                />
                                {s.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <p class="form-field__hint">
                "Changing alert status needs the Security Admin role (or Contributor or Owner) on the subscription."
            </p>
            <ul class="panel__targets" aria-label="Alerts">
                {targets
                    .get_value()
                    .into_iter()
                    .map(|(_, title, now)| {
                        view! {
                            <li>
                                {shown(&title)}
                                <span class="panel__target-state">
                                    {format!(" ({})", now.label())}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <RequestsPreview requests=previews />
            <BulkResults outcome=outcome verb="updated" />
        </SidePanel>
    }
}
