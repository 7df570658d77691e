//! The session's activity list: every mutation sent, when, and how it ended.

use super::RequestPreview;

/// One action the user took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityEntry {
    /// Local time, `HH:MM:SS`.
    pub time: String,
    /// "Change alert status to Resolved", "Quick Fix: Install the Azure Policy add-on"…
    pub what: String,
    /// What it was done to (one name, or "3 alerts").
    pub target: String,
    /// `Ok(summary)` or `Err(why)`; a partly failed bulk run is an `Err` with both counts.
    pub outcome: Result<String, String>,
    /// The requests that were sent.
    pub requests: Vec<RequestPreview>,
}
