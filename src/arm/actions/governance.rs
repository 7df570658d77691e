//! Assign owner: one `PUT` per recommendation, to
//! `{cluster}/providers/Microsoft.Security/assessments/{key}/governanceAssignments/{name}`.

use super::Planned;
use crate::arm::endpoints::GOVERNANCE_API;
use crate::arm::models::{GovernanceAssignmentProperties, GovernanceEmailNotification};
use crate::arm::transport::Method;
use crate::domain::Ticket;
use crate::domain::actions::OwnerPlan;
use serde_json::json;

/// The ARM id of assignment `assignment_key` on the recommendation `assessment_id`.
pub fn assignment_id(assessment_id: &str, assignment_key: &str) -> String {
    format!("{assessment_id}/governanceAssignments/{assignment_key}")
}

/// Creates or replaces the assignment `assignment_key` (a new GUID, or the existing
/// assignment's name when changing it) on the recommendation whose ARM id is `assessment_id`.
/// A PUT replaces the whole assignment: `ticket`, the ticket the assignment being changed
/// carries (written by a ServiceNow integration), is sent back so the change does not drop it.
pub fn assign(
    assessment_id: &str,
    assignment_key: &str,
    plan: &OwnerPlan,
    ticket: Option<&Ticket>,
) -> Planned {
    let properties = GovernanceAssignmentProperties {
        owner: Some(plan.owner.clone()),
        remediation_due_date: plan.due_date.clone(),
        remediation_eta: plan
            .eta
            .as_ref()
            .map(|e| json!({ "eta": e.date, "justification": e.justification })),
        is_grace_period: Some(plan.grace_period),
        governance_email_notification: Some(GovernanceEmailNotification {
            disable_manager_email_notification: !plan.remind_manager,
            disable_owner_email_notification: !plan.remind_owner,
        }),
        additional_data: ticket.map(
            |t| json!({ "ticketNumber": t.number, "ticketLink": t.link, "ticketStatus": t.status }),
        ),
        extra: Default::default(),
    };
    Planned::new(
        Method::Put,
        format!(
            "{}?api-version={GOVERNANCE_API}",
            assignment_id(assessment_id, assignment_key)
        ),
        Some(json!({ "properties": properties })),
    )
}

/// Removes an assignment, by its ARM id.
pub fn remove(assignment_id: &str) -> Planned {
    Planned::new(
        Method::Delete,
        format!("{assignment_id}?api-version={GOVERNANCE_API}"),
        None,
    )
}
