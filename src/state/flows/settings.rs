//! Save the Settings pane: the cluster's Containers pricing (`PUT`, or `DELETE` to use the
//! subscription's setting again) and the Azure Policy add-on (a cluster `PUT`), sent one after
//! the other, each followed to its end; a result per request as it ends, an activity entry, and
//! the pane reads the settings again when everything saved. The panel holds only its form.

use crate::arm::actions::{Planned, operation};
use crate::browser::clock;
use crate::domain::actions::{ActivityEntry, ClusterSettings, RequestPreview, SettingsChoice};
use crate::state::actions::settings::{Snapshot, inherit_request, plan_request, policy_request};
use crate::state::actions::{Role, describe};
use crate::state::session::Session;
use leptos::prelude::*;

/// What the user saves.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingsSave {
    /// The form's choices; `overriding` when the user chose to override an inherited plan.
    Choice {
        choice: SettingsChoice,
        overriding: bool,
    },
    /// Use the subscription's setting again (remove the cluster's own pricing).
    Inherit,
}

impl SettingsSave {
    fn what(&self) -> &'static str {
        match self {
            SettingsSave::Choice { .. } => "Save Defender for Containers settings",
            SettingsSave::Inherit => "Use the subscription's Defender for Containers setting",
        }
    }
}

/// The requests a save sends, each with the role it needs: only what changed.
fn requests(actions: Session, snapshot: &Snapshot, save: &SettingsSave) -> Vec<(Planned, Role)> {
    let cluster = actions.cluster();
    let now = &snapshot.view;
    match save {
        SettingsSave::Inherit => vec![(inherit_request(&cluster), Role::PlanOwner)],
        SettingsSave::Choice { choice, overriding } => {
            let mut planned = Vec::new();
            if choice.plan_changed(now) || (*overriding && now.inherited) {
                planned.push((plan_request(&cluster, snapshot, choice), Role::PlanOwner));
            }
            if choice.policy_changed(now)
                && let Some(p) =
                    policy_request(&cluster, snapshot, choice.azure_policy.unwrap_or(false))
            {
                planned.push((p, Role::ClusterContributor));
            }
            planned
        }
    }
}

/// The exact requests, as the panel previews them.
pub fn previews(actions: Session, snapshot: &Snapshot, save: &SettingsSave) -> Vec<RequestPreview> {
    requests(actions, snapshot, save)
        .iter()
        .map(|(p, _)| actions.preview(p))
        .collect()
}

/// The save as a Leptos action. `results` hears each request's outcome as it ends (it outlives
/// the form, which a successful save rebuilds); `on_saved` runs when everything saved.
pub fn action(
    snapshot: Snapshot,
    results: RwSignal<Vec<Result<String, String>>>,
    on_saved: Callback<()>,
) -> Action<SettingsSave, ()> {
    let actions = Session::expect();
    let snapshot = StoredValue::new(snapshot);
    Action::new_local(move |save: &SettingsSave| {
        let planned = snapshot.with_value(|s| requests(actions, s, save));
        let (what, client) = (save.what(), actions.client());
        let previews: Vec<_> = planned.iter().map(|(p, _)| actions.preview(p)).collect();
        results.set(Vec::new());
        async move {
            let mut failures = Vec::new();
            for (p, role) in planned {
                let outcome = match client.send_planned(&p).await {
                    Ok(response) => {
                        let url = client.url(&p.path);
                        operation::follow(&client, &response, &url, |_| {})
                            .await
                            .map(|()| {
                                let path = p.path.split('?').next().unwrap_or_default();
                                format!("{} {path}: saved", p.method.as_str())
                            })
                            .map_err(|e| e.to_string())
                    }
                    Err(e) => Err(describe(&e, role)),
                };
                if let Err(e) = &outcome {
                    failures.push(e.clone());
                }
                results.update(|r| r.push(outcome));
            }
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what: what.into(),
                target: actions.cluster().name,
                outcome: match failures.is_empty() {
                    true => Ok("Saved".into()),
                    false => Err(failures.join(" ")),
                },
                requests: previews,
            });
            if failures.is_empty() {
                on_saved.run(());
            }
        }
    })
}

/// The header and the prerequisites banner show what the settings now say (only when it
/// changed: a patch rebuilds the tables).
pub fn follow_plan(actions: Session, now: &ClusterSettings) {
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
