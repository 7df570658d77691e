//! What exempting each target sends, decided purely from the targets, the form and the policy
//! assignments read for them:
//! - a policy-based recommendation whose Azure Policy assignment was found gets an Azure Policy
//!   exemption naming that assignment and the definition's reference in it (API.md §E3);
//! - every other recommendation gets a Defender exemption (API.md §E2).
//!
//! One request per distinct exemption: findings of one recommendation on several containers
//! need one at the cluster's scope.

use super::{ExemptRequest, ExemptTarget};
use crate::arm::actions::Planned;
use crate::arm::actions::exemption::{self, PolicyTarget};
use crate::domain::actions::ExemptScope;
use crate::domain::exemptions::Mechanism;
use crate::domain::exemptions::PolicyReference;
use crate::state::actions::BulkItem;
use std::collections::BTreeSet;

/// One exemption to create.
#[derive(Debug, Clone, PartialEq)]
pub struct NewExemption {
    pub mechanism: Mechanism,
    /// Where it is set.
    pub scope: String,
    /// For Azure Policy: the assignment and the definition's reference id.
    pub policy: Option<(String, Vec<String>)>,
    /// Its words as sent (a Renew sends them back whole): Defender's description is the
    /// justification; Azure Policy keeps the justification in `metadata.reason`.
    pub display_name: String,
    pub description: String,
    pub reason: String,
    pub planned: Planned,
}

/// Of the assignments `found`, the one `target`'s policy is evaluated by.
pub fn reference_for<'a>(
    found: &'a [PolicyReference],
    target: &ExemptTarget,
) -> Option<&'a PolicyReference> {
    let definition = target.policy_definition.as_deref()?.to_ascii_lowercase();
    found.iter().find(|p| p.definition == definition)
}

impl ExemptRequest {
    /// The assignment a target's policy is evaluated by, when it was found.
    pub fn policy_of(&self, target: &ExemptTarget) -> Option<&PolicyReference> {
        reference_for(&self.policy, target)
    }

    /// The exemption `target` gets on `cluster` (its ARM id).
    pub fn exemption_for(&self, target: &ExemptTarget, cluster: &str) -> NewExemption {
        let display = format!("{} (AKS dashboard)", target.name);
        match self.policy_of(target) {
            Some(p) => {
                let scope = policy_scope(target, self.plan.scope, cluster);
                let references = vec![p.reference.clone()];
                let description =
                    format!("Exempted from the AKS security dashboard: {}", target.name);
                let words = PolicyTarget {
                    assignment: &p.assignment,
                    references: &references,
                    display_name: &display,
                    description: &description,
                    reason: &self.plan.justification,
                };
                let planned =
                    exemption::exempt_policy(&scope, &target.exemption_name, &words, &self.plan);
                NewExemption {
                    mechanism: Mechanism::Policy,
                    scope,
                    policy: Some((p.assignment.clone(), references)),
                    display_name: display,
                    description,
                    reason: self.plan.justification.clone(),
                    planned,
                }
            }
            None => {
                let scope = match (self.plan.scope, target.resource_id.is_empty()) {
                    (ExemptScope::Resource, false) => target.resource_id.clone(),
                    _ => cluster.to_string(),
                };
                let planned = exemption::exempt(
                    &scope,
                    &target.exemption_name,
                    &target.key,
                    &display,
                    &self.plan,
                );
                NewExemption {
                    mechanism: Mechanism::Defender,
                    scope,
                    policy: None,
                    display_name: display,
                    description: self.plan.justification.clone(),
                    reason: String::new(),
                    planned,
                }
            }
        }
    }

    /// The requests, one per distinct exemption, in target order.
    pub fn items(&self, cluster: &str) -> Vec<BulkItem> {
        let mut seen = BTreeSet::new();
        self.targets
            .iter()
            .filter_map(|t| {
                let e = self.exemption_for(t, cluster);
                let what = match &e.policy {
                    Some((assignment, references)) => format!("{assignment}|{references:?}"),
                    None => t.key.clone(),
                };
                let fresh = seen.insert((e.scope.to_ascii_lowercase(), what.to_ascii_lowercase()));
                fresh.then(|| BulkItem {
                    id: t.id.clone(),
                    label: t.name.clone(),
                    planned: e.planned,
                })
            })
            .collect()
    }
}

/// Azure Policy exempts ARM resources, not Kubernetes components ("exemptions can't be created
/// at the Resource Provider mode component level"), and AKS policies are evaluated on the
/// cluster: a finding inside the cluster is exempted at the cluster; one on another resource
/// (a scale set) on that resource when asked.
fn policy_scope(target: &ExemptTarget, scope: ExemptScope, cluster: &str) -> String {
    let inside = target
        .resource_id
        .to_ascii_lowercase()
        .starts_with(&format!("{}/", cluster.to_ascii_lowercase()));
    match (scope, target.resource_id.is_empty() || inside) {
        (ExemptScope::Resource, false) => target.resource_id.clone(),
        _ => cluster.to_string(),
    }
}
