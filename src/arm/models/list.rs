//! The ARM list envelope: `{ "value": [...], "nextLink": "..." }`.

use serde::{Deserialize, Serialize};

/// One page of an ARM list. `next_link` is absent or null on the last page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArmList<T> {
    #[serde(default = "Vec::new")]
    pub value: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}
