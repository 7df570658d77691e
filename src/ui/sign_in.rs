//! Before the dashboard, in Azure mode: sign in, pick an account, pick a cluster.

use crate::browser::location;
use crate::domain::ClusterInfo;
use leptos::prelude::*;
use std::future::Future;

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

/// The clusters the user can see, searchable by name, resource group and subscription; each is
/// a link to `?cluster=<id>`, so the choice is in the URL (bookmark, share).
#[component]
pub fn ClusterPicker<L, F>(
    /// Lists the clusters.
    find: L,
) -> impl IntoView
where
    L: Fn() -> F + 'static,
    F: Future<Output = Result<Vec<ClusterInfo>, String>> + 'static,
{
    let clusters = LocalResource::new(find);
    let search = RwSignal::new(String::new());
    view! {
        <main class="gate gate--wide">
            <h1 class="gate__title">"Choose a cluster"</h1>
            <input
                type="search"
                class="filter-bar__search"
                placeholder="Search by name, resource group or subscription"
                aria-label="Search clusters"
                prop:value=move || search.get()
                on:input=move |ev| search.set(event_target_value(&ev))
            />
            <Suspense fallback=|| {
                view! { <p role="status">"Listing your AKS clusters…"</p> }
            }>
                {move || Suspend::new(async move {
                    match clusters.await {
                        Err(message) => {
                            view! {
                                <div class="banner banner--error banner--inline" role="alert">
                                    <p class="banner__text">{message}</p>
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| clusters.refetch()
                                    >
                                        "Retry"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(all) => view! { <ClusterList all=all search=search /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn ClusterList(all: Vec<ClusterInfo>, search: RwSignal<String>) -> impl IntoView {
    let total = all.len();
    let all = StoredValue::new(all);
    let shown = move || {
        let terms: Vec<String> = search
            .get()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        all.with_value(|all| {
            all.iter()
                .filter(|c| {
                    let text = format!("{} {} {}", c.name, c.resource_group, c.subscription_id)
                        .to_lowercase();
                    terms.iter().all(|t| text.contains(t.as_str()))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let shown = Memo::new(move |_| shown());
    view! {
        <p role="status" class="filter-bar__count">
            {move || format!("{} of {total} clusters", shown.with(Vec::len))}
        </p>
        {(total == 0)
            .then(|| {
                view! {
                    <p>
                        "No AKS cluster is visible to this account. Ask for Reader on a \
                         subscription or resource group that holds one."
                    </p>
                }
            })}
        <ul class="gate__list">
            <For each=move || shown.get() key=|c| c.id.clone() let:c>
                <li>
                    <a href=location::with_param("cluster", &c.id)>{c.name.clone()}</a>
                    <span class="gate__facts">
                        {format!(
                            "{} · {} · subscription {}",
                            c.resource_group,
                            c.location,
                            c.subscription_id,
                        )}
                    </span>
                </li>
            </For>
        </ul>
    }
}
