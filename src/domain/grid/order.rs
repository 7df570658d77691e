//! The natural order of each tab's findings, most urgent first. The grid builds its rows in this
//! order and the whole-cluster CSV report lists findings in it, so the two cannot disagree.

use super::table::Member;
use super::version;
use crate::domain::finding::{ClusterData, RecommendationKind, Vulnerability};
use crate::domain::summary::FindingType;

/// Alerts by severity, newest first within a level. Every status is listed.
pub fn alerts(data: &ClusterData) -> Vec<u32> {
    let mut order: Vec<u32> = (0..data.alerts.len() as u32).collect();
    // ISO 8601 UTC timestamps of one format order correctly as text.
    order.sort_by(|&a, &b| {
        let (a, b) = (&data.alerts[a as usize], &data.alerts[b as usize]);
        a.severity
            .cmp(&b.severity)
            .then(b.start_time.cmp(&a.start_time))
    });
    order
}

/// Unhealthy non-vulnerability recommendations, highest risk first, then by name.
pub fn misconfigurations(data: &ClusterData) -> Vec<u32> {
    let recs = &data.recommendations;
    let mut order: Vec<u32> = (0u32..)
        .zip(recs)
        .filter(|(_, r)| r.unhealthy && r.kind != RecommendationKind::Vulnerability)
        .map(|(i, _)| i)
        .collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&recs[a as usize], &recs[b as usize]);
        a.rating
            .level
            .cmp(&b.rating.level)
            .then(a.name.cmp(&b.name))
    });
    order
}

/// Exempted non-vulnerability recommendations (Not applicable, cause Exempt), by name.
pub fn exempted_misconfigurations(data: &ClusterData) -> Vec<u32> {
    let recs = &data.recommendations;
    let mut order: Vec<u32> = (0u32..)
        .zip(recs)
        .filter(|(_, r)| r.exempted && r.kind != RecommendationKind::Vulnerability)
        .map(|(i, _)| i)
        .collect();
    order.sort_by(|&a, &b| recs[a as usize].name.cmp(&recs[b as usize].name));
    order
}

/// Failing compliance rows (standard index, row index) by standard, then control in the
/// standard's numbering, most severe first within a control.
pub fn compliance(data: &ClusterData) -> Vec<(u32, u32)> {
    let mut order: Vec<(u32, u32)> = (0u32..)
        .zip(&data.compliance)
        .flat_map(|(s, standard)| (0u32..).zip(&standard.failing).map(move |(i, _)| (s, i)))
        .collect();
    let row = |&(s, i): &(u32, u32)| &data.compliance[s as usize].failing[i as usize];
    order.sort_by(|a, b| {
        let (a, b) = (row(a), row(b));
        a.standard
            .cmp(&b.standard)
            .then(version::compare(&a.control, &b.control))
            .then(a.severity.cmp(&b.severity))
    });
    order
}

/// Vulnerability findings by severity, highest CVSS first within a level.
pub fn vulnerabilities<'a>(vulns: &[(u32, &'a Vulnerability)]) -> Vec<(u32, &'a Vulnerability)> {
    let mut ordered = vulns.to_vec();
    ordered.sort_by(|(_, a), (_, b)| {
        a.severity
            .cmp(&b.severity)
            .then(b.cvss.unwrap_or(-1.0).total_cmp(&a.cvss.unwrap_or(-1.0)))
    });
    ordered
}

/// Every finding of `tab`, one member each, in natural order (vulnerabilities one per finding).
pub fn findings(data: &ClusterData, tab: FindingType) -> Vec<Member> {
    match tab {
        FindingType::Alert => alerts(data).into_iter().map(Member::Alert).collect(),
        FindingType::Misconfiguration => misconfigurations(data)
            .into_iter()
            .map(Member::Recommendation)
            .collect(),
        FindingType::Compliance => compliance(data)
            .into_iter()
            .map(|(s, i)| Member::Compliance(s, i))
            .collect(),
        FindingType::Vulnerability => {
            // The report lists what needs work: exempted findings are left out, as they are
            // from the summary's counts.
            let all: Vec<_> = (0u32..)
                .zip(&data.vulnerabilities)
                .filter(|(_, v)| !v.exempted)
                .collect();
            vulnerabilities(&all)
                .into_iter()
                .map(|(i, _)| Member::Vulnerability(i))
                .collect()
        }
    }
}
