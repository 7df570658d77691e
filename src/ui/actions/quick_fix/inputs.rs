//! What a Quick Fix needs from the user: authorized IP ranges, or the Kubernetes version to
//! upgrade to (from the cluster's upgrade profile).

use crate::domain::actions::Fix;
use crate::domain::actions::FixField;
use crate::ui::form::{Field, Select, TextArea};
use crate::ui::load_error::InlineRetry;
use leptos::prelude::*;

/// The fix's inputs (none for most fixes); `disabled` while a change is prepared.
#[component]
pub fn FixInputs(
    fix: Fix,
    ranges: RwSignal<String>,
    version: RwSignal<String>,
    versions: LocalResource<Result<Vec<String>, String>>,
    error: RwSignal<Option<String>>,
    disabled: Signal<bool>,
    /// The cluster's Kubernetes version now.
    now: String,
) -> impl IntoView {
    view! {
        {(fix == Fix::AuthorizedIpRanges)
            .then(|| {
                view! {
                    <Field
                        label="Authorized IP ranges"
                        field=FixField::IpRanges
                        error=error
                        hint="IPv4 addresses or CIDR ranges, separated by commas or new lines."
                    >
                        <TextArea
                            placeholder="203.0.113.0/24, 198.51.100.7"
                            disabled=disabled
                            value=ranges
                            on_input=Callback::new(move |v| ranges.set(v))
                        />
                    </Field>
                }
            })}
        {(fix == Fix::UpgradeKubernetes)
            .then(|| {
                view! {
                    <Field
                        label="Kubernetes version"
                        field=FixField::Version
                        error=error
                        hint=format!(
                            "Now {}. Versions from the cluster's upgrade profile (previews left \
                             out).",
                            now.clone(),
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
                                                "No upgrade is available: the cluster is on the \
                                                 newest version it can take."
                                            </p>
                                        }
                                            .into_any()
                                    }
                                    Ok(list) => {
                                        let unchosen = move || version.get().is_empty();
                                        view! {
                                            <Select
                                                disabled=disabled
                                                on_change=Callback::new(move |v| version.set(v))
                                            >
                                                <option value="" selected=unchosen>
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
                                            </Select>
                                        }
                                            .into_any()
                                    }
                                    Err(e) => {
                                        view! {
                                            <InlineRetry
                                                message=e
                                                on_retry=Callback::new(move |()| versions.refetch())
                                            />
                                        }
                                            .into_any()
                                    }
                                }
                            })}
                        </Suspense>
                    </Field>
                }
            })}
    }
}
