//! Settings: Defender for Containers for this cluster (plan and extensions, through the
//! cluster's own pricing) and the Azure Policy add-on (a managed cluster setting), with why they
//! may be read-only and what each save needs.

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use crate::arm::actions::operation;
use crate::browser::clock;
use crate::domain::actions::settings::EXTENSIONS;
use crate::domain::actions::{ActivityEntry, ClusterSettings, SettingsChoice};
use crate::state::actions::settings::{
    Snapshot, inherit_request, plan_request, policy_request, read,
};
use crate::state::actions::{Actions, Role, describe};
use leptos::prelude::*;

#[component]
pub fn SettingsPanel() -> impl IntoView {
    let actions = Actions::expect();
    let snapshot = LocalResource::new(move || {
        let (client, cluster) = (actions.client(), actions.cluster());
        async move { read(&client, &cluster).await }
    });
    // Owned here, not by the form: a successful save re-reads the settings and rebuilds the
    // form, and its results must stay on screen.
    let results = RwSignal::new(Vec::<Result<String, String>>::new());
    let footer = move || {
        view! {
            <button type="button" class="button" on:click=move |_| actions.close()>
                "Close"
            </button>
        }
    };
    view! {
        <SidePanel title="Settings: Defender for Containers" footer=footer>
            <Suspense fallback=|| {
                view! { <p role="status">"Reading the cluster's plan…"</p> }
            }>
                {move || Suspend::new(async move {
                    match snapshot.await {
                        Ok(s) => {
                            follow_plan(actions, &s.view);
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

/// The header and the prerequisites banner show what the settings now say (only when it
/// changed: a patch rebuilds the tables).
fn follow_plan(actions: Actions, now: &ClusterSettings) {
    let extensions: Vec<(String, bool)> = now.extensions.clone();
    let differs = actions.data.with_untracked(|d| {
        d.plan.containers_on != now.plan_on
            || d.plan.inherited != now.inherited
            || now
                .extensions
                .iter()
                .any(|e| !d.plan.extensions.contains(e))
    });
    if differs {
        actions.patch(|d| {
            d.plan.containers_on = now.plan_on;
            d.plan.inherited = now.inherited;
            for (name, on) in extensions {
                match d.plan.extensions.iter_mut().find(|(n, _)| *n == name) {
                    Some(e) => e.1 = on,
                    None => d.plan.extensions.push((name, on)),
                }
            }
        });
    }
}

#[component]
fn SettingsForm(
    snapshot: Snapshot,
    /// Each request's outcome of the last save.
    results: RwSignal<Vec<Result<String, String>>>,
    on_saved: Callback<()>,
) -> impl IntoView {
    let actions = Actions::expect();
    let cluster = actions.cluster();
    let now = snapshot.view.clone();
    let choice = RwSignal::new(now.choice());
    let overriding = RwSignal::new(false);
    let read_only = now.plan_read_only();
    let enforced = now.enforced;
    let locked = {
        let has_reason = read_only.is_some();
        move || has_reason && !overriding.get()
    };
    let stored = StoredValue::new((snapshot, cluster));
    let now = StoredValue::new(now);
    let requests = move |c: &SettingsChoice| {
        stored.with_value(|(s, cluster)| {
            let mut planned = Vec::new();
            if now.with_value(|n| c.plan_changed(n))
                || (overriding.get_untracked() && now.with_value(|n| n.inherited))
            {
                planned.push((plan_request(cluster, s, c), Role::PlanOwner));
            }
            if now.with_value(|n| c.policy_changed(n))
                && let Some(p) = policy_request(cluster, s, c.azure_policy.unwrap_or(false))
            {
                planned.push((p, Role::ClusterContributor));
            }
            planned
        })
    };
    let previews = Signal::derive(move || {
        overriding.track();
        requests(&choice.get())
            .iter()
            .map(|(p, _)| actions.preview(p))
            .collect::<Vec<_>>()
    });
    let busy = RwSignal::new(false);
    let run = move |planned: Vec<(crate::arm::actions::Planned, Role)>, what: &'static str| {
        if planned.is_empty() {
            return;
        }
        busy.set(true);
        results.set(Vec::new());
        let client = actions.client();
        let previews: Vec<_> = planned.iter().map(|(p, _)| actions.preview(p)).collect();
        leptos::task::spawn_local(async move {
            let mut all_ok = true;
            for (p, role) in planned {
                let sent = client.send_planned(&p).await;
                let outcome = match sent {
                    Ok(response) => {
                        let url = client.url(&p.path);
                        operation::follow(&client, &response, &url, |_| {})
                            .await
                            .map(|()| {
                                format!(
                                    "{} {}: saved",
                                    p.method.as_str(),
                                    p.path.split('?').next().unwrap_or_default()
                                )
                            })
                            .map_err(|e| e.to_string())
                    }
                    Err(e) => Err(describe(&e, role)),
                };
                all_ok &= outcome.is_ok();
                results.update(|r| r.push(outcome));
            }
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what: what.into(),
                target: actions.cluster().name,
                outcome: match all_ok {
                    true => Ok("Saved".into()),
                    false => Err(results
                        .get_untracked()
                        .iter()
                        .filter_map(|r| r.clone().err())
                        .collect::<Vec<_>>()
                        .join(" ")),
                },
                requests: previews,
            });
            busy.set(false);
            if all_ok {
                on_saved.run(());
            }
        });
    };
    let save = move |_| {
        run(
            requests(&choice.get_untracked()),
            "Save Defender for Containers settings",
        )
    };
    let inherit = move |_| {
        run(
            vec![(
                stored.with_value(|(_, c)| inherit_request(c)),
                Role::PlanOwner,
            )],
            "Use the subscription's Defender for Containers setting",
        )
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
        <label class="choice choice--switch">
            <input
                type="checkbox"
                role="switch"
                disabled=locked
                prop:checked=move || choice.with(|c| c.plan_on)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    choice.update(|c| c.plan_on = on)
                }
            />
            <span>
                <strong>"Defender for Containers"</strong>
                " for this cluster"
            </span>
        </label>
        <fieldset class="form-field" disabled=move || locked() || !choice.with(|c| c.plan_on)>
            <legend class="form-field__label">"Components"</legend>
            {EXTENSIONS
                .into_iter()
                .map(|(name, label, about)| {
                    view! {
                        <label class="choice choice--switch">
                            <input
                                type="checkbox"
                                role="switch"
                                prop:checked=move || choice.with(|c| c.extension(name))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    choice.update(|c| c.set_extension(name, on))
                                }
                            />
                            <span>
                                <strong>{label}</strong>
                                <span class="choice__detail">{about}</span>
                            </span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <label class="choice choice--switch">
            <input
                type="checkbox"
                role="switch"
                disabled=move || choice.with(|c| c.azure_policy.is_none())
                prop:checked=move || choice.with(|c| c.azure_policy == Some(true))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    choice.update(|c| c.azure_policy = Some(on))
                }
            />
            <span>
                <strong>"Azure Policy"</strong>
                <span class="choice__detail">
                    {move || match choice.with(|c| c.azure_policy) {
                        None => {
                            "The cluster could not be read, so its Azure Policy add-on cannot be changed here."
                        }
                        Some(_) => {
                            "The cluster's Azure Policy add-on (Gatekeeper), which evaluates the workload recommendations. Changing it updates the cluster and needs Contributor on it."
                        }
                    }}
                </span>
            </span>
        </label>
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
                let delete = stored.with_value(|(_, c)| actions.preview(&inherit_request(c)));
                view! {
                    <RequestsPreview
                        requests=Signal::stored(vec![delete])
                        what="Use subscription setting"
                    />
                }
            })}
        {move || {
            (!results.get().is_empty())
                .then(|| {
                    view! {
                        <ul class="bulk-results" data-testid="settings-results">
                            {results
                                .get()
                                .into_iter()
                                .map(|r| match r {
                                    Ok(m) => {
                                        view! { <li class="bulk-results__item">"✓ "{m}</li> }
                                            .into_any()
                                    }
                                    Err(e) => {
                                        view! {
                                            <li
                                                class="bulk-results__item bulk-results__item--failed"
                                                role="alert"
                                            >
                                                "✕ "
                                                {e}
                                            </li>
                                        }
                                            .into_any()
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
        }}
    }
}
