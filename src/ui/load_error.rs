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
            <button type="button" class="button button--primary" on:click=move |_| on_retry()>
                "Retry"
            </button>
        </div>
    }
}

/// One part of the page that could not be read (a tab's source, the plans, the cluster), in
/// that part's own area, with Retry; the rest of the page keeps working.
#[component]
pub fn SourceError(
    /// What could not be read and why.
    message: String,
    /// Loads again (the whole dataset; what is on screen stays until it arrives).
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="banner banner--error banner--inline" role="alert">
            <p class="banner__text">{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}

/// A small read inside a panel that failed (the rules of an alert type, the Kubernetes versions):
/// its error and a Retry for that read only.
#[component]
pub fn InlineRetry(message: String, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <p role="alert">
            {message}" "
            <button type="button" class="button button--subtle" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </p>
    }
}
