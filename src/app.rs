//! The root component: reads the deployment's configuration, then shows the demo (its cluster,
//! or its fleet) or, for Azure, sign-in, the fleet and the dashboard. Demo and Azure share
//! everything above the transport: only where the data and the token come from differ.

mod azure;
mod cluster_screen;

use crate::arm::transport::any::AnyTransport;
use crate::arm::transport::demo::DemoTransport;
use crate::arm::{ArmClient, ClusterId};
use crate::browser::{clock, config_file, location};
use crate::config::DataSource;
use crate::error::AppError;
use crate::state::ViewState;
use crate::state::fleet::{FleetScope, fleet_source, read_fleet};
use crate::ui::LoadError;
use crate::ui::fleet::FleetScreen;
use crate::ui::header::DataSourceLabel;
use crate::ui::lazy::{deferred, in_place, lazy_part};
use crate::ui::skeleton::{DashboardSkeleton, above_skeleton};
use azure::AzureApp;
pub use cluster_screen::ClusterScreen;
use leptos::prelude::*;

/// ARM's public-cloud endpoint. The demo transport ignores the host; keeping the real one makes
/// demo and Azure send byte-identical requests.
pub const ARM_ENDPOINT: &str = "https://management.azure.com";

/// The app: demo mode unless `config.json` configures Azure (and `?demo` is absent).
#[component]
pub fn App() -> impl IntoView {
    ViewState::provide();
    let source = LocalResource::new(startup);
    view! {
        <Suspense fallback=|| {
            view! { <DashboardSkeleton /> }
        }>{move || Suspend::new(async move { mode_view(source.await) })}</Suspense>
    }
}

/// The chosen mode, or why none could be chosen.
fn mode_view(source: Result<DataSource, String>) -> AnyView {
    match source {
        Ok(DataSource::Demo) => view! { <DemoApp /> }.into_any(),
        Ok(DataSource::Azure(config)) => {
            // MSAL runs while Azure mode's chunk downloads, not after it (js/config_file.js has
            // usually preloaded both; this starts the download if it guessed another mode). A
            // failure here is reported by the sign-in, which loads it again.
            leptos::task::spawn_local(async {
                let _ = crate::auth::msal::load_library().await;
            });
            deferred(
                "the Azure sign-in",
                load_azure,
                above_skeleton,
                move |show| show(config),
            )
        }
        Err(message) => {
            view! { <LoadError message=message on_retry=move || location::reload() /> }.into_any()
        }
    }
}

/// Where the data comes from, or why that cannot be decided (a broken `config.json`, named
/// field and all).
async fn startup() -> Result<DataSource, String> {
    if location::query_param("demo").is_some() {
        return Ok(DataSource::Demo);
    }
    let file = config_file::fetch().await.map_err(|e| e.to_string())?;
    DataSource::choose(false, file.as_deref(), &config_file::page_origin())
        .map_err(|e| e.to_string())
}

/// The embedded demo cluster, through the same client and loader as Azure.
#[component]
fn DemoApp() -> impl IntoView {
    // One demo store for the page's life, so changes made in the session survive a Refresh.
    let demo = match demo_scale() {
        Some(rows) => DemoTransport::scaled_with_alerts(rows, demo_alerts()),
        None => DemoTransport::new(),
    };
    let demo = demo.map(|(transport, facts)| {
        let transport = transport
            .with_now(clock::utc_iso_now())
            .with_fleet_size(demo_fleet());
        match demo_model_grouped() {
            true => (transport.into_grouped_model(&facts.cluster_id), facts),
            false => (transport, facts),
        }
    });
    match demo {
        Ok((transport, facts)) => {
            let client = ArmClient::new(AnyTransport::new(transport), ARM_ENDPOINT);
            if location::query_param(crate::ui::fleet::VIEW.0).as_deref()
                == Some(crate::ui::fleet::VIEW.1)
            {
                return fleet_screen(client, FleetScope::Tenant, DataSourceLabel::Demo);
            }
            // `?cluster=` opens any cluster of the demo fleet; none opens the detailed one.
            let id = location::query_param("cluster").unwrap_or(facts.cluster_id);
            let cluster = ClusterId::parse(&id).map_err(AppError::from);
            view! { <ClusterScreen client=client cluster=cluster source=DataSourceLabel::Demo /> }
                .into_any()
        }
        Err(e) => {
            let message = AppError::Demo(e).to_string();
            view! { <LoadError message=message on_retry=move || location::reload() /> }.into_any()
        }
    }
}

// Azure mode (MSAL, sign-in, the fetch transport) is a lazy part: a demo never downloads it.
lazy_part!(load_azure, azure_app -> fn(crate::config::AzureConfig) -> AnyView = azure_view);

fn azure_view(config: crate::config::AzureConfig) -> AnyView {
    view! { <AzureApp config=config /> }.into_any()
}

/// The fleet over `client` (Azure's or the demo's): a lazy part, as most visits open a cluster.
pub fn fleet_screen(
    client: crate::state::session::AnyClient,
    scope: FleetScope,
    source: DataSourceLabel,
) -> AnyView {
    deferred("the fleet view", load_fleet, in_place, move |show| {
        show(client, scope, source)
    })
}

type FleetView = fn(crate::state::session::AnyClient, FleetScope, DataSourceLabel) -> AnyView;
lazy_part!(load_fleet, fleet_view -> FleetView = fleet_page);

fn fleet_page(
    client: crate::state::session::AnyClient,
    scope: FleetScope,
    source: DataSourceLabel,
) -> AnyView {
    let portal = crate::domain::links::portal_for(client.endpoint()).to_string();
    let queries = fleet_source(&scope);
    let client = StoredValue::new_local(client);
    let scope = StoredValue::new(scope);
    let load = move || {
        let (client, scope) = (client.get_value(), scope.get_value());
        async move { read_fleet(&client, &scope).await }
    };
    view! { <FleetScreen load=load queries=queries portal=portal source=source /> }.into_any()
}

/// `?demo-fleet=N`: the demo fleet's queries answer for N clusters (at most 20,000; numbered
/// copies of the twelve beyond them, with no dashboard of their own), for the benchmark.
fn demo_fleet() -> usize {
    location::query_param("demo-fleet")
        .and_then(|n| n.parse().ok())
        .map_or(0, |n: usize| n.min(20_000))
}

/// `?demo-alerts=N` (with `demo-scale`): the demo cluster's alerts served as N alerts (at most
/// 50,000), the benchmark's large alert list.
fn demo_alerts() -> Option<usize> {
    let rows: usize = location::query_param("demo-alerts")?.parse().ok()?;
    Some(rows.min(50_000))
}

/// `?demo-model=grouped`: the demo cluster as a cloud that still serves the grouped
/// vulnerability model (retired 2026-07-31), so both mappings can be seen and tested.
fn demo_model_grouped() -> bool {
    location::query_param("demo-model").as_deref() == Some("grouped")
}

/// `?demo-scale=N`: the demo cluster with N container-image findings (at most 200,000), for
/// trying the dashboard and measuring it at the size of a large cluster.
fn demo_scale() -> Option<usize> {
    let rows: usize = location::query_param("demo-scale")?.parse().ok()?;
    Some(rows.min(200_000))
}
