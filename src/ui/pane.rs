//! The details pane: opens beside the grid for the row the user picked (click or Enter), shows
//! everything about the finding, and closes with its button or Escape. Its content is chosen
//! by what the row stands for.

mod alert;
mod compliance;
mod parts;
mod raw_data;
mod recommendation;
mod vulnerability;

use crate::browser::focus;
use crate::domain::grid::{Member, Table};
use crate::domain::{ClusterData, FindingRef};
use crate::state::{Shared, ViewState};
use crate::ui::lazy::{deferred, in_place, lazy_part};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use std::sync::Arc;

/// The side pane for the open row, if any.
#[component]
pub fn DetailsPane(
    /// The cluster on screen (updated in place by actions).
    data: RwSignal<Arc<ClusterData>>,
    /// The table on screen (the open id is one of its rows).
    table: Memo<Shared<Table>>,
) -> impl IntoView {
    let view_state = ViewState::expect();
    let row = move || {
        let id = view_state.open.get()?;
        table.with(|t| t.row(&id).cloned())
    };
    let close = move || {
        view_state.open.set(None);
        // Back to the row the pane was opened from (the grid's cursor row), as a dialog would.
        focus::focus_first("#tab-panel tr.grid__row[tabindex='0']", "tab-panel");
    };
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    // Move focus into the pane when it opens, so keyboard and screen-reader users land there.
    Effect::new(move |_| {
        if view_state.open.get().is_some() {
            focus::focus_id_later("pane-title");
        }
    });
    move || {
        let row = row()?;
        let title = crate::ui::shown(row.cells.get(1).map_or("", String::as_str));
        let table = table.get();
        let content = deferred("the details", load_details, in_place, move |content| {
            data.with(|d| content(d, &row.members, &table))
        });
        Some(view! {
            <aside class="pane" aria-labelledby="pane-title" on:keydown=on_key>
                <header class="pane__header">
                    <h2 id="pane-title" class="pane__title" tabindex="-1">
                        {title}
                    </h2>
                    <button
                        type="button"
                        class="button button--subtle pane__close"
                        aria-label="Close details"
                        on:click=move |_| close()
                    >
                        "✕"
                    </button>
                </header>
                <div class="pane__body">{content}</div>
            </aside>
        })
    }
}

// The pane's bodies (remediation markup, raw data, vulnerability pivots) are a lazy part: the
// first paint shows no pane.
type Details = fn(&ClusterData, &[Member], &Table) -> AnyView;
lazy_part!(load_details, details_part -> Details = content);

/// The pane's body for the row's findings, then the raw data behind them.
fn content(data: &ClusterData, members: &[Member], table: &Table) -> AnyView {
    let findings: Vec<FindingRef> = members.iter().filter_map(|m| m.resolve(data)).collect();
    let details = details(data, &findings, table);
    let raw = raw_source(data, &findings).map(|id| {
        view! { <raw_data::RawDataSection id=id portal=data.cluster.portal.clone() /> }
    });
    view! {
        {details}
        {raw}
    }
    .into_any()
}

/// The one resource the row's findings were read from, when there is one: an alert, a
/// recommendation, or the assessment of individual vulnerability findings.
fn raw_source(data: &ClusterData, findings: &[FindingRef]) -> Option<String> {
    let ids: std::collections::BTreeSet<String> = findings
        .iter()
        .map(|f| match f {
            FindingRef::Alert(a) => Some(a.id.clone()),
            FindingRef::Misconfiguration(r) => Some(r.id.clone()),
            FindingRef::Vulnerability(v) => Some(crate::state::raw::source_id(&v.id).to_string()),
            FindingRef::Compliance(c) => data
                .recommendations
                .iter()
                .find(|r| r.key.eq_ignore_ascii_case(&c.recommendation_key))
                .map(|r| r.id.clone()),
        })
        .collect::<Option<_>>()?;
    (ids.len() == 1).then(|| ids.into_iter().next()).flatten()
}

fn details(data: &ClusterData, findings: &[FindingRef], table: &Table) -> AnyView {
    match findings.first() {
        Some(FindingRef::Alert(a)) => alert::details(a, &data.cluster).into_any(),
        Some(FindingRef::Misconfiguration(r)) => {
            recommendation::details(r, &data.cluster.portal, data.today).into_any()
        }
        Some(FindingRef::Compliance(c)) => compliance::details(c, data).into_any(),
        Some(FindingRef::Vulnerability(_)) => {
            let vulns = findings
                .iter()
                .filter_map(|f| match f {
                    FindingRef::Vulnerability(v) => Some(*v),
                    _ => None,
                })
                .collect();
            vulnerability::details(table.kind, vulns, data).into_any()
        }
        None => {
            view! { <p>"This item is no longer in the data. Refresh to see the current state."</p> }
                .into_any()
        }
    }
}
