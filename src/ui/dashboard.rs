//! The dashboard page for one loaded cluster.

use super::header::{Header, PrerequisitesBanner};
use super::summary_bar::SummaryBar;
use super::tab_panels::TabPanel;
use super::tabs::Tabs;
use crate::domain::{ClusterData, Summary};
use leptos::prelude::*;
use std::sync::Arc;

/// Header, prerequisites banner, findings summary bar and the four tabs.
#[component]
pub fn Dashboard(
    /// The loaded cluster.
    data: Arc<ClusterData>,
    /// Reloads everything from the data source.
    on_refresh: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let summary = Summary::of(&data);
    view! {
        <Header cluster=data.cluster.clone() plan=data.plan.clone() demo=true on_refresh=on_refresh/>
        <main class="dashboard">
            <PrerequisitesBanner plan=data.plan.clone()/>
            <SummaryBar summary=summary/>
            <Tabs/>
            <TabPanel data=data/>
        </main>
    }
}
