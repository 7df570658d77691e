//! "Assign owner" for one or many recommendations: owner, due date, grace period and weekly
//! e-mail reminders, one governance assignment PUT per recommendation. An existing assignment is
//! shown, changed in place (same assignment key) or removed.

mod fields;
mod notices;

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use super::results::BulkResults;
use crate::browser::clock;
use crate::domain::actions::OwnerForm;
use crate::domain::format::plural;
use crate::state::flows::owner::{self, OwnerChange, OwnerRequest, OwnerTarget};
use crate::state::session::Session;
use crate::ui::form::FormErrors;
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
    let form = RwSignal::new(
        single_current
            .as_ref()
            .map_or_else(OwnerForm::default, OwnerForm::from_assignment),
    );
    let validated = Memo::new(move |_| form.with(|f| f.validate(clock::today())));
    let errors = FormErrors::new(validated);
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
    let send = move |change: OwnerChange| {
        run.value().set(None);
        run.dispatch(request(change));
    };
    // Remove works on every target that has an owner (one or many).
    let has_current = already > 0;
    let footer = move || {
        view! {
            <button
                type="button"
                class="button button--primary"
                disabled=move || busy.get() || !cspm_on
                on:click=move |_| {
                    if let Some(plan) = errors.submit() {
                        send(OwnerChange::Assign(plan));
                    }
                }
            >
                {move || if busy.get() { "Saving…" } else { "Assign" }}
            </button>
            <Show when=move || has_current>
                <button
                    type="button"
                    class="button"
                    disabled=move || busy.get()
                    on:click=move |_| send(OwnerChange::Remove)
                >
                    "Remove owner"
                </button>
            </Show>
        }
    };
    // The target list scrolls when long: it takes focus so a keyboard can scroll it too.
    view! {
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title=format!("Assign owner to {}", plural(count, "recommendation"))
            footer=footer
        >
            <notices::OwnerNotices
                cspm_on=cspm_on
                already=already
                count=count
                current=single_current
                today=clock::today()
            />
            <fields::OwnerFields form=form errors=errors />
            <ul class="panel__targets" aria-label="Recommendations" tabindex="0">
                {targets
                    .get_value()
                    .into_iter()
                    .map(|t| view! { <li>{shown(&t.name)}</li> })
                    .collect_view()}
            </ul>
            <RequestsPreview requests=previews />
            <BulkResults outcome=Signal::derive(move || run.value().get()) verb="done" />
        </SidePanel>
    }
}
