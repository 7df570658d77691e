//! The first-load placeholder: the dashboard's shape in grey, so the page does not jump when
//! the data arrives, with a status line for screen readers.

use leptos::prelude::*;

/// Header, four summary cards, tabs and grid rows as placeholders.
#[component]
pub fn DashboardSkeleton() -> impl IntoView {
    let block = |class: &'static str| view! { <div class=format!("skeleton {class}")></div> };
    view! {
        <div class="skeleton-page" aria-busy="true">
            <p class="visually-hidden" role="status">
                "Loading cluster security data…"
            </p>
            <div class="skeleton-page__header" aria-hidden="true">
                {block("skeleton--title")}
                {block("skeleton--line")}
            </div>
            <main class="dashboard" aria-hidden="true">
                {block("skeleton--heading")}
                <div class="summary__cards">
                    {(0..4).map(|_| block("skeleton--card")).collect_view()}
                </div>
                {block("skeleton--tabs")}
                {(0..8).map(|_| block("skeleton--row")).collect_view()}
            </main>
        </div>
    }
}

/// A first-load message (Azure mode's code still downloading, or why it could not be) above the
/// placeholder, which stays until the page replaces it.
pub fn above_skeleton(status: AnyView) -> AnyView {
    view! {
        {status}
        <DashboardSkeleton />
    }
    .into_any()
}
