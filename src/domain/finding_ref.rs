//! A finding of any type, borrowed from the dataset: what the CSV report and the details pane
//! take. Which findings a view shows, and in which order, is `grid`'s business.

use super::finding::{Alert, ComplianceFinding, Recommendation, Vulnerability};
use super::level::Level;

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
