//! Settings: Defender for Containers for this cluster (plan and extensions, through the
//! cluster's own pricing) and the Azure Policy add-on (a managed cluster setting), with why they
//! may be read-only and what each save needs.

mod switches;

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use crate::state::actions::settings::{Snapshot, read};
use crate::state::flows::settings::{self, SettingsSave};
use crate::state::session::Session;
use leptos::prelude::*;

#[component]
pub fn SettingsPanel() -> impl IntoView {
    let actions = Session::expect();
    let snapshot = LocalResource::new(move || {
        let (client, cluster) = (actions.client(), actions.cluster());
        async move { read(&client, &cluster).await }
    });
    // Owned here, not by the form: a successful save re-reads the settings and rebuilds the
    // form, and its results must stay on screen.
    let results = RwSignal::new(Vec::<Result<String, String>>::new());
    view! {
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title="Settings: Defender for Containers"
        >
            <Suspense fallback=|| {
                view! { <p role="status">"Reading the cluster's plan…"</p> }
            }>
                {move || Suspend::new(async move {
                    match snapshot.await {
                        Ok(s) => {
                            settings::follow_plan(actions, &s.view);
                            view! {
                                <SettingsForm
                                    snapshot=s
                                    results=results
                                    on_saved=Callback::new(move |()| snapshot.refetch())
                                />
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <p class="banner banner--error" role="alert">
                                    {e}
                                </p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| snapshot.refetch()
                                >
                                    "Retry"
                                </button>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </SidePanel>
    }
}

#[component]
fn SettingsForm(
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
                    <label class="choice">
                        <input
                            type="checkbox"
                            prop:checked=move || overriding.get()
                            on:change=move |ev| overriding.set(event_target_checked(&ev))
                        />
                        "Override for this cluster"
                    </label>
                }
            })}
        <switches::PlanSwitches choice=choice locked=Signal::derive(locked) />
        <p class="form-field__hint">
            "Turning the plan or its components on for the first time needs Owner on the subscription; later changes need Security Admin or Contributor."
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
        <switches::SaveResults results=results />
    }
}
