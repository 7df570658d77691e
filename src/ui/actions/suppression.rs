//! "Create suppression rule" from an alert: the alert type prefilled, conditions from the
//! alert's entities (the cluster ticked), reason, expiry and comment; the rules that already
//! exist for the type are listed first.

use super::panel::{Field, SidePanel};
use super::preview::RequestsPreview;
use super::rules::ExistingRules;
use crate::browser::clock;
use crate::domain::actions::suppression::scope_choices;
use crate::domain::actions::{SuppressionForm, SuppressionReason, error_for};
use crate::state::flows::suppression;
use crate::state::session::Session;
use crate::ui::shown;
use leptos::prelude::*;

#[component]
pub fn SuppressionPanel(alert_id: String) -> impl IntoView {
    let actions = Session::expect();
    let cluster = actions.cluster();
    let Some(alert) = actions
        .data
        .with_untracked(|d| d.alerts.iter().find(|a| a.id == alert_id).cloned())
    else {
        return view! {
            <SidePanel
                on_close=Callback::new(move |()| actions.close())
                title="Create suppression rule"
            >
                <p role="alert">
                    "This alert is no longer in the data on screen. Refresh and try again."
                </p>
            </SidePanel>
        }
        .into_any();
    };
    let choices = scope_choices(&alert, &cluster.to_string(), &cluster.name);
    let form = RwSignal::new(SuppressionForm::for_alert(
        &alert.alert_type,
        choices,
        clock::today(),
    ));
    let shown_errors = RwSignal::new(false);
    let validated = Memo::new(move |_| form.with(|f| f.validate(clock::today())));
    let error = move |field: &'static str| {
        Signal::derive(move || {
            shown_errors
                .get()
                .then(|| validated.with(|v| v.as_ref().err().and_then(|e| error_for(e, field))))
                .flatten()
        })
    };
    let previews = Signal::derive(move || {
        validated
            .get()
            .ok()
            .map(|rule| vec![suppression::preview(actions, &rule)])
            .unwrap_or_default()
    });
    let run = suppression::action();
    let busy = run.pending();
    let result = run.value();
    let create = move |_| {
        shown_errors.set(true);
        let Ok(rule) = validated.get_untracked() else {
            return;
        };
        result.set(None);
        run.dispatch(rule);
    };
    let footer = move || {
        view! {
            <button
                type="button"
                class="button button--primary"
                disabled=move || busy.get()
                on:click=create
            >
                {move || if busy.get() { "Creating…" } else { "Create rule" }}
            </button>
        }
    };
    view! {
        <SidePanel on_close=Callback::new(move |()| actions.close()) title="Create suppression rule" footer=footer>
            <p class="form-field__hint">{format!("Future alerts of type {} that match every ticked condition are dismissed automatically. Creating rules needs the Security Admin role on the subscription.", alert.alert_type)}</p>
            <section class="panel__section" aria-labelledby="existing-rules">
                <h3 id="existing-rules" class="panel__subtitle">"Existing rules for this alert type"</h3>
                <ExistingRules alert_type=alert.alert_type.clone()/>
            </section>
            <Field label="Rule name" id="rule-name" error=error("name")>
                <input id="rule-name" class="input" prop:value=move || form.with(|f| f.name.clone())
                    on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
            </Field>
            <Field label="Alert type" id="rule-type">
                <input id="rule-type" class="input" readonly prop:value=alert.alert_type.clone()/>
            </Field>
            <fieldset class="form-field" class:form-field--invalid=move || error("scope").get().is_some()>
                <legend class="form-field__label">"Conditions (all must match)"</legend>
                {move || form.with(|f| f.scope.clone()).into_iter().enumerate().map(|(i, (choice, on))| view! {
                    <label class="choice">
                        <input type="checkbox" prop:checked=on
                            on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.scope[i].1 = on) }/>
                        {shown(&choice.label)}
                        <code class="choice__detail">{shown(&format!("{} {} {}", choice.field, if choice.contains { "contains" } else { "in" }, choice.value))}</code>
                    </label>
                }).collect_view()}
                {move || error("scope").get().map(|e| view! { <p class="form-field__error" role="alert">{e}</p> })}
            </fieldset>
            <Field label="Reason" id="rule-reason">
                <select id="rule-reason" class="input" on:change=move |ev| {
                    let reason = SuppressionReason::parse(&event_target_value(&ev));
                    form.update(|f| f.reason = reason);
                }>
                    {SuppressionReason::ALL.into_iter().map(|r| view! {
                        <option value=r.wire() selected=move || form.with(|f| f.reason == r)>{r.label()}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field label="Expires on" id="rule-expiry" error=error("expiry") hint="Leave empty for a rule that never expires.">
                <input id="rule-expiry" type="date" class="input" prop:value=move || form.with(|f| f.expiry.clone())
                    on:input=move |ev| form.update(|f| f.expiry = event_target_value(&ev))/>
            </Field>
            <Field label="Comment" id="rule-comment" error=error("comment")>
                <textarea id="rule-comment" class="input" rows="3" prop:value=move || form.with(|f| f.comment.clone())
                    on:input=move |ev| form.update(|f| f.comment = event_target_value(&ev))></textarea>
            </Field>
            <RequestsPreview requests=previews/>
            {move || result.get().map(|r| match r {
                Ok(m) => view! { <p class="banner banner--success" role="status">{m}</p> }.into_any(),
                Err(e) => view! { <p class="banner banner--error" role="alert">{e}</p> }.into_any(),
            })}
        </SidePanel>
    }
    .into_any()
}
