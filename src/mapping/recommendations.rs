//! Assessment (with its metadata inline, as Resource Graph returns it) + governance assignment →
//! recommendation.

use super::keys::kind_of;
use crate::arm::models::{Assessment, AssessmentStatus, GovernanceAssignment};
use crate::domain::{Assignment, Eta, Level, Rating, Recommendation, Ticket, links};

/// Maps one assessment; `assignments` are its governance assignments when they were read (the
/// first is its owner). Severity comes from the inline metadata (Medium when it is missing, so
/// the finding is still counted); the rating uses Defender CSPM's risk level when present.
pub fn recommendation(
    wire: &Assessment,
    assignments: Option<&[GovernanceAssignment]>,
    portal: &str,
) -> Recommendation {
    let p = &wire.properties;
    let metadata = p.metadata.as_ref();
    let severity = metadata
        .and_then(|m| Level::parse(&m.severity))
        .unwrap_or(Level::Medium);
    let risk = p
        .risk
        .as_ref()
        .and_then(|r| r.level.as_deref())
        .and_then(Level::parse);
    let category = metadata.and_then(|m| m.recommendation_category.as_deref());
    Recommendation {
        id: wire.id.clone(),
        key: wire.name.clone(),
        name: if p.display_name.is_empty() {
            metadata.map(|m| m.display_name.clone()).unwrap_or_default()
        } else {
            p.display_name.clone()
        },
        rating: Rating::from_risk_or_severity(risk, severity),
        severity,
        unhealthy: p.status.code == "Unhealthy",
        healthy: p.status.code == "Healthy",
        exemption: None,
        exempted: exempt(&p.status),
        kind: kind_of(
            &wire.name,
            category,
            metadata.and_then(|m| m.policy_definition_id.as_deref()),
            has_cve_list(wire),
        ),
        resource_id: p.resource_details.id.clone().unwrap_or_default(),
        description: metadata
            .and_then(|m| m.description.clone())
            .unwrap_or_default(),
        remediation: metadata
            .and_then(|m| m.remediation_description.clone())
            .unwrap_or_default(),
        first_seen: p.status.first_evaluation_date.clone().unwrap_or_default(),
        last_evaluated: p.status.status_change_date.clone().unwrap_or_default(),
        portal_link: p
            .links
            .as_ref()
            .and_then(|l| l.azure_portal_uri.clone())
            .unwrap_or_else(|| links::recommendation(portal, &wire.name)),
        threats: metadata.map(|m| m.threats.clone()).unwrap_or_default(),
        user_impact: metadata
            .and_then(|m| m.user_impact.clone())
            .unwrap_or_default(),
        implementation_effort: metadata
            .and_then(|m| m.implementation_effort.clone())
            .unwrap_or_default(),
        policy_definition_id: metadata.and_then(|m| m.policy_definition_id.clone()),
        risk_factors: p
            .risk
            .as_ref()
            .map(|r| r.risk_factors.clone())
            .unwrap_or_default(),
        owner_known: assignments.is_some(),
        owner: assignments.and_then(|a| a.first()).map(|a| {
            let email = a.properties.governance_email_notification.as_ref();
            Assignment {
                id: a.id.clone(),
                owner: a.properties.owner.clone().unwrap_or_default(),
                due_date: a.properties.remediation_due_date.clone(),
                grace_period: a.properties.is_grace_period.unwrap_or(false),
                remind_owner: !email.is_some_and(|e| e.disable_owner_email_notification),
                remind_manager: !email.is_some_and(|e| e.disable_manager_email_notification),
                eta: eta(a.properties.remediation_eta.as_ref()),
                ticket: ticket(a.properties.additional_data.as_ref()),
            }
        }),
    }
}

/// `remediationEta` (`{eta, justification}`, both required by the spec when present).
fn eta(value: Option<&serde_json::Value>) -> Option<Eta> {
    let v = value?;
    let date = v.get("eta")?.as_str().filter(|d| !d.is_empty())?;
    Some(Eta {
        date: date.to_string(),
        justification: v
            .get("justification")
            .and_then(|j| j.as_str())
            .unwrap_or_default()
            .to_string(),
    })
}

/// `additionalData`'s ticket (`ticketNumber` ≥ 0, `ticketLink`, `ticketStatus`, spec
/// `GovernanceAssignmentAdditionalData`). Number 0 with no link is no ticket: the official
/// shape and Resource Graph rows carry `{"ticketNumber": 0}` on assignments without one. A link
/// that is not http(s) is kept out (it is shown as a link).
fn ticket(value: Option<&serde_json::Value>) -> Option<Ticket> {
    let v = value?;
    let number = v.get("ticketNumber").and_then(|n| n.as_u64()).unwrap_or(0);
    let link = v
        .get("ticketLink")
        .and_then(|l| l.as_str())
        .filter(|l| l.starts_with("https://") || l.starts_with("http://"))
        .unwrap_or_default()
        .to_string();
    let status = v
        .get("ticketStatus")
        .and_then(|s| s.as_str())
        .unwrap_or_default()
        .to_string();
    (number > 0 || !link.is_empty()).then_some(Ticket {
        number,
        status,
        link,
    })
}

/// Whether the assessment carries the individual model's CVE list (`additionalData.CvesDetails`,
/// documented on the transition page): such a row is a vulnerability finding whatever its
/// category says, so it never lands in Misconfigurations.
pub fn has_cve_list(wire: &Assessment) -> bool {
    wire.properties
        .additional_data
        .as_ref()
        .is_some_and(|d| d.contains_key("CvesDetails"))
}

/// Exempted by an exemption. Documented: Not applicable with cause `Exempt`; the docs' own query
/// tests the description (`status.description contains "Exempt"`): either is taken.
pub(super) fn exempt(status: &AssessmentStatus) -> bool {
    status.code == "NotApplicable"
        && (status.cause.as_deref() == Some("Exempt")
            || status
                .description
                .as_deref()
                .is_some_and(|d| d.contains("Exempt")))
}
