//! The root component: picks the data source, loads the cluster, and shows the dashboard.

use crate::arm::transport::demo::{DemoFacts, DemoTransport};
use crate::arm::{ArmClient, ClusterId};
use crate::domain::ClusterData;
use crate::error::AppError;
use crate::state::{ViewState, load_cluster};
use crate::ui::skeleton::DashboardSkeleton;
use crate::ui::{Dashboard, LoadError};
use leptos::prelude::*;
use std::sync::Arc;

/// ARM's public-cloud endpoint. The demo transport ignores the host; keeping the real one makes
/// demo and Azure send byte-identical requests.
pub const ARM_ENDPOINT: &str = "https://management.azure.com";

/// The app. With no Azure configuration it shows the embedded demo cluster.
#[component]
pub fn App() -> impl IntoView {
    ViewState::provide();
    // One demo store for the page's life, so changes made in the session survive a Refresh.
    let demo = match demo_scale() {
        Some(rows) => DemoTransport::scaled(rows),
        None => DemoTransport::new(),
    };
    let data = LocalResource::new(move || {
        let demo = demo.clone();
        async move { load_demo(demo).await.map(Arc::new) }
    });
    let (refreshing, set_refreshing) = signal(false);
    // The last data that loaded: a failed Refresh keeps it on screen under an error banner
    // rather than replacing the dashboard (and the user's selection) with an error page.
    let last_good = StoredValue::new(None::<Arc<ClusterData>>);
    view! {
        <Transition set_pending=set_refreshing fallback=|| view! { <DashboardSkeleton/> }>
            {move || Suspend::new(async move {
                let (shown, error) = match data.await {
                    Ok(d) => {
                        last_good.set_value(Some(d.clone()));
                        (d, None)
                    }
                    Err(e) => match last_good.get_value() {
                        Some(d) => (d, Some(e.to_string())),
                        None => return view! { <LoadError message=e.to_string() on_retry=move || data.refetch()/> }.into_any(),
                    },
                };
                view! { <Dashboard data=shown refresh_error=error refreshing=refreshing.into() on_refresh=move || data.refetch()/> }.into_any()
            })}
        </Transition>
    }
}

/// Loads the demo cluster through the same client and loader as Azure.
async fn load_demo(
    demo: Result<(DemoTransport, DemoFacts), String>,
) -> Result<ClusterData, AppError> {
    let (transport, facts) = demo.map_err(AppError::Demo)?;
    let cluster = ClusterId::parse(&facts.cluster_id)?;
    let client = ArmClient::new(transport, ARM_ENDPOINT);
    Ok(load_cluster(&client, &cluster).await?)
}

/// `?demo-scale=N`: the demo cluster with N container-image findings (at most 200,000), for
/// trying the dashboard and measuring it at the size of a large cluster.
fn demo_scale() -> Option<usize> {
    let rows: usize = crate::browser::location::query_param("demo-scale")?
        .parse()
        .ok()?;
    Some(rows.min(200_000))
}
