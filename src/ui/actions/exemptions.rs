//! The exemptions inventory: every exemption touching the cluster (Defender's and Azure
//! Policy's), what it exempts, why, by whom, until when, and its state; Remove and Renew for a
//! selection, previewed, with a result per item.

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use super::results::BulkResults;
use crate::browser::clock;
use crate::domain::actions::Date;
use crate::domain::exemptions::{Exemption, ExemptionState};
use crate::domain::format;
use crate::state::flows::exemption::{self, InventoryChange};
use crate::state::session::Session;
use crate::ui::shown;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn ExemptionsPanel() -> impl IntoView {
    let actions = Session::expect();
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let renew_to = RwSignal::new(clock::today().plus_days(90).to_string());
    let chosen = move || {
        let ids = selected.get();
        actions.data.with(|d| {
            d.exemptions
                .iter()
                .filter(|e| ids.contains(&e.id))
                .cloned()
                .collect::<Vec<Exemption>>()
        })
    };
    let renewal = move || {
        let text = renew_to.get();
        match text.trim() {
            "" => Some(None),
            t => Date::parse(t)
                .filter(|d| *d > clock::today())
                .map(|d| Some(d.midnight_utc())),
        }
    };
    let run = exemption::inventory_action();
    let busy = run.pending();
    let send = move |change: InventoryChange| {
        run.value().set(None);
        run.dispatch(change);
    };
    Effect::new(move |_| {
        // Items that succeeded leave the selection; failed ones stay to retry.
        if let Some(outcome) = run.value().get() {
            selected.update(|s| {
                outcome.succeeded().for_each(|i| {
                    s.remove(&i.id);
                })
            });
        }
    });
    let previews = Signal::derive(move || {
        let list = chosen();
        match (list.is_empty(), renewal()) {
            (true, _) => Vec::new(),
            (false, Some(expiry)) => {
                exemption::inventory_previews(actions, &InventoryChange::Renew(list, expiry))
            }
            (false, None) => Vec::new(),
        }
    });
    let footer = move || {
        view! {
            <button
                type="button"
                class="button button--primary"
                disabled=move || {
                    busy.get() || selected.with(BTreeSet::is_empty) || renewal().is_none()
                }
                on:click=move |_| {
                    if let Some(expiry) = renewal() {
                        send(InventoryChange::Renew(chosen(), expiry));
                    }
                }
            >
                "Renew selected"
            </button>
            <button
                type="button"
                class="button"
                disabled=move || busy.get() || selected.with(BTreeSet::is_empty)
                on:click=move |_| send(InventoryChange::Remove(chosen()))
            >
                "Remove selected"
            </button>
        }
    };
    let issue = actions.data.with_untracked(|d| d.issues.exemptions.clone());
    view! {
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title="Exemptions"
            footer=footer
        >
            {issue
                .map(|m| {
                    view! {
                        <p class="banner banner--error" role="alert">
                            {m}
                            " The list below is incomplete: it does not mean there are none."
                        </p>
                    }
                })}
            <ExemptionTable selected=selected />
            <div class="form-field">
                <label class="form-field__label" for="renew-to">
                    "Renew until"
                </label>
                <input
                    id="renew-to"
                    type="date"
                    class="input"
                    aria-describedby="renew-to-hint"
                    prop:value=move || renew_to.get()
                    on:input=move |ev| renew_to.set(event_target_value(&ev))
                />
                <p class="form-field__hint" id="renew-to-hint">
                    "A date after today, or empty for no expiry."
                </p>
            </div>
            <RequestsPreview requests=previews what="Renew selected" />
            <BulkResults outcome=Signal::derive(move || run.value().get()) verb="done" />
        </SidePanel>
    }
}

/// One entry per exemption, with a checkbox, most urgent state first. A list of cards rather
/// than a table: the side panel is too narrow for nine columns.
#[component]
fn ExemptionTable(selected: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let actions = Session::expect();
    let cluster = actions.cluster().to_string();
    let rows = move || {
        let today = clock::today();
        actions.data.with(|d| {
            let mut list: Vec<_> = d
                .exemptions
                .iter()
                .map(|e| (e.state(&d.exemptions, &d.recommendations, today), e.clone()))
                .collect();
            list.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.display_name.cmp(&b.1.display_name)));
            list
        })
    };
    let entry = move |(state, e): (ExemptionState, Exemption)| {
        let id = StoredValue::new(e.id.clone());
        let created = match (e.created_by.as_str(), e.created_on.as_str()) {
            ("", "") => "creator not known".to_string(),
            (by, on) => format!("created {} by {by}", format::utc_date(on)),
        };
        let expires = match e.expires_on.as_str() {
            "" => "never expires".to_string(),
            date => format!("expires {}", format::utc_date(date)),
        };
        let category = e.category.map_or("category not known", |c| c.label());
        let facts = format!(
            "{} · {category} · {} · {created} · {expires}",
            e.mechanism.label(),
            e.scope_label(&cluster),
        );
        view! {
            <li class="exemptions__item" data-state=state.label()>
                <label class="choice">
                    <input
                        type="checkbox"
                        prop:checked=move || selected.with(|s| s.contains(&id.get_value()))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| toggle(s, id.get_value(), on));
                        }
                    />
                    <strong>{shown(&e.display_name)}</strong>
                </label>
                <span class="badge exemptions__state">{state.label()}</span>
                <p class="exemptions__facts">{shown(&facts)}</p>
                <p class="form-field__hint">{shown(&e.justification)}</p>
            </li>
        }
    };
    view! {
        <ul class="exemptions" data-testid="exemptions" aria-label="Exemptions">
            {move || rows().into_iter().map(&entry).collect_view()}
        </ul>
    }
}

fn toggle(set: &mut BTreeSet<String>, id: String, on: bool) {
    if on {
        set.insert(id);
    } else {
        set.remove(&id);
    }
}
