//! "Exempt" for one or many recommendations (from a pane, or the command bar's selection): a
//! category, where it applies, an expiry and a justification; one Defender exemption per
//! recommendation and scope, previewed, with a result per item.

mod command;
mod fields;
mod policy_notice;

pub use command::ExemptCommand;

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use super::results::BulkResults;
use crate::browser::clock;
use crate::domain::actions::ExemptForm;
use crate::domain::format::plural;
use crate::state::flows::exemption::{self, ExemptRequest, ExemptTarget};
use crate::state::session::Session;
use crate::ui::form::FormErrors;
use crate::ui::shown;
use leptos::prelude::*;

#[component]
pub fn ExemptPanel(ids: Vec<String>) -> impl IntoView {
    let actions = Session::expect();
    let targets: Vec<ExemptTarget> = actions.data.with_untracked(|d| {
        ids.iter()
            .filter_map(|id| d.recommendations.iter().find(|r| &r.id == id))
            .map(|r| ExemptTarget::new(r, clock::new_guid()))
            .collect()
    });
    let count = targets.len();
    // Policy-based recommendations need their Azure Policy assignment: read when the panel
    // opens (and on Retry); Exempt waits for it.
    let mut definitions: Vec<String> = targets
        .iter()
        .filter_map(|t| t.policy_definition.clone())
        .collect();
    definitions.sort();
    definitions.dedup();
    let lookup = exemption::policy_lookup();
    if !definitions.is_empty() {
        lookup.dispatch(definitions.clone());
    }
    let definitions = StoredValue::new(definitions);
    let policy = Memo::new(move |_| {
        lookup
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().ok()).cloned())
            .unwrap_or_default()
    });
    let looking = lookup.pending();
    let targets = StoredValue::new(targets);
    let form = RwSignal::new(ExemptForm::new(clock::today()));
    let validated = Memo::new(move |_| form.with(|f| f.validate(clock::today())));
    let errors = FormErrors::new(validated);
    let request = move |plan| ExemptRequest {
        targets: targets.get_value(),
        plan,
        policy: policy.get(),
    };
    let previews = Signal::derive(move || match validated.get() {
        Ok(plan) => exemption::previews(actions, &request(plan)),
        Err(_) => Vec::new(),
    });
    let run = exemption::action();
    let busy = run.pending();
    let footer = move || {
        view! {
            <button
                type="button"
                class="button button--primary"
                disabled=move || busy.get() || looking.get() || count == 0
                on:click=move |_| {
                    if let Some(plan) = errors.submit() {
                        run.value().set(None);
                        run.dispatch(request(plan));
                    }
                }
            >
                {move || if busy.get() { "Exempting…" } else { "Exempt" }}
            </button>
        }
    };
    // The target list scrolls when long: it takes focus so a keyboard can scroll it too.
    view! {
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title=format!("Exempt {}", plural(count, "recommendation"))
            footer=footer
        >
            <p class="form-field__hint">
                "An exempted finding leaves the default views; Defender applies the exemption \
                 within 24 hours. Exempting needs Security Admin or Owner on the subscription."
            </p>
            <fields::ExemptFields form=form errors=errors />
            <policy_notice::PolicyNotice
                targets=Signal::derive(move || targets.get_value())
                policy=policy
                looking=looking
                failed=Signal::derive(move || {
                    lookup.value().with(|v| v.as_ref().and_then(|r| r.as_ref().err()).cloned())
                })
                on_retry=Callback::new(move |()| {
                    lookup.dispatch(definitions.get_value());
                })
            />
            <ul class="panel__targets" aria-label="Recommendations" tabindex="0">
                {targets
                    .get_value()
                    .into_iter()
                    .map(|t| view! { <li>{shown(&t.name)}</li> })
                    .collect_view()}
            </ul>
            <RequestsPreview requests=previews />
            <BulkResults outcome=Signal::derive(move || run.value().get()) verb="exempted" />
        </SidePanel>
    }
}
