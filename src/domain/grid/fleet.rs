//! The fleet view's table: one row per cluster, its level the most urgent open finding's.

use super::column::TableKind;
use super::table::{Row, Table};
use crate::domain::fleet::{Fleet, FleetCluster, Posture};
use crate::domain::level::Level;

/// The fleet's rows, most urgent first: by highest level, then by how many open items are at
/// that level (the cluster with 40 critical CVEs before the one with 1), then by name.
pub fn fleet_table(fleet: &Fleet) -> Table {
    let mut clusters: Vec<&FleetCluster> = fleet.clusters.iter().collect();
    // Clusters with nothing found (or nothing known) come after every level.
    let rank = |c: &FleetCluster| {
        let posture = c.posture.as_ref().ok();
        match posture.and_then(|p| p.highest().map(|l| (p, l))) {
            Some((p, level)) => {
                let at = p.alerts.at(level) + p.cves.at(level) + p.misconfigurations.at(level);
                (level as usize, std::cmp::Reverse(at))
            }
            None => (
                Level::ALL.len() + usize::from(posture.is_none()),
                std::cmp::Reverse(0),
            ),
        }
    };
    clusters.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.name.cmp(&b.name)));
    Table::new(TableKind::Fleet, clusters.into_iter().map(row).collect())
}

fn row(c: &FleetCluster) -> Row {
    let highest = c.posture.as_ref().ok().and_then(Posture::highest);
    let level_text = match (&c.posture, highest) {
        (Ok(_), Some(level)) => level.label().to_string(),
        (Ok(_), None) => "None".to_string(),
        (Err(why), _) => why.label().to_string(),
    };
    let count = |read: fn(&Posture) -> u64| match &c.posture {
        Ok(p) => read(p).to_string(),
        Err(why) => why.label().to_string(),
    };
    let has_high = match &c.posture {
        Ok(p) if p.alerts.at(Level::High) > 0 => "Yes",
        Ok(_) => "No",
        Err(why) => why.label(),
    };
    let cells = vec![
        level_text,
        c.name.clone(),
        c.subscription.clone(),
        c.resource_group.clone(),
        c.location.clone(),
        c.kubernetes_version.clone(),
        c.containers.label().to_string(),
        match c.cspm {
            Some(true) => "On",
            Some(false) => "Off",
            None => "Not known",
        }
        .to_string(),
        count(|p| p.alerts.at(Level::High)),
        count(|p| p.alerts.at(Level::Medium)),
        count(|p| p.alerts.at(Level::Low)),
        has_high.to_string(),
        count(|p| p.cves.at(Level::Critical)),
        count(|p| p.cves.at(Level::High)),
        count(|p| p.images),
        count(|p| p.misconfigurations.at(Level::High)),
        count(|p| p.misconfigurations.at(Level::Medium)),
        count(|p| p.misconfigurations.at(Level::Low)),
        count(|p| p.overdue),
        count(|p| p.expiring_exemptions),
    ];
    // The id and subscription id are searchable too (pasted from the portal).
    let extra = format!("{} {}", c.id, c.subscription_id);
    Row::new(
        c.id.clone(),
        highest.unwrap_or(Level::Informational),
        cells,
        &extra,
        Vec::new(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fleet::{ContainersPlan, Counts, Unknown};

    fn cluster(name: &str, posture: Result<Posture, Unknown>) -> FleetCluster {
        FleetCluster {
            id: format!(
                "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/\
                 managedClusters/{name}"
            ),
            name: name.into(),
            subscription_id: "s".into(),
            subscription: "Contoso".into(),
            resource_group: "g".into(),
            location: "westeurope".into(),
            kubernetes_version: "1.31.2".into(),
            containers: ContainersPlan::Subscription,
            cspm: Some(true),
            posture,
        }
    }

    #[test]
    fn rows_have_a_cell_per_column_most_urgent_first_and_unknown_is_never_zero() {
        let high = Posture {
            alerts: Counts([0, 2, 0, 0, 0]),
            ..Posture::default()
        };
        let more_high = Posture {
            alerts: Counts([0, 1, 0, 0, 0]),
            misconfigurations: Counts([0, 4, 0, 0, 0]),
            ..Posture::default()
        };
        let critical = Posture {
            cves: Counts([1, 0, 0, 0, 0]),
            ..Posture::default()
        };
        let fleet = Fleet {
            clusters: vec![
                cluster("clean", Ok(Posture::default())),
                cluster("unknown", Err(Unknown::SubscriptionUnreadable)),
                cluster("high", Ok(high)),
                cluster("critical", Ok(critical)),
                cluster("more-high", Ok(more_high)),
            ],
            ..Fleet::default()
        };
        let table = fleet_table(&fleet);
        let columns = TableKind::Fleet.columns();
        for row in &table.rows {
            assert_eq!(row.cells.len(), columns.len(), "{}", row.id);
        }
        let names: Vec<&str> = table.rows.iter().map(|r| r.cells[1].as_str()).collect();
        assert_eq!(names, ["critical", "more-high", "high", "clean", "unknown"]);
        let cell = |name: &str, column: &str| {
            let row = table.rows.iter().find(|r| r.cells[1] == name).unwrap();
            row.cells[TableKind::Fleet.column_index(column).unwrap()].clone()
        };
        assert_eq!(cell("high", "alerts-high"), "2");
        assert_eq!(cell("high", "has-high"), "Yes");
        assert_eq!(cell("clean", "critical"), "0");
        assert_eq!(cell("clean", "level"), "None");
        assert_eq!(cell("unknown", "critical"), "Not known");
        assert_eq!(cell("unknown", "level"), "Not known");
    }
}
