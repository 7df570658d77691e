//! Before the fleet and the dashboard, in Azure mode: sign in, pick an account.

use leptos::prelude::*;

/// The sign-in page.
#[component]
pub fn SignIn(
    /// In a frame, sign-in opens a popup (frames cannot navigate to Entra).
    framed: bool,
    /// Starts sign-in.
    on_sign_in: Callback<()>,
) -> impl IntoView {
    view! {
        <main class="gate">
            <h1 class="gate__title">"AKS Security Dashboard"</h1>
            <p>
                "Sign in with your work account to see the security findings of your AKS clusters. \
                 The dashboard reads them from Azure with your permissions (Security Reader or \
                 Reader on the cluster's subscription)."
            </p>
            <button
                type="button"
                class="button button--primary"
                on:click=move |_| on_sign_in.run(())
            >
                "Sign in"
            </button>
            {framed.then(|| view! { <p class="gate__hint">"Sign-in opens in a popup window."</p> })}
        </main>
    }
}

/// Several accounts are signed in: the user picks one.
#[component]
pub fn AccountPicker(
    /// MSAL's cached accounts.
    accounts: Vec<crate::auth::msal::Account>,
    /// Called with the picked account's id.
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <main class="gate">
            <h1 class="gate__title">"Pick an account"</h1>
            <ul class="gate__list">
                {accounts
                    .into_iter()
                    .map(|a| {
                        let id = a.id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| on_pick.run(id.clone())
                                >
                                    {a.name}
                                    " ("
                                    {a.username}
                                    ")"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </main>
    }
}
