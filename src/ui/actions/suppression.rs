//! "Create suppression rule" from an alert: the alert type prefilled, conditions from the
//! alert's entities (the cluster ticked), reason, expiry and comment; the rules that already
//! exist for the type are listed first.

mod fields;

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use super::results::OutcomeBanner;
use super::rules::ExistingRules;
use crate::browser::clock;
use crate::domain::actions::SuppressionForm;
use crate::domain::actions::suppression::scope_choices;
use crate::state::flows::suppression;
use crate::state::session::Session;
use crate::ui::form::FormErrors;
use leptos::prelude::*;

#[component]
pub fn SuppressionPanel(alert_id: String) -> impl IntoView {
    let actions = Session::expect();
    let cluster = actions.cluster();
    let close = Callback::new(move |()| actions.close());
    let Some(alert) = actions
        .data
        .with_untracked(|d| d.alerts.iter().find(|a| a.id == alert_id).cloned())
    else {
        return view! {
            <SidePanel on_close=close title="Create suppression rule">
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
    let validated = Memo::new(move |_| form.with(|f| f.validate(clock::today())));
    let errors = FormErrors::new(validated);
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
    let footer = move || {
        view! {
            <button
                type="button"
                class="button button--primary"
                disabled=move || busy.get()
                on:click=move |_| {
                    if let Some(rule) = errors.submit() {
                        result.set(None);
                        run.dispatch(rule);
                    }
                }
            >
                {move || if busy.get() { "Creating…" } else { "Create rule" }}
            </button>
        }
    };
    let intro = format!(
        "Future alerts of type {} that match every ticked condition are dismissed \
         automatically. Creating rules needs the Security Admin role on the subscription.",
        alert.alert_type,
    );
    view! {
        <SidePanel on_close=close title="Create suppression rule" footer=footer>
            <p class="form-field__hint">{intro}</p>
            <section class="panel__section" aria-labelledby="existing-rules">
                <h3 id="existing-rules" class="panel__subtitle">
                    "Existing rules for this alert type"
                </h3>
                <ExistingRules alert_type=alert.alert_type.clone() />
            </section>
            <fields::RuleFields form=form errors=errors />
            <RequestsPreview requests=previews />
            {move || result.get().map(|r| view! { <OutcomeBanner outcome=r /> })}
        </SidePanel>
    }
    .into_any()
}
