//! The findings summary bar: counts per finding type and level.

use super::finding::ClusterData;
use super::level::{Level, RatingBasis};

/// The four kinds of finding, in the order of the dashboard's tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingType {
    #[default]
    Alert,
    Vulnerability,
    Misconfiguration,
    Compliance,
}

impl FindingType {
    /// Every finding type, in tab order.
    pub const ALL: [FindingType; 4] = [
        FindingType::Alert,
        FindingType::Vulnerability,
        FindingType::Misconfiguration,
        FindingType::Compliance,
    ];

    /// The tab's label, as the seeds spell it.
    pub fn tab_label(self) -> &'static str {
        match self {
            FindingType::Alert => "Security alerts",
            FindingType::Vulnerability => "Vulnerability assessment",
            FindingType::Misconfiguration => "Misconfigurations",
            FindingType::Compliance => "Compliance",
        }
    }

    /// Parses [`FindingType::as_str`].
    pub fn parse(text: &str) -> Option<FindingType> {
        FindingType::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The stable id used in URLs, test ids and CSV (`type` column).
    pub fn as_str(self) -> &'static str {
        match self {
            FindingType::Alert => "alert",
            FindingType::Vulnerability => "vulnerability",
            FindingType::Misconfiguration => "misconfiguration",
            FindingType::Compliance => "compliance",
        }
    }
}

/// Counts for one finding type, per level, highest level first.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub finding_type: FindingType,
    /// Whether the counts are by Defender CSPM risk level or by severity.
    pub basis: RatingBasis,
    pub counts: Vec<(Level, usize)>,
}

impl SummaryRow {
    /// Total issues of this type.
    pub fn total(&self) -> usize {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// The count at one level (0 when absent).
    pub fn count(&self, level: Level) -> usize {
        self.counts
            .iter()
            .find(|(l, _)| *l == level)
            .map_or(0, |(_, n)| *n)
    }
}

/// The whole summary bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub rows: Vec<SummaryRow>,
}

impl Summary {
    /// Counts the open issues of each type: open alerts by severity, vulnerability findings by
    /// severity, unhealthy misconfigurations by risk (or severity) and failing compliance rows by
    /// severity. Levels with no issue are left out.
    pub fn of(data: &ClusterData) -> Summary {
        let alerts = data
            .alerts
            .iter()
            .filter(|a| a.status.is_open())
            .map(|a| a.severity);
        let vulns = data.open_vulnerabilities().map(|v| v.severity);
        let misconfig_basis = if data
            .misconfigurations()
            .any(|r| r.rating.basis == RatingBasis::Risk)
        {
            RatingBasis::Risk
        } else {
            RatingBasis::Severity
        };
        let misconfigs = data.misconfigurations().map(|r| r.rating.level);
        let compliance = data.compliance_findings().map(|c| c.severity);
        Summary {
            rows: vec![
                row(FindingType::Alert, RatingBasis::Severity, alerts),
                row(FindingType::Vulnerability, RatingBasis::Severity, vulns),
                row(FindingType::Misconfiguration, misconfig_basis, misconfigs),
                row(FindingType::Compliance, RatingBasis::Severity, compliance),
            ],
        }
    }

    /// The row of one finding type.
    pub fn row(&self, finding_type: FindingType) -> Option<&SummaryRow> {
        self.rows.iter().find(|r| r.finding_type == finding_type)
    }
}

fn row(
    finding_type: FindingType,
    basis: RatingBasis,
    levels: impl Iterator<Item = Level>,
) -> SummaryRow {
    let mut tally = [0usize; Level::ALL.len()];
    for level in levels {
        tally[level as usize] += 1;
    }
    let counts = Level::ALL
        .iter()
        .zip(tally)
        .filter(|(_, n)| *n > 0)
        .map(|(l, n)| (*l, n))
        .collect();
    SummaryRow {
        finding_type,
        basis,
        counts,
    }
}
