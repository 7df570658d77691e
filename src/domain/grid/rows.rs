//! Builds the table a tab shows: one row per finding, or the vulnerability pivot's groups.

use super::column::TableKind;
use super::pivot::{self, VulnPivot};
use super::row::{Member, Row, Table};
use super::version;
use crate::domain::finding::{ClusterData, RecommendationKind, Vulnerability};
use crate::domain::format;
use crate::domain::summary::FindingType;

/// The table for `tab`; `pivot` and `fixable_only` apply to the Vulnerability assessment tab.
pub fn build_table(
    data: &ClusterData,
    tab: FindingType,
    pivot: VulnPivot,
    fixable_only: bool,
) -> Table {
    let kind = table_kind(tab, pivot);
    let rows = match kind {
        TableKind::Alerts => alerts(data),
        TableKind::Misconfigurations => misconfigurations(data),
        TableKind::Compliance => compliance(data),
        _ => {
            let vulns: Vec<(u32, &Vulnerability)> = (0u32..)
                .zip(&data.vulnerabilities)
                .filter(|(_, v)| !fixable_only || v.fixable())
                .collect();
            match pivot {
                VulnPivot::Components => pivot::components(&vulns),
                VulnPivot::Cves => pivot::cves(&vulns),
                VulnPivot::Packages => pivot::packages(&vulns),
                VulnPivot::Findings => pivot::findings(&vulns),
            }
        }
    };
    Table { kind, rows }
}

/// Which table a tab shows.
pub fn table_kind(tab: FindingType, pivot: VulnPivot) -> TableKind {
    match tab {
        FindingType::Alert => TableKind::Alerts,
        FindingType::Vulnerability => pivot.table(),
        FindingType::Misconfiguration => TableKind::Misconfigurations,
        FindingType::Compliance => TableKind::Compliance,
    }
}

/// Alerts, most severe first, newest first within a level. Every status is listed (the Status
/// pill narrows it); the summary bar counts the open ones.
fn alerts(data: &ClusterData) -> Vec<Row> {
    let mut order: Vec<u32> = (0..data.alerts.len() as u32).collect();
    // ISO 8601 UTC timestamps of one format order correctly as text.
    order.sort_by(|&a, &b| {
        let (a, b) = (&data.alerts[a as usize], &data.alerts[b as usize]);
        a.severity
            .cmp(&b.severity)
            .then(b.start_time.cmp(&a.start_time))
    });
    order
        .into_iter()
        .map(|i| {
            let a = &data.alerts[i as usize];
            let cells = vec![
                a.severity.label().to_string(),
                a.title.clone(),
                a.status.label().to_string(),
                a.entity.clone(),
                format::words(&a.tactic),
                format::utc_minutes(&a.start_time),
                a.alert_type.clone(),
            ];
            Row::new(a.id.clone(), a.severity, cells, "", vec![Member::Alert(i)])
        })
        .collect()
}

/// Unhealthy non-vulnerability recommendations, highest risk first.
fn misconfigurations(data: &ClusterData) -> Vec<Row> {
    let mut rows: Vec<Row> = (0u32..)
        .zip(&data.recommendations)
        .filter(|(_, r)| r.unhealthy && r.kind != RecommendationKind::Vulnerability)
        .map(|(i, r)| {
            let scope = match r.kind {
                RecommendationKind::Cluster => "Cluster",
                _ => "Containers",
            };
            let (owner, due) = match &r.owner {
                Some(o) => (o.owner.clone(), format::utc_date(&o.due_date)),
                None => ("Unassigned".to_string(), String::new()),
            };
            let cells = vec![
                r.rating.level.label().to_string(),
                r.name.clone(),
                scope.to_string(),
                owner,
                due,
                r.severity.label().to_string(),
            ];
            let extra = r.threats.join(" ");
            Row::new(
                r.id.clone(),
                r.rating.level,
                cells,
                &extra,
                vec![Member::Recommendation(i)],
            )
        })
        .collect();
    rows.sort_by(|a, b| a.level.cmp(&b.level).then(a.cells[1].cmp(&b.cells[1])));
    rows
}

/// Failing recommendations grouped by standard, then control (in the standard's numbering),
/// most severe first within a control.
fn compliance(data: &ClusterData) -> Vec<Row> {
    let mut rows: Vec<(Row, &str, &str)> = Vec::new();
    for (s, standard) in (0u32..).zip(&data.compliance) {
        for (i, f) in (0u32..).zip(&standard.failing) {
            let cells = vec![
                f.severity.label().to_string(),
                f.recommendation_name.clone(),
                f.standard.clone(),
                format!("{} {}", f.control, f.control_description),
            ];
            let id = format!("{}/{}/{}", f.standard, f.control, f.recommendation_key);
            let row = Row::new(id, f.severity, cells, "", vec![Member::Compliance(s, i)]);
            rows.push((row, &f.standard, &f.control));
        }
    }
    rows.sort_by(|(a, sa, ca), (b, sb, cb)| {
        sa.cmp(sb)
            .then(version::compare(ca, cb))
            .then(a.level.cmp(&b.level))
    });
    rows.into_iter().map(|(row, _, _)| row).collect()
}
