//! "Change status" for one or many alerts: one POST per alert, four at a time. Succeeded alerts
//! change in place; failed ones stay selected with their error.

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use super::results::BulkResults;
use crate::domain::AlertStatus;
use crate::domain::format::plural;
use crate::state::flows::alert_status::{self, StatusChange};
use crate::state::session::Session;
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
    let actions = Session::expect();
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
    let change = move || StatusChange {
        alerts: targets.with_value(|t| {
            t.iter()
                .map(|(id, title, _)| (id.clone(), title.clone()))
                .collect()
        }),
        to: status.get(),
    };
    let previews = Signal::derive(move || alert_status::previews(actions, &change()));
    let run = alert_status::action();
    let busy = run.pending();
    let outcome = Signal::derive(move || run.value().get());
    let apply = move |_| {
        // The previous run's results go while the new one runs, as they did before Actions.
        run.value().set(None);
        run.dispatch(untrack(change));
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
        }
    };
    // The target list scrolls when long: it takes focus so a keyboard can scroll it too.
    view! {
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title=format!("Change status of {}", plural(count, "alert"))
            footer=footer
        >
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
                "Changing alert status needs the Security Admin role (or Contributor or Owner) on \
                 the subscription."
            </p>
            <ul class="panel__targets" aria-label="Alerts" tabindex="0">
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
