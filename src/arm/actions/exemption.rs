//! Exemptions: Defender for Cloud's (`PUT {resource}/providers/Microsoft.Security/
//! standardAssignments/{guid}`, effect `Exempt`, 2024-08-01, official example
//! `PutExemptionStandardAssignment.json`), their removal, and the renewal of either mechanism's
//! (an Azure Policy exemption is `PUT` whole again, 2022-07-01-preview,
//! `createOrUpdatePolicyExemption.json`).

use super::Planned;
use crate::arm::endpoints::{POLICY_EXEMPTIONS_API, STANDARD_ASSIGNMENTS_API};
use crate::arm::transport::Method;
use crate::domain::actions::ExemptPlan;
use crate::domain::exemptions::{Category, Exemption, Mechanism};
use serde_json::{Map, Value, json};

/// The Microsoft cloud security benchmark, the standard the portal's exemptions are assigned
/// under (the official example's `assignedStandard`).
pub const MCSB: &str =
    "/providers/Microsoft.Security/securityStandards/1f3afdf9-d0c9-4c3d-847f-89da613e70a8";

/// The ARM id of Defender exemption `name` on `resource_id`.
pub fn exemption_id(resource_id: &str, name: &str) -> String {
    format!("{resource_id}/providers/Microsoft.Security/standardAssignments/{name}")
}

/// The spec's spelling of a category (`waiver`, `mitigated`: lower case in 2024-08-01).
fn defender_category(c: Category) -> &'static str {
    match c {
        Category::Waiver => "waiver",
        Category::Mitigated => "mitigated",
    }
}

/// A Defender exemption of the recommendation `assessment_key` on `resource_id`.
/// `name` is a new GUID (the spec's pattern); `display_name` says what it exempts.
pub fn exempt(
    resource_id: &str,
    name: &str,
    assessment_key: &str,
    display_name: &str,
    plan: &ExemptPlan,
) -> Planned {
    let mut properties = Map::new();
    properties.insert("description".into(), json!(plan.justification));
    properties.insert("assignedStandard".into(), json!({ "id": MCSB }));
    properties.insert("displayName".into(), json!(display_name));
    properties.insert("effect".into(), json!("Exempt"));
    properties.insert(
        "exemptionData".into(),
        json!({
            "assignedAssessment": { "assessmentKey": assessment_key },
            "exemptionCategory": defender_category(plan.category),
        }),
    );
    if let Some(expiry) = &plan.expires_on {
        properties.insert("expiresOn".into(), json!(expiry));
    }
    Planned::new(
        Method::Put,
        format!(
            "{}?api-version={STANDARD_ASSIGNMENTS_API}",
            exemption_id(resource_id, name)
        ),
        Some(json!({ "properties": Value::Object(properties) })),
    )
}

fn api_of(e: &Exemption) -> &'static str {
    match e.mechanism {
        Mechanism::Defender => STANDARD_ASSIGNMENTS_API,
        Mechanism::Policy => POLICY_EXEMPTIONS_API,
    }
}

/// Removes an exemption, either mechanism, by its id.
pub fn remove(e: &Exemption) -> Planned {
    Planned::new(
        Method::Delete,
        format!("{}?api-version={}", e.id, api_of(e)),
        None,
    )
}

/// The same exemption with a new expiry (`None`: never expires), sent whole: both APIs replace
/// on `PUT`, and Azure Policy's `PATCH` cannot change the expiry (API.md §E3).
pub fn renew(e: &Exemption, expires_on: Option<&str>) -> Planned {
    let mut properties = Map::new();
    match e.mechanism {
        Mechanism::Defender => {
            properties.insert("description".into(), json!(e.justification));
            let standard = if e.standard.is_empty() {
                MCSB
            } else {
                e.standard.as_str()
            };
            properties.insert("assignedStandard".into(), json!({ "id": standard }));
            properties.insert("displayName".into(), json!(e.display_name));
            properties.insert("effect".into(), json!("Exempt"));
            let mut data = Map::new();
            if let Some(key) = &e.assessment_key {
                data.insert("assignedAssessment".into(), json!({ "assessmentKey": key }));
            }
            if let Some(c) = e.category {
                data.insert("exemptionCategory".into(), json!(defender_category(c)));
            }
            properties.insert("exemptionData".into(), Value::Object(data));
        }
        Mechanism::Policy => {
            let (assignment, references) = e.policy.clone().unwrap_or_default();
            properties = policy_properties(
                &PolicyTarget {
                    assignment: &assignment,
                    references: &references,
                    display_name: &e.display_name,
                    description: &e.description,
                    reason: &e.reason,
                },
                e.category.unwrap_or(Category::Waiver),
            );
        }
    }
    if let Some(expiry) = expires_on {
        properties.insert("expiresOn".into(), json!(expiry));
    }
    Planned::new(
        Method::Put,
        format!("{}?api-version={}", e.id, api_of(e)),
        Some(json!({ "properties": Value::Object(properties) })),
    )
}

/// What an Azure Policy exemption names: the assignment and the definitions in it it exempts
/// from, and its words.
pub struct PolicyTarget<'a> {
    pub assignment: &'a str,
    pub references: &'a [String],
    pub display_name: &'a str,
    pub description: &'a str,
    /// `metadata.reason`, the justification (left out when empty).
    pub reason: &'a str,
}

/// An Azure Policy exemption's properties (2022-07-01-preview, `createOrUpdatePolicyExemption`).
fn policy_properties(target: &PolicyTarget, category: Category) -> Map<String, Value> {
    let mut properties = Map::new();
    properties.insert("policyAssignmentId".into(), json!(target.assignment));
    if !target.references.is_empty() {
        properties.insert(
            "policyDefinitionReferenceIds".into(),
            json!(target.references),
        );
    }
    let category = match category {
        Category::Mitigated => "Mitigated",
        Category::Waiver => "Waiver",
    };
    properties.insert("exemptionCategory".into(), json!(category));
    properties.insert("displayName".into(), json!(target.display_name));
    properties.insert("description".into(), json!(target.description));
    if !target.reason.is_empty() {
        properties.insert("metadata".into(), json!({ "reason": target.reason }));
    }
    properties
}

/// The ARM id of Azure Policy exemption `name` on `scope`.
pub fn policy_exemption_id(scope: &str, name: &str) -> String {
    format!("{scope}/providers/Microsoft.Authorization/policyExemptions/{name}")
}

/// An Azure Policy exemption on `scope` (the cluster, or an ARM resource in it: Azure Policy
/// cannot exempt a Kubernetes component) from `target`'s definitions, for a policy-based
/// recommendation. The justification is `metadata.reason`, as the official example has it.
pub fn exempt_policy(scope: &str, name: &str, target: &PolicyTarget, plan: &ExemptPlan) -> Planned {
    let mut properties = policy_properties(target, plan.category);
    if let Some(expiry) = &plan.expires_on {
        properties.insert("expiresOn".into(), json!(expiry));
    }
    Planned::new(
        Method::Put,
        format!(
            "{}?api-version={POLICY_EXEMPTIONS_API}",
            policy_exemption_id(scope, name)
        ),
        Some(json!({ "properties": Value::Object(properties) })),
    )
}
