//! A failed action, in words that say what to do about it.

use crate::arm::ArmError;
use crate::arm::error::SIGN_IN_AGAIN;

/// The role an action needs (Defender for Cloud's permissions table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Alert status, suppression rules.
    SecurityAdmin,
    /// Assign owner (governance).
    Governance,
    /// Quick Fix and the Azure Policy add-on: write on the managed cluster.
    ClusterContributor,
    /// Turning Defender for Containers on for the first time.
    PlanOwner,
    /// Creating, renewing and removing exemptions.
    Exemptions,
}

impl Role {
    fn needs(self) -> &'static str {
        match self {
            Role::SecurityAdmin => {
                "Changing alerts and suppression rules needs the Security Admin role (or \
                 Contributor or Owner) on the subscription"
            }
            Role::Governance => {
                "Assigning owners needs the Security Admin role (or Contributor or Owner) on the \
                 subscription"
            }
            Role::ClusterContributor => {
                "Changing the cluster needs Contributor \
                 (Microsoft.ContainerService/managedClusters/write) on the cluster or its resource \
                 group"
            }
            Role::Exemptions => {
                "Exempting needs the Security Admin role or Owner on the subscription, with \
                 policy exemption rights (Microsoft.Authorization/policyExemptions/write; \
                 Resource Policy Contributor has them)"
            }
            Role::PlanOwner => {
                "Changing Defender plans needs Security Admin or Contributor; enabling a plan's \
                 capabilities the first time needs Owner on the subscription"
            }
        }
    }
}

/// What kind of failure an action met: the UI decides on this, never on the message's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The sign-in was refused: only signing in again helps.
    SignIn,
    /// A role is missing (403): the message names it.
    Forbidden(Role),
    /// A deny assignment refuses the write whatever the role (403,
    /// `DenyAssignmentAuthorizationFailed`): asking for a role would not help.
    Denied,
    /// Someone changed the resource since it was read (412): nothing was overwritten.
    Stale,
    /// The resource is busy with another operation (409).
    Busy,
    /// Azure is throttling (429).
    Throttled,
    /// Anything else: Azure's own message.
    Other,
}

/// A failed action: its kind, and the words the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionError {
    pub kind: FailureKind,
    pub message: String,
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl ActionError {
    /// A failure that is not an ARM error (a precondition, an operation that did not succeed).
    pub fn other(message: impl Into<String>) -> ActionError {
        ActionError {
            kind: FailureKind::Other,
            message: message.into(),
        }
    }
}

/// The failure of an action that needs `role`: the role for a 403, what happened for a 412,
/// when to retry for a 429, ARM's own message otherwise.
pub fn classify(error: &ArmError, role: Role) -> ActionError {
    let (kind, message) = if error.needs_sign_in() {
        (FailureKind::SignIn, format!("{error}. {SIGN_IN_AGAIN}"))
    } else {
        match error.status() {
            Some(403) if is_deny_assignment(error) => (
                FailureKind::Denied,
                format!(
                    "A deny assignment refuses this write, whatever your role. A node resource \
                     group locked down by AKS (restrictionLevel ReadOnly) is one: act at the \
                     cluster's scope instead. Azure said: {error}"
                ),
            ),
            Some(403) => (
                FailureKind::Forbidden(role),
                format!("{}. Azure said: {error}", role.needs()),
            ),
            Some(412) => (
                FailureKind::Stale,
                format!(
                    "Someone changed the resource after it was read, so nothing was overwritten. \
                     Review the change again and retry. ({error})"
                ),
            ),
            Some(409) => (
                FailureKind::Busy,
                format!(
                    "The resource is busy with another operation; retry when it has finished. \
                     ({error})"
                ),
            ),
            Some(429) => (FailureKind::Throttled, error.to_string()),
            _ => (FailureKind::Other, error.to_string()),
        }
    };
    ActionError { kind, message }
}

/// ARM's code for a write refused by a deny assignment (reported in Azure's RBAC
/// troubleshooting; not in the copied specifications), or its message naming one.
fn is_deny_assignment(error: &ArmError) -> bool {
    match error {
        ArmError::Http { code, message, .. } => {
            code.starts_with("DenyAssignment") || message.contains("deny assignment")
        }
        _ => false,
    }
}

/// What the user reads when an action failed (see [`classify`]).
pub fn describe(error: &ArmError, role: Role) -> String {
    classify(error, role).message
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 403 with ARM's error `code`.
    fn refused(code: &str) -> ArmError {
        let body = serde_json::json!({ "error": { "code": code, "message": "no" } });
        ArmError::from_status(403, &body.to_string())
    }

    #[test]
    fn a_deny_assignment_is_not_a_missing_role() {
        let e = refused("DenyAssignmentAuthorizationFailed");
        let failure = classify(&e, Role::Exemptions);
        assert_eq!(failure.kind, FailureKind::Denied);
        assert!(
            failure.message.starts_with("A deny assignment refuses"),
            "{failure}"
        );
        assert!(!failure.message.contains("Security Admin"), "{failure}");
    }

    #[test]
    fn a_403_names_the_role() {
        let e = refused("AuthorizationFailed");
        let text = describe(&e, Role::SecurityAdmin);
        assert!(
            text.starts_with("Changing alerts and suppression rules needs the Security Admin role"),
            "{text}"
        );
        assert!(text.contains("AuthorizationFailed"));
    }

    #[test]
    fn each_status_has_its_kind() {
        let kind = |status: u16| {
            classify(&ArmError::from_status(status, ""), Role::ClusterContributor).kind
        };
        assert_eq!(kind(412), FailureKind::Stale);
        assert_eq!(kind(409), FailureKind::Busy);
        assert_eq!(kind(403), FailureKind::Forbidden(Role::ClusterContributor));
        assert_eq!(kind(401), FailureKind::SignIn);
        assert_eq!(kind(500), FailureKind::Other);
    }

    #[test]
    fn a_refused_sign_in_says_to_sign_in_again_not_which_role() {
        let e = ArmError::from_status(
            401,
            r#"{"error":{"code":"InvalidAuthenticationToken",
                "message":"The access token is invalid."}}"#,
        );
        let text = describe(&e, Role::SecurityAdmin);
        assert_eq!(
            text,
            "The access token is invalid. (HTTP 401, InvalidAuthenticationToken). Sign in again \
             with the button at the top of the page, then Retry; nothing on the page is lost."
        );
    }
}
