//! Quick Fix: enter what the fix needs, review exactly what changes (fields, request, `az`
//! command), apply, watch the operation, and see the recommendation re-read.

use super::panel::{Field, SidePanel};
use super::preview::RequestsPreview;
use crate::domain::actions::quick_fix::parse_ip_ranges;
use crate::domain::actions::{Fix, FixInput};
use crate::state::actions::Actions;
use crate::state::actions::quick_fix::upgrade_versions;
use crate::state::flows::quick_fix::QuickFixFlow;
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
            <SidePanel
                on_close=Callback::new(move |()| actions.close())
                title="Quick Fix"
                footer=close
            >
                <p>
                    "This recommendation has no Quick Fix. See its remediation steps and \"Additional details\"."
                </p>
            </SidePanel>
        }
        .into_any();
    };
    if !fix.is_automatic() {
        return view! {
            <SidePanel
                on_close=Callback::new(move |()| actions.close())
                title=fix.label()
                footer=close
            >
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
    let flow = QuickFixFlow::new(fix, (rec.id.clone(), rec.name.clone()));
    let step = flow.step;
    let busy = move || step.with(|s| s.busy());
    let has_prepared = move || step.with(|s| s.prepared().is_some());
    let review = move |_| match untrack(input) {
        Ok(input) => {
            input_error.set(None);
            flow.review(input);
        }
        Err(e) => input_error.set(Some(e)),
    };
    let confirm = move |_| flow.apply();
    let info = StoredValue::new(info);
    let az = Signal::derive(move || {
        let input = input().ok()?;
        info.with_value(|i| fix.az_command(i, &input))
    });
    let previews = Signal::derive(move || {
        step.with(|s| {
            s.prepared()
                .map(|p| vec![p.preview.clone()])
                .unwrap_or_default()
        })
    });
    let footer = move || {
        view! {
            {move || match (has_prepared(), step.with(|s| s.done().is_some())) {
                (_, true) => ().into_any(),
                (false, _) => {
                    view! {
                        <button
                            type="button"
                            class="button button--primary"
                            disabled=busy
                            on:click=review
                        >
                            {move || {
                                if busy() { "Reading the cluster…" } else { "Review change" }
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
                            disabled=busy
                            on:click=confirm
                        >
                            {move || if busy() { "Applying…" } else { "Apply fix" }}
                        </button>
                        <button
                            type="button"
                            class="button"
                            disabled=busy
                            on:click=move |_| flow.edit()
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
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title=format!("Quick Fix: {}", fix.label())
            footer=footer
        >
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
                                disabled=has_prepared
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
                                                    disabled=has_prepared
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
                step.with(|s| s.prepared().cloned())
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
                let progress = step.with(|s| s.progress().to_vec());
                (!progress.is_empty())
                    .then(|| {
                        view! {
                            <ol class="panel__progress" role="status" aria-live="polite">
                                {progress
                                    .into_iter()
                                    .map(|l| view! { <li>{l}</li> })
                                    .collect_view()}
                            </ol>
                        }
                    })
            }}
            {move || {
                step.with(|s| s.problem().map(String::from))
                    .map(|e| {
                        view! {
                            <p class="banner banner--error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            {move || {
                step.with(|s| s.done().map(String::from))
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
