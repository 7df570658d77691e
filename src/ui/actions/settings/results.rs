//! What the last save did, one line per request.

use leptos::prelude::*;

/// A save result's line when its request failed (the bulk results' look).
const FAILED_ITEM: &str = "bulk-results__item bulk-results__item--failed";

/// A line per request of the last save: saved, or why not.
#[component]
pub fn SaveResults(results: RwSignal<Vec<Result<String, String>>>) -> impl IntoView {
    view! {
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
                                            <li class=FAILED_ITEM role="alert">
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
