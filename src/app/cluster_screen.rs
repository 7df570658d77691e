//! One cluster's dashboard over any ARM client: skeleton on first load, the old data kept on
//! screen during a Refresh, and kept under an error banner when a Refresh fails. The same client
//! sends the actions.

use crate::arm::ClusterId;
use crate::browser::perf;
use crate::domain::ClusterData;
use crate::error::AppError;
use crate::state::load_cluster;
use crate::state::session::{AnyClient, SessionActivity};
use crate::ui::header::DataSourceLabel;
use crate::ui::skeleton::DashboardSkeleton;
use crate::ui::{Dashboard, LoadError};
use leptos::prelude::*;
use std::sync::Arc;

/// Loads `cluster` through `client` and shows the dashboard.
#[component]
pub fn ClusterScreen(
    /// Azure (fetch + MSAL) or the demo ARM.
    client: AnyClient,
    /// The cluster to show, or why the id is not one.
    cluster: Result<ClusterId, AppError>,
    /// Demo or Azure, for the header.
    source: DataSourceLabel,
) -> impl IntoView {
    SessionActivity::provide();
    let client = StoredValue::new_local(client);
    let cluster = StoredValue::new(cluster);
    let data = LocalResource::new(move || {
        let (client, cluster) = (client.get_value(), cluster.get_value());
        async move {
            let cluster = cluster?;
            let loaded: Result<ClusterData, AppError> = Ok(load_cluster(&client, &cluster).await?);
            perf::mark(perf::DATA_ARRIVED);
            loaded.map(Arc::new)
        }
    });
    let (refreshing, set_refreshing) = signal(false);
    // Made once, here: a signal created inside the Suspend would belong to its previous run and
    // be disposed while the old dashboard (kept on screen during a refresh) still reads it.
    let refreshing: Signal<bool> = refreshing.into();
    // The last data that loaded: a failed Refresh keeps it on screen under an error banner
    // rather than replacing the dashboard (and the user's selection) with an error page.
    let last_good = StoredValue::new(None::<Arc<ClusterData>>);
    let source = StoredValue::new(source);
    view! {
        <Transition set_pending=set_refreshing fallback=|| view! { <DashboardSkeleton /> }>
            {move || Suspend::new(async move {
                let (shown, error) = match data.await {
                    Ok(d) => {
                        let d = keep_lost_tabs(d, last_good.get_value());
                        last_good.set_value(Some(d.clone()));
                        (d, None)
                    }
                    Err(e) => {
                        match last_good.get_value() {
                            Some(d) => (d, Some(e.to_string())),
                            None => {
                                return view! {
                                    <LoadError
                                        message=e.to_string()
                                        on_retry=move || data.refetch()
                                    />
                                }
                                    .into_any();
                            }
                        }
                    }
                };
                let Ok(id) = cluster.get_value() else { return ().into_any() };
                view! {
                    <Dashboard
                        data=shown
                        client=client.get_value()
                        cluster=id
                        source=source.get_value()
                        refresh_error=error
                        refreshing=refreshing
                        on_refresh=move || data.refetch()
                    />
                }
                    .into_any()
            })}
        </Transition>
    }
}

/// A tab that lost everything on a Refresh keeps the previous load's findings (labelled).
fn keep_lost_tabs(
    loaded: Arc<ClusterData>,
    previous: Option<Arc<ClusterData>>,
) -> Arc<ClusterData> {
    match previous {
        Some(previous) if !loaded.issues.tabs.is_empty() => {
            Arc::new(Arc::unwrap_or_clone(loaded).keeping_previous(&previous))
        }
        _ => loaded,
    }
}
