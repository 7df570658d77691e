//! The content of each tab: the cluster's findings of that type as table rows.

use super::findings_table::{FindingsTable, TableRow};
use crate::domain::{ClusterData, FindingType, Level, format};
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
        let (level_header, columns, mut rows) = rows_of(&data, tab);
        if let Some(level) = level {
            rows.retain(|r| r.level == level);
        }
        // Stable: within a level, rows keep the order `rows_of` gave them (alerts newest first).
        rows.sort_by_key(|r| r.level);
        let caption = tab.tab_label();
        view! {
            {level.map(|l| view! {
                <p class="pill-filters">
                    <button type="button" class="pill" aria-label=format!("Remove filter Level: {}", l.label()) on:click=move |_| view_state.level.set(None)>
                        {format!("Level: {}", l.label())}" ✕"
                    </button>
                </p>
            })}
            <FindingsTable caption=caption level_header=level_header columns=columns rows=Signal::stored(rows)/>
        }
    };
    view! {
        <section id="tab-panel" class="tab-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", view_state.tab.get().as_str())>
            {panel}
        </section>
    }
}

type Rows = (&'static str, Vec<&'static str>, Vec<TableRow>);

fn rows_of(data: &ClusterData, tab: FindingType) -> Rows {
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
            newest_first(&data.alerts)
                .into_iter()
                .map(|a| {
                    let (tactic, start) =
                        (format::words(&a.tactic), format::utc_minutes(&a.start_time));
                    row(
                        &a.id,
                        a.severity,
                        [&a.title, a.status.label(), &a.entity, &tactic, &start],
                    )
                })
                .collect(),
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
            data.vulnerabilities
                .iter()
                .map(|v| {
                    let cvss = v.cvss.map(|c| format!("{c:.1}")).unwrap_or_default();
                    let fixed = v.fixed_version.as_deref().unwrap_or("No fix");
                    row(
                        &v.id,
                        v.severity,
                        [
                            &v.cve,
                            &v.component.display_name(),
                            &v.package,
                            &v.installed_version,
                            fixed,
                            &cvss,
                        ],
                    )
                })
                .collect(),
        ),
        FindingType::Misconfiguration => (
            "Risk level",
            vec!["Recommendation", "Scope", "Owner", "Due date"],
            data.misconfigurations()
                .map(|r| {
                    let scope = match r.kind {
                        crate::domain::RecommendationKind::Cluster => "Cluster",
                        _ => "Containers",
                    };
                    let owner = r
                        .owner
                        .as_ref()
                        .map(|o| o.owner.as_str())
                        .unwrap_or("Unassigned");
                    let due = r
                        .owner
                        .as_ref()
                        .map(|o| o.due_date.get(..10).unwrap_or(&o.due_date))
                        .unwrap_or("");
                    row(&r.id, r.rating.level, [&r.name, scope, owner, due])
                })
                .collect(),
        ),
        FindingType::Compliance => (
            "Severity",
            vec!["Recommendation", "Standard", "Control"],
            data.compliance_findings()
                .map(|c| {
                    let id = format!("{}/{}/{}", c.standard, c.control, c.recommendation_key);
                    let control = format!("{} {}", c.control, c.control_description);
                    row(
                        &id,
                        c.severity,
                        [&c.recommendation_name, &c.standard, &control],
                    )
                })
                .collect(),
        ),
    }
}

fn row<const N: usize>(id: &str, level: Level, cells: [&str; N]) -> TableRow {
    TableRow {
        id: id.to_string(),
        level,
        cells: cells.iter().map(|c| c.to_string()).collect(),
    }
}

/// Alerts newest first: ISO 8601 UTC timestamps of one format sort as text.
fn newest_first(alerts: &[crate::domain::Alert]) -> Vec<&crate::domain::Alert> {
    let mut sorted: Vec<_> = alerts.iter().collect();
    sorted.sort_by(|a, b| b.start_time.cmp(&a.start_time));
    sorted
}
