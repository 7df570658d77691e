//! The banner that appears when Azure stops accepting the user's sign-in mid-session (a token
//! that a refresh could not renew, or revoked sessions). Signing in again happens in a popup
//! so the page, the selection and any half-filled form stay as they are.

use leptos::prelude::*;

/// Where the session's sign-in stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Reauth {
    /// Tokens work (nothing shown).
    Valid,
    /// Azure refused the token after a refresh, or Entra wants the user.
    Required,
    /// The sign-in popup is open.
    Working,
    /// Signed in again as this user.
    Restored(String),
    /// The popup failed, was closed or was blocked; the reason.
    Failed(String),
}

/// Shown above the dashboard while `state` is not [`Reauth::Valid`].
#[component]
pub fn SignInAgainBanner(
    state: RwSignal<Reauth>,
    /// Opens the sign-in popup.
    on_sign_in: Callback<()>,
    /// Signs in by leaving the page (top level only: the fallback when popups are blocked).
    on_sign_in_here: Option<Callback<()>>,
) -> impl IntoView {
    let sign_in_button = move |label: &'static str| {
        view! {
            <button
                type="button"
                class="button button--primary"
                on:click=move |_| on_sign_in.run(())
            >
                {label}
            </button>
        }
    };
    move || match state.get() {
        Reauth::Valid => ().into_any(),
        Reauth::Required => view! {
            <div class="banner banner--error banner--session" role="alert">
                <p class="banner__text">
                    "Your sign-in has expired or was revoked, so Azure refuses the dashboard's \
                     requests. "
                    "Sign in again to go on: this page, your selection and what you typed stay as \
                     they are."
                </p>
                {sign_in_button("Sign in again")}
            </div>
        }
        .into_any(),
        Reauth::Working => view! {
            <div class="banner banner--warning banner--session" role="status">
                <p class="banner__text">"Signing in… finish in the sign-in window."</p>
                <button type="button" class="button" disabled=true>
                    "Sign in again"
                </button>
            </div>
        }
        .into_any(),
        Reauth::Restored(user) => view! {
            <div class="banner banner--success banner--session" role="status">
                <p class="banner__text">
                    "Signed in again as "{user}". Use Retry where a request failed."
                </p>
                <button
                    type="button"
                    class="button"
                    aria-label="Dismiss"
                    on:click=move |_| state.set(Reauth::Valid)
                >
                    "✕"
                </button>
            </div>
        }
        .into_any(),
        Reauth::Failed(why) => view! {
            <div class="banner banner--error banner--session" role="alert">
                <p class="banner__text">
                    "Sign-in did not finish: "{why}
                    ". If the browser blocked the sign-in window, allow pop-ups for this site and \
                     try again."
                </p>
                {sign_in_button("Try again")}
                {on_sign_in_here
                    .map(|here| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| here.run(())
                                title="Leaves this page for the sign-in page and comes back; \
                                unsaved input and the selection are lost"
                            >
                                "Sign in on this page instead"
                            </button>
                        }
                    })}
            </div>
        }
        .into_any(),
    }
}
