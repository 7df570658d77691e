//! The fleet page: header and commands, what could not be read, the fleet's totals, the queries,
//! and the grid of clusters.

use super::notices::FleetNotices;
use super::summary::FleetSummary;
use crate::browser::download;
use crate::domain::fleet::Fleet;
use crate::domain::fleet_csv::fleet_csv;
use crate::domain::grid::TableKind;
use crate::domain::grid::fleet::fleet_table;
use crate::domain::{DataSource, format::plural};
use crate::state::{Shared, ViewState};
use crate::ui::data_source::SourceDetails;
use crate::ui::grid::FindingsGrid;
use crate::ui::header::{DataSourceLabel, PageCommands};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

#[component]
pub fn FleetPage(
    fleet: Arc<Fleet>,
    queries: DataSource,
    portal: String,
    source: DataSourceLabel,
    refresh_error: Option<String>,
    refreshing: Signal<bool>,
    on_refresh: Callback<()>,
) -> impl IntoView {
    let view_state = ViewState::provide_fixed(TableKind::Fleet);
    let table = Memo::new({
        let fleet = fleet.clone();
        move |_| Shared::new(fleet_table(&fleet))
    });
    let shown = Memo::new(move |_| {
        let query = view_state.query();
        table.with(|t| Shared::new(query.apply(t)))
    });
    // Tracked: a link on screen follows the view as it changes.
    let row_href = Callback::new(move |id: String| {
        super::cluster_link(&id, &view_state.view_query().to_params())
    });
    let subscriptions: BTreeSet<&str> = fleet
        .clusters
        .iter()
        .map(|c| c.subscription_id.as_str())
        .collect();
    let facts = format!(
        "{} in {}",
        plural(fleet.clusters.len(), "cluster"),
        plural(subscriptions.len(), "subscription")
    );
    let export_note = RwSignal::new(None::<String>);
    let export = {
        let fleet = fleet.clone();
        Callback::new(move |()| {
            let saved = fleet_csv(&fleet)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    download::download(&bytes, "aks-fleet.csv", "text/csv;charset=utf-8")
                        .map_err(|e| e.to_string())
                });
            export_note.set(match saved {
                Ok(_) => None,
                Err(e) => Some(format!("The CSV report could not be made: {e}")),
            });
        })
    };
    let is_demo = matches!(source, DataSourceLabel::Demo);
    view! {
        <header class="header">
            <div class="header__title">
                <h1 class="header__cluster">"AKS clusters"</h1>
                <Show when=move || is_demo>
                    <span class="badge badge--demo" title="Embedded demo data, not a real tenant">
                        "Demo"
                    </span>
                </Show>
                <p class="header__facts">{facts}</p>
            </div>
            <PageCommands
                refreshing=refreshing
                on_refresh=on_refresh
                on_export=export
                source=source
            />
        </header>
        <main class="dashboard fleet">
            <FleetNotices
                fleet=fleet.clone()
                refresh_error=refresh_error
                export_error=export_note
                on_retry=on_refresh
            />
            <FleetSummary fleet=fleet.clone() />
            <section class="tab-panel" aria-label="Clusters">
                <SourceDetails source=queries portal=portal />
                <div class="tab-panel__body">
                    <div class="tab-panel__grid">
                        <FindingsGrid
                            table=table
                            shown=shown
                            caption="AKS clusters"
                            no_data="No AKS cluster is visible to this account. Ask for Reader \
                            on a subscription or resource group that holds one."
                            row_href=row_href
                        />
                    </div>
                </div>
            </section>
        </main>
    }
}
