//! The settings form: the plan switches, the override, Save and "Use subscription setting",
//! with their previews and the last save's results.

use super::switches;
use crate::state::actions::settings::Snapshot;
use crate::state::flows::settings::{self, SettingsSave};
use crate::state::session::Session;
use crate::ui::actions::preview::RequestsPreview;
use crate::ui::form::Choice;
use leptos::prelude::*;

#[component]
pub fn SettingsForm(
    snapshot: Snapshot,
    /// Each request's outcome of the last save.
    results: RwSignal<Vec<Result<String, String>>>,
    on_saved: Callback<()>,
) -> impl IntoView {
    let actions = Session::expect();
    let now = snapshot.view.clone();
    let choice = RwSignal::new(now.choice());
    let overriding = RwSignal::new(false);
    let read_only = now.plan_read_only();
    let enforced = now.enforced;
    let locked = {
        let has_reason = read_only.is_some();
        move || has_reason && !overriding.get()
    };
    let stored = StoredValue::new(snapshot.clone());
    let now = StoredValue::new(now);
    let current = move || SettingsSave::Choice {
        choice: choice.get(),
        overriding: overriding.get(),
    };
    let previews =
        Signal::derive(move || stored.with_value(|s| settings::previews(actions, s, &current())));
    let run = settings::action(snapshot, results, on_saved);
    let busy = run.pending();
    let save = move |_| {
        if !previews.with_untracked(Vec::is_empty) {
            run.dispatch(untrack(current));
        }
    };
    let inherit = move |_| {
        run.dispatch(SettingsSave::Inherit);
    };
    let is_inherited = now.with_value(|n| n.inherited);
    view! {
        {read_only
            .clone()
            .map(|reason| {
                view! {
                    <p class="banner banner--info" data-testid="settings-read-only">
                        {reason}
                    </p>
                }
            })}
        {(is_inherited && !enforced)
            .then(|| {
                view! {
                    <Choice
                        checked=overriding
                        on_change=Callback::new(move |on| overriding.set(on))
                    >
                        "Override for this cluster"
                    </Choice>
                }
            })}
        <switches::PlanSwitches choice=choice locked=Signal::derive(locked) />
        <p class="form-field__hint">
            "Turning the plan or its components on for the first time needs Owner on the \
            subscription; later changes need Security Admin or Contributor."
        </p>
        <div class="panel__actions">
            <button
                type="button"
                class="button button--primary"
                disabled=move || busy.get() || previews.with(Vec::is_empty)
                on:click=save
            >
                {move || if busy.get() { "Saving…" } else { "Save" }}
            </button>
            {(!is_inherited)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button"
                            disabled=move || busy.get()
                            on:click=inherit
                        >
                            "Use subscription setting"
                        </button>
                    }
                })}
        </div>
        <RequestsPreview requests=previews />
        {(!is_inherited)
            .then(|| {
                let delete = stored
                    .with_value(|s| settings::previews(actions, s, &SettingsSave::Inherit));
                view! {
                    <RequestsPreview
                        requests=Signal::stored(delete)
                        what="Use subscription setting"
                    />
                }
            })}
        <super::results::SaveResults results=results />
    }
}
