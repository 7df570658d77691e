//! The fleet view: every AKS cluster the user can read, one row each with its posture, in the
//! dashboard's grid (search, pills, sort, columns, virtualization, the view in the URL). A row is
//! a link to that cluster's dashboard; the dashboard's "All clusters" link comes back to the
//! fleet with its search, filters and sort, which the cluster's link carries in `fleet=`.

mod notices;
mod page;
mod summary;

use crate::browser::{location, perf};
use crate::domain::DataSource;
use crate::domain::fleet::Fleet;
use crate::domain::grid::url::owns;
use crate::ui::LoadError;
use crate::ui::header::DataSourceLabel;
use crate::ui::skeleton::DashboardSkeleton;
use leptos::prelude::*;
use std::sync::Arc;

/// The parameter that opens the fleet (`?view=fleet`); without `cluster`, Azure mode opens it too.
pub const VIEW: (&str, &str) = ("view", "fleet");

/// Parameters that belong to one page's view, not to the deployment (`demo`, `demo-fleet`…).
fn page_param(key: &str) -> bool {
    owns(key) || matches!(key, "view" | "cluster" | "fleet")
}

/// The dashboard's way back: the fleet, with the search, filters and sort it had.
pub fn back_link() -> String {
    let mut set = vec![(VIEW.0.to_string(), VIEW.1.to_string())];
    if let Some(fleet) = location::query_param("fleet") {
        set.extend(location::decode(&fleet));
    }
    location::link(page_param, &set)
}

/// A cluster's dashboard, carrying the fleet's view (`fleet_view`) for the way back.
pub fn cluster_link(id: &str, fleet_view: &[(String, String)]) -> String {
    let mut set = vec![("cluster".to_string(), id.to_string())];
    if !fleet_view.is_empty() {
        set.push(("fleet".to_string(), location::encode(fleet_view)));
    }
    location::link(page_param, &set)
}

/// Loads the fleet with `load` and shows it; a Refresh keeps the fleet on screen, and a failed
/// one keeps it under an error.
#[component]
pub fn FleetScreen<L, F>(
    /// Reads the fleet (Resource Graph, or the demo's).
    load: L,
    /// The queries behind the fleet, for "Show query".
    queries: DataSource,
    /// The portal to open Resource Graph Explorer in.
    portal: String,
    /// Demo or Azure, for the header.
    source: DataSourceLabel,
) -> impl IntoView
where
    L: Fn() -> F + 'static,
    F: Future<Output = Result<Fleet, String>> + 'static,
{
    let data = LocalResource::new(move || {
        let read = load();
        async move {
            let fleet = read.await;
            perf::mark(perf::DATA_ARRIVED);
            fleet.map(Arc::new)
        }
    });
    let (refreshing, set_refreshing) = signal(false);
    let refreshing: Signal<bool> = refreshing.into();
    let last_good = StoredValue::new(None::<Arc<Fleet>>);
    let context = StoredValue::new((queries, portal, source));
    view! {
        <Transition set_pending=set_refreshing fallback=|| view! { <DashboardSkeleton /> }>
            {move || Suspend::new(async move {
                let (fleet, error) = match (data.await, last_good.get_value()) {
                    (Ok(f), _) => {
                        last_good.set_value(Some(f.clone()));
                        (f, None)
                    }
                    (Err(e), Some(previous)) => (previous, Some(e)),
                    (Err(e), None) => {
                        let message = format!("The clusters could not be listed: {e}");
                        return view! {
                            <LoadError message=message on_retry=move || data.refetch() />
                        }
                            .into_any();
                    }
                };
                let (queries, portal, source) = context.get_value();
                view! {
                    <page::FleetPage
                        fleet=fleet
                        queries=queries
                        portal=portal
                        source=source
                        refresh_error=error
                        refreshing=refreshing
                        on_refresh=Callback::new(move |()| data.refetch())
                    />
                }
                    .into_any()
            })}
        </Transition>
    }
}
