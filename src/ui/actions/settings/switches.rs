//! The Settings form's switches: the plan, its components, the Azure Policy add-on.

use crate::domain::actions::SettingsChoice;
use crate::domain::actions::settings::EXTENSIONS;
use leptos::prelude::*;

/// The plan's switch, its components, and the add-on's switch; `locked` while the plan is
/// read-only (inherited and not overridden, or enforced).
#[component]
pub fn PlanSwitches(choice: RwSignal<SettingsChoice>, locked: Signal<bool>) -> impl IntoView {
    view! {
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
        <fieldset class="form-field" disabled=move || locked.get() || !choice.with(|c| c.plan_on)>
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
                            "The cluster could not be read, so its Azure Policy add-on cannot be \
                             changed here."
                        }
                        Some(_) => {
                            "The cluster's Azure Policy add-on (Gatekeeper), which evaluates the \
                             workload recommendations. Changing it updates the cluster and needs \
                             Contributor on it."
                        }
                    }}
                </span>
            </span>
        </label>
    }
}
