//! The content of each tab: the cluster's findings of that type as table rows.

use super::findings_table::{FindingsTable, TableRow};
use crate::domain::{
    ClusterData, FindingRef, FindingType, RecommendationKind, TabFilter, format, tab_findings,
};
use crate::state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

/// The open tab's panel, filtered to the level picked in the summary bar.
#[component]
pub fn TabPanel(
    /// The loaded cluster.
    data: Arc<ClusterData>,
) -> impl IntoView {
    let view_state = ViewState::expect();
    let panel = move || {
        let tab = view_state.tab.get();
        let level = view_state.level.get();
        let rows: Vec<TableRow> = tab_findings(&data, tab, TabFilter { level })
            .into_iter()
            .map(table_row)
            .collect();
        let (level_header, columns) = headers(tab);
        view! {
            {level.map(|l| view! {
                <p class="pill-filters">
                    <button type="button" class="pill" aria-label=format!("Remove filter Level: {}", l.label()) on:click=move |_| view_state.level.set(None)>
                        {format!("Level: {}", l.label())}" ✕"
                    </button>
                </p>
            })}
            <FindingsTable caption=tab.tab_label() level_header=level_header columns=columns rows=Signal::stored(rows)/>
        }
    };
    view! {
        <section id="tab-panel" class="tab-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", view_state.tab.get().as_str())>
            {panel}
        </section>
    }
}

fn headers(tab: FindingType) -> (&'static str, Vec<&'static str>) {
    match tab {
        FindingType::Alert => (
            "Severity",
            vec![
                "Alert",
                "Status",
                "Affected entity",
                "MITRE tactic",
                "Start time",
            ],
        ),
        FindingType::Vulnerability => (
            "Severity",
            vec![
                "CVE",
                "Component",
                "Package",
                "Installed",
                "Fixed in",
                "CVSS",
            ],
        ),
        FindingType::Misconfiguration => (
            "Risk level",
            vec!["Recommendation", "Scope", "Owner", "Due date"],
        ),
        FindingType::Compliance => ("Severity", vec!["Recommendation", "Standard", "Control"]),
    }
}

fn table_row(finding: FindingRef) -> TableRow {
    let level = finding.level();
    match finding {
        FindingRef::Alert(a) => {
            let (tactic, start) = (format::words(&a.tactic), format::utc_minutes(&a.start_time));
            row(
                &a.id,
                level,
                [&a.title, a.status.label(), &a.entity, &tactic, &start],
            )
        }
        FindingRef::Vulnerability(v) => {
            let cvss = v.cvss.map(|c| format!("{c:.1}")).unwrap_or_default();
            let fixed = v.fixed_version.as_deref().unwrap_or("No fix");
            row(
                &v.id,
                level,
                [
                    &v.cve,
                    &v.component.display_name(),
                    &v.package,
                    &v.installed_version,
                    fixed,
                    &cvss,
                ],
            )
        }
        FindingRef::Misconfiguration(r) => {
            let scope = if r.kind == RecommendationKind::Cluster {
                "Cluster"
            } else {
                "Containers"
            };
            let owner = r.owner.as_ref().map_or("Unassigned", |o| o.owner.as_str());
            let due = r
                .owner
                .as_ref()
                .map_or(String::new(), |o| format::utc_date(&o.due_date));
            row(&r.id, level, [&r.name, scope, owner, &due])
        }
        FindingRef::Compliance(c) => {
            let id = format!("{}/{}/{}", c.standard, c.control, c.recommendation_key);
            let control = format!("{} {}", c.control, c.control_description);
            row(&id, level, [&c.recommendation_name, &c.standard, &control])
        }
    }
}

fn row<const N: usize>(id: &str, level: crate::domain::Level, cells: [&str; N]) -> TableRow {
    TableRow {
        id: id.to_string(),
        level,
        cells: cells.iter().map(|c| c.to_string()).collect(),
    }
}
