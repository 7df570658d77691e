//! The message shown when the cluster could not be loaded.

use leptos::prelude::*;

/// What failed, in words, with Retry.
#[component]
pub fn LoadError(
    /// The user-readable error.
    message: String,
    /// Loads again.
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="banner banner--error" role="alert">
            <p class="banner__text">{message}</p>
            <button type="button" class="button button--primary" on:click=move |_| on_retry()>"Retry"</button>
        </div>
    }
}
