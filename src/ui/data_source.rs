//! What a tab was read from: the data model and API ("Individual recommendations, Azure Resource
//! Graph"), notes about the source, and, on request, the exact queries with Copy and a link that
//! opens each in the cloud's Azure Resource Graph Explorer, as the portal's "Open query" does.

use crate::domain::{ClusterData, DataSource, FindingType, links};
use crate::state::ViewState;
use crate::ui::actions::CopyableCode;
use leptos::prelude::*;
use std::sync::Arc;

/// The open tab's source line and its queries.
#[component]
pub fn DataSourceBar(data: RwSignal<Arc<ClusterData>>) -> impl IntoView {
    let view_state = ViewState::expect();
    let source = move || {
        let tab: FindingType = view_state.tab.get();
        data.with(|d| {
            let source = d.sources.get(&tab)?.clone();
            Some((source, d.cluster.portal.clone()))
        })
    };
    move || {
        let (source, portal) = source()?;
        Some(view! { <SourceDetails source=source portal=portal /> })
    }
}

/// A source's line ("Read from: …"), its notes, and its queries behind "Show query", each with
/// Copy and, for KQL, a link to Resource Graph Explorer on `portal`.
#[component]
pub fn SourceDetails(source: DataSource, portal: String) -> impl IntoView {
    let label = source.label();
    let notes = source
        .notes
        .iter()
        .map(|n| view! { <p class="data-source__note">{n.clone()}</p> })
        .collect_view();
    let queries = source
        .queries
        .into_iter()
        .map(|q| {
            let explorer = q.kql.then(|| {
                let href = links::resource_graph_explorer(&portal, &q.text);
                view! {
                    <a href=href target="_blank" rel="noopener noreferrer">
                        "Open in Resource Graph Explorer"
                    </a>
                }
            });
            view! {
                <li class="data-source__query">
                    <p>{q.description}</p>
                    <CopyableCode text=q.text />
                    {explorer}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="data-source" data-testid="data-source">
            <p class="data-source__label">"Read from: "<strong>{label}</strong></p>
            {notes}
            <details class="data-source__details">
                <summary>"Show query"</summary>
                <ol class="data-source__queries">{queries}</ol>
            </details>
        </div>
    }
}
