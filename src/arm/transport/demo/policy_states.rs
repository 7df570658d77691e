//! The demo's answer to the policy-assignment query (`arm::policy_assignments`): its stored
//! Azure Policy compliance states on the cluster, of the benchmark initiative, for the
//! definitions asked, one row per (definition, assignment, reference) as `summarize by` gives.

use super::DemoTransport;
use crate::arm::policy_assignments::{MCSB_INITIATIVE, POLICY_STATES, definitions_in};
use serde_json::{Value, json};
use std::collections::BTreeMap;

impl DemoTransport {
    /// The rows for a policy-assignment query `text` about `cluster` (lower case).
    pub(super) fn policy_state_rows(&self, text: &str, cluster: &str) -> Vec<Value> {
        let wanted = definitions_in(text);
        let lower = |v: &Value| v.as_str().unwrap_or_default().to_ascii_lowercase();
        let mut rows = BTreeMap::new();
        for e in self
            .store
            .borrow()
            .iter()
            .filter(|e| e.kind == POLICY_STATES)
        {
            let p = &e.value["properties"];
            let resource = lower(&p["resourceId"]);
            let on_cluster = resource == cluster || resource.starts_with(&format!("{cluster}/"));
            let benchmark = lower(&p["policySetDefinitionId"]).ends_with(MCSB_INITIATIVE);
            let definition = lower(&p["policyDefinitionId"]);
            if !(on_cluster && benchmark && wanted.contains(&definition)) {
                continue;
            }
            let assignment = p["policyAssignmentId"].as_str().unwrap_or_default();
            let reference = p["policyDefinitionReferenceId"]
                .as_str()
                .unwrap_or_default();
            let id = format!("{definition}|{assignment}|{reference}");
            rows.insert(
                id.clone(),
                json!({
                    "id": id,
                    "definition": definition,
                    "assignment": assignment,
                    "reference": reference,
                }),
            );
        }
        rows.into_values().collect()
    }
}
