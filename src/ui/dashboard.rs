//! The dashboard page for one loaded cluster.

use super::actions::ActionPanels;
use super::export_dialog::LazyExportDialog;
use super::header::{DataSourceLabel, Header, PrerequisitesBanner};
use super::load_error::SourceError;
use super::summary_bar::SummaryBar;
use super::tab_panels::TabPanel;
use super::tabs::Tabs;
use crate::domain::{ClusterData, FindingType, Summary};
use crate::state::ClusterId;
use crate::state::session::{AnyClient, Session};
use leptos::prelude::*;
use std::sync::Arc;

/// Header, prerequisites banner, findings summary bar and the four tabs.
#[component]
pub fn Dashboard(
    /// The loaded cluster.
    data: Arc<ClusterData>,
    /// Sends the actions (the same client that loaded `data`).
    client: AnyClient,
    /// The cluster's id.
    cluster: ClusterId,
    /// Demo data, or Azure as a signed-in user.
    source: DataSourceLabel,
    /// Reloads everything from the data source.
    on_refresh: impl Fn() + Send + Sync + 'static,
    /// A reload is in progress (the old data stays on screen meanwhile).
    refreshing: Signal<bool>,
    /// The last Refresh failed with this message; `data` is from the load before it.
    #[prop(default = None)]
    refresh_error: Option<String>,
) -> impl IntoView {
    let retry = Callback::new(move |()| on_refresh());
    let issues = data.issues.clone();
    let info = data.cluster.clone();
    let actions = Session::provide(client, cluster, data);
    let data = actions.data;
    let summary = move || Summary::of(&data.read());
    // Settings can change the plans; the header and the banner follow.
    let plan = Signal::derive(move || data.with(|d| d.plan.clone()));
    let export_open = RwSignal::new(false);
    view! {
        <Header
            cluster=info
            plan=plan
            plan_known=issues.plans.is_none()
            source=source
            refreshing=refreshing
            on_refresh=move || retry.run(())
            on_export=move || export_open.set(true)
        />
        <LazyExportDialog data=data open=export_open refreshing=refreshing />
        <ActionPanels />
        <main class="dashboard">
            {refresh_error
                .map(|message| {
                    view! {
                        <div class="banner banner--error banner--inline" role="alert">
                            <p class="banner__text">
                                "Refresh failed: "{message}
                                " The data below is from the previous load."
                            </p>
                            <button type="button" class="button" on:click=move |_| retry.run(())>
                                "Retry"
                            </button>
                        </div>
                    }
                })}
            {issues.cluster.clone().map(|m| view! { <SourceError message=m on_retry=retry /> })}
            {match issues.plans.clone() {
                Some(m) => view! { <SourceError message=m on_retry=retry /> }.into_any(),
                None => (move || view! { <PrerequisitesBanner plan=plan.get() /> }).into_any(),
            }}
            {move || {
                let (exempted, misconfigurations) = data
                    .with(|d| {
                        (
                            d.recommendations.iter().filter(|r| r.exempted).count(),
                            d.exempted_in(FindingType::Misconfiguration),
                        )
                    });
                let exempted_tab = match misconfigurations {
                    0 => FindingType::Vulnerability,
                    _ => FindingType::Misconfiguration,
                };
                view! {
                    <SummaryBar
                        summary=summary()
                        incomplete=issues.tabs.clone()
                        exempted=exempted
                        exempted_tab=exempted_tab
                    />
                }
            }} <Tabs /> <TabPanel data=data on_retry=retry />
        </main>
    }
}
