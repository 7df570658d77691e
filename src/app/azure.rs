//! Azure mode: MSAL sign-in (redirect at top level, popup in a frame), an account picker when
//! several accounts are cached, the fleet (Resource Graph) when the URL names no cluster, and
//! the dashboard read from ARM with the user's token.

use super::ClusterScreen;
use crate::arm::transport::any::AnyTransport;
use crate::arm::transport::fetch::FetchTransport;
use crate::arm::{ArmClient, ClusterId, RetryPolicy, Transport};
use crate::auth::msal::{self, Account, MsalTokens, Session};
use crate::browser::{embedding, location};
use crate::config::AzureConfig;
use crate::error::AppError;
use crate::state::fleet::FleetScope;
use crate::ui::LoadError;
use crate::ui::header::DataSourceLabel;
use crate::ui::sign_in::{AccountPicker, SignIn};
use crate::ui::sign_in_again::{Reauth, SignInAgainBanner};
use crate::ui::skeleton::DashboardSkeleton;
use leptos::prelude::*;
use std::time::Duration;

/// The Azure flow for one deployment's configuration.
#[component]
pub fn AzureApp(config: AzureConfig) -> impl IntoView {
    embedding::listen(config.allowed_parent_origins.clone());
    let config = StoredValue::new(config);
    let session = LocalResource::new(move || {
        let config = config.get_value();
        async move { msal::start(&config).await }
    });
    let chosen = RwSignal::new(None::<Account>);
    let cluster = location::query_param("cluster");
    view! {
        <Suspense fallback=|| {
            view! { <DashboardSkeleton /> }
        }>
            {move || Suspend::new({
                let cluster = cluster.clone();
                async move {
                    match session.await {
                        Err(e) => {
                            view! {
                                <LoadError
                                    message=e.to_string()
                                    on_retry=move || location::reload()
                                />
                            }
                                .into_any()
                        }
                        Ok(session) => {
                            view! {
                                <SignedIn
                                    session=session
                                    chosen=chosen
                                    config=config
                                    cluster=cluster
                                />
                            }
                                .into_any()
                        }
                    }
                }
            })}
        </Suspense>
    }
}

/// After MSAL started: sign in or pick an account, then pick or open the cluster.
#[component]
fn SignedIn(
    session: Session,
    chosen: RwSignal<Option<Account>>,
    config: StoredValue<AzureConfig>,
    cluster: Option<String>,
) -> impl IntoView {
    let framed = session.framed;
    // Outside the view below: signing in again must not rebuild the dashboard (and lose the
    // user's selection and forms), so it never touches `chosen`.
    let reauth = RwSignal::new(Reauth::Valid);
    let tokens = move || {
        MsalTokens::new(&config.get_value(), move || {
            if reauth.get_untracked() != Reauth::Working {
                reauth.set(Reauth::Required);
            }
        })
    };
    let on_sign_in_again = Callback::new(move |()| {
        reauth.set(Reauth::Working);
        leptos::task::spawn_local(async move {
            reauth.set(match msal::sign_in_again(&config.get_value()).await {
                Ok(account) => Reauth::Restored(account.username),
                Err(why) => Reauth::Failed(why.to_string()),
            });
        });
    });
    let on_sign_in = Callback::new(move |()| {
        let config = config.get_value();
        leptos::task::spawn_local(async move {
            // At top level the page leaves for Entra; in a frame the popup returns here.
            if let Ok(account) = msal::sign_in(&config).await {
                chosen.set(Some(account));
            }
        });
    });
    // At top level the sign-in page's redirect is the fallback when popups are blocked (it
    // never returns, so `chosen` is untouched); a frame has no fallback.
    let on_sign_in_here = (!framed).then_some(on_sign_in);
    let banner = view! {
        <SignInAgainBanner
            state=reauth
            on_sign_in=on_sign_in_again
            on_sign_in_here=on_sign_in_here
        />
    };
    let screen = move || {
        let active = chosen.get().or(session.active.clone());
        let Some(account) = active else {
            if session.accounts.len() > 1 {
                let on_pick = Callback::new(move |id: String| chosen.set(msal::select(&id)));
                let accounts = session.accounts.clone();
                return view! { <AccountPicker accounts=accounts on_pick=on_pick /> }.into_any();
            }
            return view! { <SignIn framed=framed on_sign_in=on_sign_in /> }.into_any();
        };
        let on_sign_out = Callback::new(move |()| {
            leptos::task::spawn_local(async move {
                if msal::sign_out().await.is_ok() {
                    chosen.set(None);
                    location::reload();
                }
            });
        });
        let source = DataSourceLabel::Azure {
            user: account.username.clone(),
            on_sign_out,
        };
        let fleet_asked = location::query_param(crate::ui::fleet::VIEW.0).as_deref()
            == Some(crate::ui::fleet::VIEW.1);
        match cluster.clone().filter(|_| !fleet_asked) {
            None => {
                let config = config.get_value();
                let client = arm_client(&config, AnyTransport::new(transport(&config, tokens())));
                let scope = match config.management_groups.is_empty() {
                    true => FleetScope::Tenant,
                    false => FleetScope::ManagementGroups(config.management_groups.clone()),
                };
                super::fleet_screen(client, scope, source)
            }
            Some(id) => {
                let config = config.get_value();
                let client = arm_client(&config, AnyTransport::new(transport(&config, tokens())));
                let cluster = ClusterId::parse(&id).map_err(AppError::from);
                view! { <ClusterScreen client=client cluster=cluster source=source /> }.into_any()
            }
        }
    };
    view! {
        {banner}
        {screen}
    }
}

/// Fetch with the user's tokens and the deployment's timeout.
/// The client for the configured endpoints (and, in tests, the configured retry backoff).
fn arm_client<T: Transport>(config: &AzureConfig, transport: T) -> ArmClient<T> {
    let client = ArmClient::new(transport, config.arm_endpoint.clone())
        .with_graph_endpoint(config.resource_graph_endpoint.clone());
    match config.test_retry_base_ms {
        Some(ms) => client.with_policy(RetryPolicy {
            initial_delay: Duration::from_millis(u64::from(ms)),
            ..RetryPolicy::default()
        }),
        None => client,
    }
}

fn transport(config: &AzureConfig, tokens: MsalTokens) -> FetchTransport<MsalTokens> {
    let timeout = Duration::from_secs(u64::from(config.request_timeout_seconds));
    FetchTransport::new(tokens, timeout)
}
