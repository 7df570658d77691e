//! What the fleet could not read, named once above the grid: subscriptions whose Defender data
//! cannot be read, failed queries (with Retry), a failed Refresh, and a failed CSV.

use crate::domain::fleet::Fleet;
use crate::ui::load_error::SourceError;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FleetNotices(
    fleet: Arc<Fleet>,
    refresh_error: Option<String>,
    export_error: RwSignal<Option<String>>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let unreadable = (!fleet.unreadable_subscriptions.is_empty()).then(|| {
        format!(
            "No Defender for Cloud data could be read in {}: the counts of their clusters are \
             not known (not zero). Reading them needs the Security Reader role on those \
             subscriptions (or Defender for Cloud was never set up there).",
            fleet.unreadable_subscriptions.join(", ")
        )
    });
    let failures = fleet
        .failures
        .iter()
        .map(|f| {
            let message = format!(
                "{} could not be read: {} The cells it fills say \"Not known\".",
                f.what, f.message
            );
            view! { <SourceError message=message on_retry=on_retry /> }
        })
        .collect_view();
    let refresh = refresh_error.map(|e| {
        let message = format!("Refresh failed: {e} The fleet below is from the previous load.");
        view! { <SourceError message=message on_retry=on_retry /> }
    });
    view! {
        {refresh}
        {failures}
        {unreadable
            .map(|text| {
                view! {
                    <p class="banner banner--warning" role="alert" data-testid="fleet-unreadable">
                        {text}
                    </p>
                }
            })}
        {move || {
            export_error
                .get()
                .map(|e| {
                    view! {
                        <p class="banner banner--error" role="alert">
                            {e}
                        </p>
                    }
                })
        }}
    }
}
