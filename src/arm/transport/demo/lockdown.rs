//! Node resource group lockdown, as the demo answers it: a cluster whose
//! `nodeResourceGroupProfile.restrictionLevel` is `ReadOnly` (managedClusters.json 2025-10-01)
//! has a deny assignment on its node resource group, so every write there is refused whatever
//! the caller's role. The demo's one node pool on a scale set shows how a bulk action meets it.

use super::{DemoTransport, error};
use crate::arm::ArmResponse;

/// The deny assignment AKS creates for lockdown (its name, as the error names it).
const DENY_ASSIGNMENT: &str = "AKS node resource group lockdown";

impl DemoTransport {
    /// The refusal of a write to `path`, when `path` is in a locked-down node resource group.
    pub(super) fn denied_write(&self, path: &str) -> Option<ArmResponse> {
        let key = path.to_ascii_lowercase();
        let store = self.store.borrow();
        let group = store
            .iter()
            .filter(|e| e.kind == "microsoft.containerservice/managedclusters")
            .filter(|e| {
                e.value
                    .pointer("/properties/nodeResourceGroupProfile/restrictionLevel")
                    .and_then(|l| l.as_str())
                    == Some("ReadOnly")
            })
            .find_map(|e| {
                let subscription = e.id.split('/').nth(2)?;
                let group = e.value.pointer("/properties/nodeResourceGroup")?.as_str()?;
                let prefix = format!("/subscriptions/{subscription}/resourcegroups/{group}/");
                key.starts_with(&prefix.to_ascii_lowercase())
                    .then(|| group.to_string())
            })?;
        // ARM's code for a deny assignment (reported; not in the copied specifications).
        Some(error(
            403,
            "DenyAssignmentAuthorizationFailed",
            &format!(
                "The client 'demo.user@contoso.com' has permission to perform action on scope \
                 '{path}'; however, the access is denied because of the deny assignment with \
                 name '{DENY_ASSIGNMENT}' at scope '/subscriptions/…/resourceGroups/{group}'."
            ),
        ))
    }
}
