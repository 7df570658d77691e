//! Quick Fix: enter what the fix needs, review exactly what changes (fields, request, `az`
//! command), apply, watch the operation, and see the recommendation re-read.

use super::panel::{Field, SidePanel};
use super::preview::RequestsPreview;
use crate::browser::clock;
use crate::domain::actions::quick_fix::parse_ip_ranges;
use crate::domain::actions::{ActivityEntry, Fix, FixInput};
use crate::state::actions::quick_fix::{Prepared, apply, prepare, reread, upgrade_versions};
use crate::state::actions::{Actions, FailureKind};
use leptos::prelude::*;

#[component]
pub fn QuickFixPanel(recommendation_id: String) -> impl IntoView {
    let actions = Actions::expect();
    let found = actions.data.with_untracked(|d| {
        let r = d
            .recommendations
            .iter()
            .find(|r| r.id == recommendation_id)?;
        Some((r.clone(), Fix::for_recommendation(r)?, d.cluster.clone()))
    });
    let close = move || {
        view! {
            <button type="button" class="button" on:click=move |_| actions.close()>
                "Close"
            </button>
        }
    };
    let Some((rec, fix, info)) = found else {
        return view! {
            <SidePanel title="Quick Fix" footer=close>
                <p>
                    "This recommendation has no Quick Fix. See its remediation steps and \"Additional details\"."
                </p>
            </SidePanel>
        }
        .into_any();
    };
    if !fix.is_automatic() {
        return view! {
            <SidePanel title=fix.label() footer=close>
                <p data-testid="fix-guidance">{fix.guidance()}</p>
            </SidePanel>
        }
        .into_any();
    }
    let cluster = StoredValue::new(actions.cluster());
    let ranges = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let versions = LocalResource::new(move || {
        let (client, cluster) = (actions.client(), cluster.get_value());
        async move {
            match fix {
                Fix::UpgradeKubernetes => upgrade_versions(&client, &cluster).await,
                _ => Ok(Vec::new()),
            }
        }
    });
    let input = move || -> Result<FixInput, String> {
        match fix {
            Fix::AuthorizedIpRanges => parse_ip_ranges(&ranges.get()).map(FixInput::IpRanges),
            Fix::UpgradeKubernetes => match version.get() {
                v if v.is_empty() => Err("Choose a version.".into()),
                v => Ok(FixInput::Version(v)),
            },
            _ => Ok(FixInput::None),
        }
    };
    let input_error = RwSignal::new(None::<String>);
    let prepared = RwSignal::new(None::<Prepared>);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let progress = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(None::<String>);
    let review = move |_| {
        let input = match untrack(input) {
            Ok(i) => i,
            Err(e) => {
                input_error.set(Some(e));
                return;
            }
        };
        input_error.set(None);
        problem.set(None);
        prepared.set(None);
        busy.set(true);
        let (client, cluster) = (actions.client(), cluster.get_value());
        leptos::task::spawn_local(async move {
            match prepare(&client, &cluster, fix, &input).await {
                Ok(p) => prepared.set(Some(p)),
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let rec_id = StoredValue::new(rec.id.clone());
    let rec_name = StoredValue::new(rec.name.clone());
    let confirm = move |_| {
        let Some(ready) = prepared.get_untracked() else {
            return;
        };
        busy.set(true);
        problem.set(None);
        progress.set(Vec::new());
        let client = actions.client();
        leptos::task::spawn_local(async move {
            let applied = apply(&client, &ready, |line| progress.update(|p| p.push(line))).await;
            // The change stays prepared only if it can still apply; a 412 means review again.
            let stale = matches!(&applied, Err(e) if e.kind == FailureKind::Stale);
            let outcome = match applied {
                Err(e) => Err(e.to_string()),
                Ok(()) => match reread(&client, &rec_id.get_value()).await {
                    Ok(true) => {
                        actions.patch(|d| {
                            if let Some(r) = d.recommendations.iter_mut().find(|r| r.id == rec_id.get_value()) {
                                r.unhealthy = false;
                            }
                        });
                        Ok("The cluster was updated and the recommendation is now healthy.".to_string())
                    }
                    Ok(false) => Ok("The cluster was updated. Defender for Cloud re-evaluates it within 24 hours; until then the recommendation stays Unhealthy.".to_string()),
                    Err(e) => Ok(format!("The cluster was updated, but {e}")),
                },
            };
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what: format!("Quick Fix: {}", fix.label()),
                target: rec_name.get_value(),
                outcome: outcome.clone(),
                requests: vec![ready.preview.clone()],
            });
            match outcome {
                Ok(m) => done.set(Some(m)),
                Err(e) => {
                    if stale {
                        prepared.set(None);
                    }
                    problem.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let info = StoredValue::new(info);
    let az = Signal::derive(move || {
        let input = input().ok()?;
        info.with_value(|i| fix.az_command(i, &input))
    });
    let previews =
        Signal::derive(move || prepared.get().map(|p| vec![p.preview]).unwrap_or_default());
    let footer = move || {
        view! {
            {move || match (prepared.get().is_some(), done.get().is_some()) {
                (_, true) => ().into_any(),
                (false, _) => {
                    view! {
                        <button
                            type="button"
                            class="button button--primary"
                            disabled=move || busy.get()
                            on:click=review
                        >
                            {move || {
                                if busy.get() { "Reading the cluster…" } else { "Review change" }
                            }}
                        </button>
                    }
                        .into_any()
                }
                (true, _) => {
                    view! {
                        <button
                            type="button"
                            class="button button--primary"
                            disabled=move || busy.get()
                            on:click=confirm
                        >
                            {move || if busy.get() { "Applying…" } else { "Apply fix" }}
                        </button>
                        <button
                            type="button"
                            class="button"
                            disabled=move || busy.get()
                            on:click=move |_| prepared.set(None)
                        >
                            "Edit"
                        </button>
                    }
                        .into_any()
                }
            }}
            <button type="button" class="button" on:click=move |_| actions.close()>
                "Close"
            </button>
        }
    };
    view! {
        <SidePanel title=format!("Quick Fix: {}", fix.label()) footer=footer>
            <p class="panel__subject">{rec.name.clone()}</p>
            <p>{fix.guidance()}</p>
            {(fix == Fix::AuthorizedIpRanges)
                .then(|| {
                    view! {
                        <Field
                            label="Authorized IP ranges"
                            id="fix-ranges"
                            error=input_error
                            hint="IPv4 addresses or CIDR ranges, separated by commas or new lines."
                        >
                            <textarea
                                id="fix-ranges"
                                class="input"
                                rows="3"
                                placeholder="203.0.113.0/24, 198.51.100.7"
                                disabled=move || prepared.get().is_some()
                                prop:value=move || ranges.get()
                                on:input=move |ev| ranges.set(event_target_value(&ev))
                            ></textarea>
                        </Field>
                    }
                })}
            {(fix == Fix::UpgradeKubernetes)
                .then(|| {
                    view! {
                        <Field
                            label="Kubernetes version"
                            id="fix-version"
                            error=input_error
                            hint=format!(
                                "Now {}. Versions from the cluster's upgrade profile (previews left out).",
                                info.with_value(|i| i.kubernetes_version.clone()),
                            )
                        >
                            <Suspense fallback=|| {
                                view! { <p role="status">"Reading available versions…"</p> }
                            }>
                                {move || Suspend::new(async move {
                                    match versions.await {
                                        Ok(list) if list.is_empty() => {
                                            view! {
                                                <p>
                                                    "No upgrade is available: the cluster is on the newest version it can take."
                                                </p>
                                            }
                                                .into_any()
                                        }
                                        Ok(list) => {
                                            view! {
                                                <select
                                                    id="fix-version"
                                                    class="input"
                                                    disabled=move || prepared.get().is_some()
                                                    on:change=move |ev| version.set(event_target_value(&ev))
                                                >
                                                    <option value="" selected=move || version.get().is_empty()>
                                                        "Choose a version"
                                                    </option>
                                                    {list
                                                        .into_iter()
                                                        .map(|v| {
                                                            view! {
                                                                <option
                                                                    value=v.clone()
                                                                    selected={
                                                                        let v = v.clone();
                                                                        move || version.get() == v
                                                                    }
                                                                >
                                                                    {v.clone()}
                                                                </option>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </select>
                                            }
                                                .into_any()
                                        }
                                        Err(e) => {
                                            view! {
                                                <p role="alert">
                                                    {e}" "
                                                    <button
                                                        type="button"
                                                        class="button button--subtle"
                                                        on:click=move |_| versions.refetch()
                                                    >
                                                        "Retry"
                                                    </button>
                                                </p>
                                            }
                                                .into_any()
                                        }
                                    }
                                })}
                            </Suspense>
                        </Field>
                    }
                })}
            {move || {
                prepared
                    .get()
                    .map(|p| {
                        let etag = p.etag().unwrap_or("(no ETag)").to_string();
                        view! {
                            <section class="panel__section" aria-labelledby="fix-changes">
                                <h3 id="fix-changes" class="panel__subtitle">
                                    "What will change"
                                </h3>
                                <table class="pane__table" data-testid="fix-changes">
                                    <thead>
                                        <tr>
                                            <th scope="col">"Setting"</th>
                                            <th scope="col">"Now"</th>
                                            <th scope="col">"After"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .changes
                                            .into_iter()
                                            .map(|c| {
                                                view! {
                                                    <tr>
                                                        <td>
                                                            <code>{c.path}</code>
                                                        </td>
                                                        <td>{c.before}</td>
                                                        <td>{c.after}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <p class="form-field__hint">
                                    {format!(
                                        "Everything else is sent back as read. The request carries If-Match: {}, so a change made by someone else since is refused, not overwritten.",
                                        etag,
                                    )}
                                </p>
                            </section>
                        }
                    })
            }}
            <RequestsPreview requests=previews az=az />
            {move || {
                (!progress.get().is_empty())
                    .then(|| {
                        view! {
                            <ol class="panel__progress" role="status" aria-live="polite">
                                {progress
                                    .get()
                                    .into_iter()
                                    .map(|l| view! { <li>{l}</li> })
                                    .collect_view()}
                            </ol>
                        }
                    })
            }}
            {move || {
                problem
                    .get()
                    .map(|e| {
                        view! {
                            <p class="banner banner--error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            {move || {
                done.get()
                    .map(|m| {
                        view! {
                            <p class="banner banner--success" role="status">
                                {m}
                            </p>
                        }
                    })
            }}
        </SidePanel>
    }
    .into_any()
}
