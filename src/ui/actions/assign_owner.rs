//! "Assign owner" for one or many recommendations: owner, due date, grace period and weekly
//! e-mail reminders, one governance assignment PUT per recommendation. An existing assignment is
//! shown, changed in place (same assignment key) or removed.

use super::panel::{Field, SidePanel};
use super::preview::RequestsPreview;
use super::results::BulkResults;
use crate::browser::clock;
use crate::domain::actions::owner::DUE_PRESETS;
use crate::domain::actions::{Due, OwnerForm, error_for};
use crate::domain::format;
use crate::domain::format::plural;
use crate::state::flows::owner::{self, OwnerChange, OwnerRequest, OwnerTarget};
use crate::state::session::Session;
use crate::ui::shown;
use leptos::prelude::*;

#[component]
pub fn AssignOwnerPanel(ids: Vec<String>) -> impl IntoView {
    let actions = Session::expect();
    let (targets, cspm_on) = actions.data.with_untracked(|d| {
        let targets: Vec<OwnerTarget> = ids
            .iter()
            .filter_map(|id| d.recommendations.iter().find(|r| &r.id == id))
            .map(|r| OwnerTarget::new(&r.id, &r.name, r.owner.clone()))
            .collect();
        (targets, d.plan.cspm_on)
    });
    let single_current = match targets.as_slice() {
        [t] => t.current.clone(),
        _ => None,
    };
    let already = targets.iter().filter(|t| t.current.is_some()).count();
    let count = targets.len();
    let targets = StoredValue::new(targets);
    let initial = single_current
        .as_ref()
        .map(|a| OwnerForm {
            owner: a.owner.clone(),
            due: Due::Date(a.due_date.get(..10).unwrap_or_default().to_string()),
            grace_period: a.grace_period,
            remind_owner: a.remind_owner,
            remind_manager: a.remind_manager,
        })
        .unwrap_or_default();
    let form = RwSignal::new(initial);
    let shown_errors = RwSignal::new(false);
    let validated = Memo::new(move |_| form.with(|f| f.validate(clock::today())));
    let error = move |field: &'static str| {
        Signal::derive(move || {
            (shown_errors.get())
                .then(|| validated.with(|v| v.as_ref().err().and_then(|e| error_for(e, field))))
                .flatten()
        })
    };
    let request = move |change: OwnerChange| OwnerRequest {
        targets: targets.get_value(),
        change,
    };
    let previews = Signal::derive(move || match validated.get() {
        Ok(plan) => owner::previews(actions, &request(OwnerChange::Assign(plan))),
        Err(_) => Vec::new(),
    });
    let run = owner::action();
    let busy = run.pending();
    let outcome = Signal::derive(move || run.value().get());
    let send = move |change: OwnerChange| {
        run.value().set(None);
        run.dispatch(request(change));
    };
    let apply = move |_| {
        shown_errors.set(true);
        if let Ok(plan) = validated.get_untracked() {
            send(OwnerChange::Assign(plan));
        }
    };
    let remove = move |_| send(OwnerChange::Remove);
    let has_current = single_current.is_some();
    let footer = move || {
        view! {
            <button
                type="button"
                class="button button--primary"
                disabled=move || busy.get() || !cspm_on
                on:click=apply
            >
                {move || if busy.get() { "Saving…" } else { "Assign" }}
            </button>
            {has_current
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button"
                            disabled=move || busy.get()
                            on:click=remove
                        >
                            "Remove owner"
                        </button>
                    }
                })}
        }
    };
    let set = move |change: fn(&mut OwnerForm, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            form.update(|f| change(f, value));
        }
    };
    let toggle = move |change: fn(&mut OwnerForm, bool)| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            form.update(|f| change(f, on));
        }
    };
    let custom_date = move || matches!(form.with(|f| f.due.clone()), Due::Date(_));
    view! {
        <SidePanel on_close=Callback::new(move |()| actions.close()) title=format!("Assign owner to {}", plural(count, "recommendation")) footer=footer>
            {(!cspm_on).then(|| view! {
                <p class="banner banner--warning" role="alert">"Assigning owners (governance) needs Defender CSPM on the subscription, and it is off. Turn it on in the subscription's Environment settings."</p>
            })}
            {(already > 0 && count > 1).then(|| view! {
                <p class="banner banner--info">{format!("{} already assigned: assigning replaces their owner and due date.", plural(already, "recommendation"))}</p>
            })}
            {single_current.clone().map(|a| view! {
                <p class="panel__current" data-testid="current-owner">{format!("Currently assigned to {}, due {}{}.", a.owner, format::utc_date(&a.due_date), if a.grace_period { ", with grace period" } else { "" })}</p>
            })}
            <Field label="Owner (e-mail)" id="owner-email" error=error("owner")>
                <input id="owner-email" type="email" class="input" autocomplete="email" required
                    prop:value=move || form.with(|f| f.owner.clone()) on:input=set(|f, v| f.owner = v)
                    aria-describedby="owner-email-error"/>
            </Field>
            <fieldset class="form-field" class:form-field--invalid=move || error("due").get().is_some()>
                <legend class="form-field__label">"Remediation due date"</legend>
                {DUE_PRESETS.into_iter().map(|days| view! {
                    <label class="choice">
                        <input type="radio" name="due" prop:checked=move || form.with(|f| f.due == Due::Days(days))
                            on:change=move |_| form.update(|f| f.due = Due::Days(days))/>
                        {format!("{days} days ({})", clock::today().plus_days(i64::from(days)))}
                    </label>
                }).collect_view()}
                <label class="choice">
                    <input type="radio" name="due" prop:checked=custom_date
                        on:change=move |_| form.update(|f| if !matches!(f.due, Due::Date(_)) { f.due = Due::Date(String::new()) })/>
                    "A date"
                </label>
                <input type="date" class="input" aria-label="Due date" disabled=move || !custom_date()
                    prop:value=move || form.with(|f| match &f.due { Due::Date(d) => d.clone(), _ => String::new() })
                    on:input=set(|f, v| f.due = Due::Date(v))/>
                {move || error("due").get().map(|e| view! { <p class="form-field__error" role="alert">{e}</p> })}
            </fieldset>
            <label class="choice">
                <input type="checkbox" prop:checked=move || form.with(|f| f.grace_period) on:change=toggle(|f, v| f.grace_period = v)/>
                "Grace period: the secure score is not affected until the due date"
            </label>
            <fieldset class="form-field">
                <legend class="form-field__label">"E-mail reminders (weekly)"</legend>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || form.with(|f| f.remind_owner) on:change=toggle(|f, v| f.remind_owner = v)/>
                    "Notify the owner about open and overdue tasks"
                </label>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || form.with(|f| f.remind_manager) on:change=toggle(|f, v| f.remind_manager = v)/>
                    "Notify the owner's manager about overdue tasks"
                </label>
            </fieldset>
            <ul class="panel__targets" aria-label="Recommendations">
                {targets.get_value().into_iter().map(|t| view! { <li>{shown(&t.name)}</li> }).collect_view()}
            </ul>
            <RequestsPreview requests=previews/>
            <BulkResults outcome=outcome verb="done"/>
        </SidePanel>
    }
}
