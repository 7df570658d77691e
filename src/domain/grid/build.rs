//! Builds the table a tab shows: one row per finding, or the vulnerability pivot's groups.

use super::column::TableKind;
use super::order;
use super::pivot::{self, VulnPivot};
use super::status;
use super::table::{Member, Row, Table};
use crate::domain::finding::{ClusterData, RecommendationKind, Vulnerability};
use crate::domain::format;
use crate::domain::summary::FindingType;

/// The table for `tab`; `pivot` and `fixable_only` apply to the Vulnerability assessment tab,
/// `show_exempted` to it and to Misconfigurations (the tabs whose findings can be exempted).
pub fn build_table(
    data: &ClusterData,
    tab: FindingType,
    pivot: VulnPivot,
    fixable_only: bool,
    show_exempted: bool,
) -> Table {
    let kind = table_kind(tab, pivot);
    let rows = match kind {
        TableKind::Alerts => alerts(data),
        TableKind::Misconfigurations => misconfigurations(data, show_exempted),
        TableKind::Compliance => compliance(data),
        _ => {
            let vulns: Vec<(u32, &Vulnerability)> = (0u32..)
                .zip(&data.vulnerabilities)
                .filter(|(_, v)| !fixable_only || v.fixable())
                .filter(|(_, v)| show_exempted || !v.exempted)
                .collect();
            let applied = &data.applied;
            match pivot {
                VulnPivot::Components => pivot::components(&vulns, applied),
                VulnPivot::Cves => pivot::cves(&vulns, applied),
                VulnPivot::Packages => pivot::packages(&vulns, applied),
                VulnPivot::Findings => pivot::findings(&vulns, applied),
            }
        }
    };
    Table::new(kind, rows)
}

/// Which table a tab shows.
pub fn table_kind(tab: FindingType, pivot: VulnPivot) -> TableKind {
    table_kind_of(tab, pivot)
}

/// Every table a view can show, derived from the tabs and pivots (not listed by hand, so a new
/// tab or pivot is in it at once).
pub fn all_table_kinds() -> Vec<TableKind> {
    let mut kinds: Vec<TableKind> = FindingType::ALL
        .iter()
        .flat_map(|&tab| VulnPivot::ALL.iter().map(move |&p| table_kind_of(tab, p)))
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

fn table_kind_of(tab: FindingType, pivot: VulnPivot) -> TableKind {
    match tab {
        FindingType::Alert => TableKind::Alerts,
        FindingType::Vulnerability => pivot.table(),
        FindingType::Misconfiguration => TableKind::Misconfigurations,
        FindingType::Compliance => TableKind::Compliance,
    }
}

/// Alerts in [`order::alerts`]. Every status is listed (the Status pill narrows it); the
/// summary bar counts the open ones.
fn alerts(data: &ClusterData) -> Vec<Row> {
    order::alerts(data)
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

/// Unhealthy non-vulnerability recommendations in [`order::misconfigurations`], and the
/// exempted ones after them when asked for.
fn misconfigurations(data: &ClusterData, show_exempted: bool) -> Vec<Row> {
    let exempted = match show_exempted {
        true => order::exempted_misconfigurations(data),
        false => Vec::new(),
    };
    order::misconfigurations(data)
        .into_iter()
        .chain(exempted)
        .map(|i| {
            let r = &data.recommendations[i as usize];
            let scope = match r.kind {
                RecommendationKind::Cluster => "Cluster",
                _ => "Containers",
            };
            let (owner, due) = r.owner_and_due();
            let assignment = r.owner.as_ref();
            let eta = assignment
                .and_then(|a| a.eta.as_ref())
                .map(|e| format::utc_date(&e.date))
                .unwrap_or_default();
            let ticket = assignment
                .and_then(|a| a.ticket.as_ref())
                .map(|t| format!("{} ({})", t.number, t.status))
                .unwrap_or_default();
            let cells = vec![
                r.rating.level.label().to_string(),
                r.name.clone(),
                scope.to_string(),
                owner,
                due,
                r.owner_status(data.today),
                eta,
                ticket,
                r.severity.label().to_string(),
                status::label(r.exempted, data.applied.contains(&r.id)).to_string(),
                format::utc_date(&r.last_evaluated),
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
        .collect()
}

/// Failing recommendations in [`order::compliance`]: by standard, then control.
fn compliance(data: &ClusterData) -> Vec<Row> {
    order::compliance(data)
        .into_iter()
        .map(|(s, i)| {
            let f = &data.compliance[s as usize].failing[i as usize];
            let cells = vec![
                f.severity.label().to_string(),
                f.recommendation_name.clone(),
                f.standard.clone(),
                format!("{} {}", f.control, f.control_description),
            ];
            let id = format!("{}/{}/{}", f.standard, f.control, f.recommendation_key);
            Row::new(id, f.severity, cells, "", vec![Member::Compliance(s, i)])
        })
        .collect()
}
