//! Resource Graph exemption rows → exemptions: Defender standard assignments with effect
//! `Exempt` (2024-08-01, `security-SecurityStandards.json`) and Azure Policy exemptions
//! (2022-07-01-preview, `policyExemptions.json`).

use crate::arm::queries::{POLICY_EXEMPTIONS, STANDARD_ASSIGNMENTS};
use crate::domain::exemptions::{Category, Exemption, Mechanism};
use serde_json::Value;

fn text(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The scope an exemption is set on, from its id: `{scope}/providers/Microsoft.Security/
/// standardAssignments/{name}`, the example's `{scope}/Microsoft.Security/standardAssignments/…`
/// (no `/providers`, API.md §E2), or
/// `{scope}/providers/Microsoft.Authorization/policyExemptions/…`.
fn scope_of(id: &str) -> String {
    let lower = id.to_ascii_lowercase();
    [
        "/providers/microsoft.security/standardassignments/",
        "/microsoft.security/standardassignments/",
        "/providers/microsoft.authorization/policyexemptions/",
    ]
    .iter()
    .find_map(|m| lower.find(m).map(|at| id[..at].to_string()))
    .unwrap_or_default()
}

/// One row; `None` for a row of another type (a Defender assignment that does not exempt).
pub fn exemption(row: &Value) -> Option<Exemption> {
    let id = text(row, "/id");
    let kind = text(row, "/type").to_ascii_lowercase();
    let p = &row["properties"];
    let scope = scope_of(&id);
    if kind == STANDARD_ASSIGNMENTS {
        if !text(p, "/effect").eq_ignore_ascii_case("Exempt") {
            return None;
        }
        return Some(Exemption {
            mechanism: Mechanism::Defender,
            display_name: text(p, "/displayName"),
            category: Category::parse(&text(p, "/exemptionData/exemptionCategory")),
            assessment_key: Some(text(p, "/exemptionData/assignedAssessment/assessmentKey"))
                .filter(|k| !k.is_empty()),
            policy: None,
            standard: text(p, "/assignedStandard/id"),
            justification: text(p, "/description"),
            description: text(p, "/description"),
            reason: String::new(),
            created_by: text(p, "/metadata/createdBy"),
            created_on: text(p, "/metadata/createdOn"),
            expires_on: text(p, "/expiresOn"),
            scope,
            id,
        });
    }
    if kind == POLICY_EXEMPTIONS {
        let references = p["policyDefinitionReferenceIds"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let reason = text(p, "/metadata/reason");
        return Some(Exemption {
            mechanism: Mechanism::Policy,
            display_name: text(p, "/displayName"),
            category: Category::parse(&text(p, "/exemptionCategory")),
            assessment_key: None,
            policy: Some((text(p, "/policyAssignmentId"), references)),
            standard: String::new(),
            justification: if reason.is_empty() {
                text(p, "/description")
            } else {
                reason.clone()
            },
            description: text(p, "/description"),
            reason,
            // systemData, when Resource Graph carries it (REST does).
            created_by: text(row, "/systemData/createdBy"),
            created_on: text(row, "/systemData/createdAt"),
            expires_on: text(p, "/expiresOn"),
            scope,
            id,
        });
    }
    None
}
