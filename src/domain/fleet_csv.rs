//! The fleet's CSV report: one row per cluster, with the `csv` crate, made safe for spreadsheets
//! as the findings report's Excel variant is (BOM, formulas neutralised). A count that is not
//! known is an empty cell, and `counts` says why: never a zero.

use super::csv::{BOM, excel_cell};
use super::fleet::{Counts, Fleet, FleetCluster};
use super::level::Level;

/// One cluster's row, in column order (documented in README.md; new columns go at the end).
#[derive(Debug, Default, serde::Serialize)]
struct FleetRecord {
    cluster_id: String,
    cluster: String,
    subscription: String,
    subscription_id: String,
    resource_group: String,
    location: String,
    kubernetes_version: String,
    defender_for_containers: String,
    defender_cspm: String,
    /// "known", or why not ("Not known", "Not assessed").
    counts: String,
    alerts_critical: String,
    alerts_high: String,
    alerts_medium: String,
    alerts_low: String,
    alerts_informational: String,
    cves_critical: String,
    cves_high: String,
    cves_medium: String,
    cves_low: String,
    cves_informational: String,
    images_affected: String,
    misconfigurations_critical: String,
    misconfigurations_high: String,
    misconfigurations_medium: String,
    misconfigurations_low: String,
    misconfigurations_informational: String,
    overdue_owners: String,
    exemptions_expiring: String,
}

/// Five cells of `counts`, or five empty ones when not known.
fn five(counts: Option<&Counts>) -> [String; 5] {
    Level::ALL.map(|l| counts.map(|c| c.at(l).to_string()).unwrap_or_default())
}

fn record(c: &FleetCluster) -> FleetRecord {
    let p = c.posture.as_ref().ok();
    let [
        alerts_critical,
        alerts_high,
        alerts_medium,
        alerts_low,
        alerts_informational,
    ] = five(p.map(|p| &p.alerts));
    let [
        cves_critical,
        cves_high,
        cves_medium,
        cves_low,
        cves_informational,
    ] = five(p.map(|p| &p.cves));
    let [
        misconfigurations_critical,
        misconfigurations_high,
        misconfigurations_medium,
        misconfigurations_low,
        misconfigurations_informational,
    ] = five(p.map(|p| &p.misconfigurations));
    let text = |s: &str| excel_cell(s).into_owned();
    FleetRecord {
        cluster_id: c.id.clone(),
        cluster: text(&c.name),
        subscription: text(&c.subscription),
        subscription_id: c.subscription_id.clone(),
        resource_group: text(&c.resource_group),
        location: text(&c.location),
        kubernetes_version: text(&c.kubernetes_version),
        defender_for_containers: c.containers.label().into(),
        defender_cspm: match c.cspm {
            Some(true) => "On",
            Some(false) => "Off",
            None => "Not known",
        }
        .into(),
        counts: match &c.posture {
            Ok(_) => "known".into(),
            Err(why) => why.label().into(),
        },
        alerts_critical,
        alerts_high,
        alerts_medium,
        alerts_low,
        alerts_informational,
        cves_critical,
        cves_high,
        cves_medium,
        cves_low,
        cves_informational,
        images_affected: p.map(|p| p.images.to_string()).unwrap_or_default(),
        misconfigurations_critical,
        misconfigurations_high,
        misconfigurations_medium,
        misconfigurations_low,
        misconfigurations_informational,
        overdue_owners: p.map(|p| p.overdue.to_string()).unwrap_or_default(),
        exemptions_expiring: p
            .map(|p| p.expiring_exemptions.to_string())
            .unwrap_or_default(),
    }
}

/// The report: a BOM, the header, one row per cluster in the fleet's order.
pub fn fleet_csv(fleet: &Fleet) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    for c in &fleet.clusters {
        writer.serialize(record(c))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fleet::{ContainersPlan, Posture, Unknown};

    fn cluster(name: &str, posture: Result<Posture, Unknown>) -> FleetCluster {
        FleetCluster {
            id: format!("/subscriptions/s/resourceGroups/g/providers/x/managedClusters/{name}"),
            name: name.into(),
            subscription_id: "s".into(),
            subscription: "=HYPERLINK(\"x\")".into(),
            resource_group: "g".into(),
            location: "westeurope".into(),
            kubernetes_version: "1.31.2".into(),
            containers: ContainersPlan::ClusterOn,
            cspm: None,
            posture,
        }
    }

    #[test]
    fn one_row_per_cluster_unknown_counts_empty_and_formulas_neutralised() {
        let known = Posture {
            cves: Counts([4, 2, 0, 0, 0]),
            images: 3,
            ..Posture::default()
        };
        let fleet = Fleet {
            clusters: vec![
                cluster("a", Ok(known)),
                cluster("b", Err(Unknown::QueryFailed)),
            ],
            ..Fleet::default()
        };
        let bytes = fleet_csv(&fleet).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header.len(), 28);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let at = |row: &csv::StringRecord, column: &str| {
            row[header.iter().position(|h| h == column).unwrap()].to_string()
        };
        assert_eq!(at(&rows[0], "cves_critical"), "4");
        assert_eq!(at(&rows[0], "images_affected"), "3");
        assert_eq!(at(&rows[1], "cves_critical"), "");
        assert_eq!(at(&rows[1], "counts"), "Not known");
        assert_eq!(
            at(&rows[0], "defender_for_containers"),
            "On (cluster override)"
        );
        assert!(
            at(&rows[0], "subscription").starts_with('\''),
            "formula neutralised"
        );
    }
}
