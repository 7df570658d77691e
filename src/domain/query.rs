//! Which findings a tab shows, in which order: one derivation for the grid and the CSV export of
//! the current view, so the two can never disagree.

use super::finding::{Alert, ClusterData, ComplianceFinding, Recommendation, Vulnerability};
use super::level::Level;
use super::summary::FindingType;

/// One finding of any type, borrowed from the dataset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FindingRef<'a> {
    Alert(&'a Alert),
    Vulnerability(&'a Vulnerability),
    Misconfiguration(&'a Recommendation),
    Compliance(&'a ComplianceFinding),
}

impl FindingRef<'_> {
    /// The level the finding is ranked and filtered by.
    pub fn level(&self) -> Level {
        match self {
            FindingRef::Alert(a) => a.severity,
            FindingRef::Vulnerability(v) => v.severity,
            FindingRef::Misconfiguration(r) => r.rating.level,
            FindingRef::Compliance(c) => c.severity,
        }
    }
}

/// What the user filtered the tab to.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TabFilter {
    pub level: Option<Level>,
}

/// The findings of one tab, filtered, most urgent first; alerts newest first within a level.
pub fn tab_findings(
    data: &ClusterData,
    tab: FindingType,
    filter: TabFilter,
) -> Vec<FindingRef<'_>> {
    let mut rows: Vec<FindingRef> = match tab {
        FindingType::Alert => {
            let mut alerts: Vec<&Alert> = data.alerts.iter().collect();
            // ISO 8601 UTC timestamps of one format order correctly as text.
            alerts.sort_by(|a, b| b.start_time.cmp(&a.start_time));
            alerts.into_iter().map(FindingRef::Alert).collect()
        }
        FindingType::Vulnerability => data
            .vulnerabilities
            .iter()
            .map(FindingRef::Vulnerability)
            .collect(),
        FindingType::Misconfiguration => data
            .misconfigurations()
            .map(FindingRef::Misconfiguration)
            .collect(),
        FindingType::Compliance => data
            .compliance_findings()
            .map(FindingRef::Compliance)
            .collect(),
    };
    if let Some(level) = filter.level {
        rows.retain(|r| r.level() == level);
    }
    rows.sort_by_key(FindingRef::level);
    rows
}
