//! Settings: Defender for Containers for this cluster (plan and extensions, through the
//! cluster's own pricing) and the Azure Policy add-on (a managed cluster setting), with why they
//! may be read-only and what each save needs.

mod form;
mod results;
mod switches;

use super::panel::SidePanel;
use crate::state::actions::settings::read;
use crate::state::flows::settings;
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
                                <form::SettingsForm
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
