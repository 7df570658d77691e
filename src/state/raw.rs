//! A finding's raw data, read on demand: the Resource Graph row it was mapped from, pretty
//! printed, and the query that read it (so the user can run it in Resource Graph Explorer). Read
//! when asked for rather than kept from the load: a 50,000-finding cluster would otherwise hold
//! every row's JSON twice.

use crate::arm::graph;
use crate::arm::queries;
use crate::arm::{ArmClient, Transport};

/// What a pane shows under "Raw data".
#[derive(Debug, Clone, PartialEq)]
pub struct RawData {
    /// The KQL that read it.
    pub query: String,
    /// The row as Azure sent it, indented; `None` when Resource Graph has no row with the id.
    pub json: Option<String>,
}

/// The resource `id` (an alert, an assessment, a sub-assessment) as Resource Graph holds it.
pub async fn read<T: Transport>(client: &ArmClient<T>, id: &str) -> Result<RawData, String> {
    let query = queries::by_id(id);
    let rows: Vec<serde_json::Value> = graph::query(client, &query)
        .await
        .map_err(|e| format!("The raw data could not be read: {}", e.for_reader()))?;
    Ok(RawData {
        json: rows
            .first()
            .map(|r| serde_json::to_string_pretty(r).unwrap_or_default()),
        query: query.text,
    })
}

/// The id whose row a finding was mapped from: an individual vulnerability finding's is its
/// assessment's (the finding id adds `#CVE`).
pub fn source_id(finding_id: &str) -> &str {
    finding_id.split('#').next().unwrap_or(finding_id)
}
