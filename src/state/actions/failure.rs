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
}

impl Role {
    fn needs(self) -> &'static str {
        match self {
            Role::SecurityAdmin => {
                "Changing alerts and suppression rules needs the Security Admin role (or Contributor or Owner) on the subscription"
            }
            Role::Governance => {
                "Assigning owners needs the Security Admin role (or Contributor or Owner) on the subscription"
            }
            Role::ClusterContributor => {
                "Changing the cluster needs Contributor (Microsoft.ContainerService/managedClusters/write) on the cluster or its resource group"
            }
            Role::PlanOwner => {
                "Changing Defender plans needs Security Admin or Contributor; enabling a plan's capabilities the first time needs Owner on the subscription"
            }
        }
    }
}

/// What the user reads when an action failed: the role for a 403, what happened for a 412,
/// when to retry for a 429, ARM's own message otherwise.
pub fn describe(error: &ArmError, role: Role) -> String {
    if error.needs_sign_in() {
        return format!("{error}. {SIGN_IN_AGAIN}");
    }
    match error.status() {
        Some(403) => format!("{}. Azure said: {error}", role.needs()),
        Some(412) => format!(
            "Someone changed the resource after it was read, so nothing was overwritten. Review the change again and retry. ({error})"
        ),
        Some(409) => format!(
            "The resource is busy with another operation; retry when it has finished. ({error})"
        ),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_403_names_the_role() {
        let e = ArmError::from_status(
            403,
            r#"{"error":{"code":"AuthorizationFailed","message":"no"}}"#,
        );
        let text = describe(&e, Role::SecurityAdmin);
        assert!(
            text.starts_with("Changing alerts and suppression rules needs the Security Admin role"),
            "{text}"
        );
        assert!(text.contains("AuthorizationFailed"));
    }

    #[test]
    fn a_refused_sign_in_says_to_sign_in_again_not_which_role() {
        let e = ArmError::from_status(
            401,
            r#"{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}"#,
        );
        let text = describe(&e, Role::SecurityAdmin);
        assert_eq!(
            text,
            "The access token is invalid. (HTTP 401, InvalidAuthenticationToken). Sign in again with the button at the top of the page, then Retry; nothing on the page is lost."
        );
    }
}
