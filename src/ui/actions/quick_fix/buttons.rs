//! The Quick Fix panel's buttons, which follow the flow's step.

use crate::state::flows::quick_fix::QuickFixFlow;
use leptos::prelude::*;

/// The buttons for the step: Review change; then Apply fix and Edit; none once done.
#[component]
pub fn FixButtons(flow: QuickFixFlow, on_review: Callback<()>) -> impl IntoView {
    let step = flow.step;
    let busy = move || step.with(|s| s.busy());
    view! {
        {move || match step.with(|s| (s.prepared().is_some(), s.done().is_some())) {
            (_, true) => ().into_any(),
            (false, _) => {
                view! {
                    <button
                        type="button"
                        class="button button--primary"
                        disabled=busy
                        on:click=move |_| on_review.run(())
                    >
                        {move || if busy() { "Reading the cluster…" } else { "Review change" }}
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
                        on:click=move |_| flow.apply()
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
    }
}
