//! Exempt recommendations (an Azure Policy exemption for a policy-based one whose assignment
//! was found, a Defender exemption otherwise; see `requests`), four at a time, and remove or
//! renew exemptions from the inventory (`inventory`). A success adds (or changes) the exemption
//! on screen and marks what it touched as applied, pending Defender's re-evaluation.

mod inventory;
mod requests;

pub use inventory::{InventoryChange, inventory_action, inventory_previews, patch_inventory};
pub use requests::{NewExemption, reference_for};

use crate::arm::actions::exemption;
use crate::arm::policy_assignments;
use crate::arm::{ArmClient, ClusterId, Transport, graph};
use crate::browser::clock;
use crate::domain::actions::{ActivityEntry, BulkOutcome, ExemptPlan, RequestPreview};
use crate::domain::exemptions::PolicyReference;
use crate::domain::exemptions::{Exemption, Mechanism};
use crate::domain::{ClusterData, Recommendation};
use crate::state::ViewState;
use crate::state::actions::{Role, run_bulk};
use crate::state::session::Session;
use leptos::prelude::*;

/// A recommendation to exempt, and the name (a new GUID, made when the panel opened, so the
/// preview and what is sent agree) of its exemption.
#[derive(Debug, Clone, PartialEq)]
pub struct ExemptTarget {
    pub id: String,
    pub name: String,
    pub key: String,
    pub resource_id: String,
    /// The Azure Policy definition behind a policy-based recommendation (ARM id).
    pub policy_definition: Option<String>,
    pub exemption_name: String,
}

impl ExemptTarget {
    /// The target for `r`, its exemption to be named `exemption_name` (a new GUID).
    pub fn new(r: &Recommendation, exemption_name: String) -> ExemptTarget {
        ExemptTarget {
            id: r.id.clone(),
            name: r.name.clone(),
            key: r.key.clone(),
            resource_id: r.resource_id.clone(),
            policy_definition: r.policy_definition_id.clone().filter(|d| !d.is_empty()),
            exemption_name,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExemptRequest {
    pub targets: Vec<ExemptTarget>,
    pub plan: ExemptPlan,
    /// The Azure Policy assignments found for the policy-based targets (see
    /// [`policy_lookup`]); a target without one gets a Defender exemption.
    pub policy: Vec<PolicyReference>,
}

/// The exact requests, as the panel previews them.
pub fn previews(actions: Session, request: &ExemptRequest) -> Vec<RequestPreview> {
    request
        .items(&actions.cluster().to_string())
        .iter()
        .map(|i| actions.preview(&i.planned))
        .collect()
}

/// The data on screen after `target` was exempted at `now` (ISO 8601): the exemption is listed
/// (created by this session) and the recommendation marked applied until a Refresh shows
/// Defender's verdict.
pub fn patch(
    data: &mut ClusterData,
    target: &ExemptTarget,
    request: &ExemptRequest,
    cluster: &str,
    now: &str,
) {
    let plan = &request.plan;
    let made = request.exemption_for(target, cluster);
    let (id, standard, assessment_key) = match made.mechanism {
        Mechanism::Defender => (
            exemption::exemption_id(&made.scope, &target.exemption_name),
            exemption::MCSB.to_string(),
            Some(target.key.clone()),
        ),
        // As the inventory reads one back: no assessment key, the assignment instead.
        Mechanism::Policy => (
            exemption::policy_exemption_id(&made.scope, &target.exemption_name),
            String::new(),
            None,
        ),
    };
    data.exemptions.push(Exemption {
        id,
        mechanism: made.mechanism,
        display_name: made.display_name,
        category: Some(plan.category),
        scope: made.scope,
        assessment_key,
        policy: made.policy,
        standard,
        justification: plan.justification.clone(),
        description: made.description,
        reason: made.reason,
        created_by: "You (this session)".into(),
        created_on: now.to_string(),
        expires_on: plan.expires_on.clone().unwrap_or_default(),
    });
    data.applied.insert(target.id.clone());
    if let Some(r) = data.recommendations.iter_mut().find(|r| r.id == target.id) {
        r.exemption = Some((
            Some(plan.category),
            plan.expires_on.clone().unwrap_or_default(),
        ));
    }
}

/// Exempting as a Leptos action.
pub fn action() -> Action<ExemptRequest, BulkOutcome> {
    let actions = Session::expect();
    let view_state = ViewState::expect();
    Action::new_local(move |request: &ExemptRequest| {
        let (request, client) = (request.clone(), actions.client());
        let cluster = actions.cluster().to_string();
        async move {
            let requests = previews(actions, &request);
            let result = run_bulk(&client, request.items(&cluster), Role::Exemptions, |item| {
                let target = request.targets.iter().find(|t| t.id == item.id);
                if let (None, Some(target)) = (&item.error, target) {
                    let now = clock::utc_iso_now();
                    actions.patch(|d| patch(d, target, &request, &cluster, &now));
                }
            })
            .await;
            view_state.deselect_done(&result);
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what: format!("Exempt ({})", request.plan.category.label()),
                target: result.target("recommendation"),
                outcome: result.outcome("exempted"),
                requests,
            });
            result
        }
    })
}

/// Reads which assignment of the Microsoft cloud security benchmark evaluates each of
/// `definitions` on `cluster` (see `arm::policy_assignments`).
pub async fn policy_references<T: Transport>(
    client: &ArmClient<T>,
    cluster: &ClusterId,
    definitions: &[String],
) -> Result<Vec<PolicyReference>, String> {
    if definitions.is_empty() {
        return Ok(Vec::new());
    }
    let query = policy_assignments::query(cluster, definitions);
    graph::query(client, &query).await.map_err(|e| {
        format!(
            "The Azure Policy assignments of these recommendations could not be read: {}",
            e.for_reader()
        )
    })
}

/// [`policy_references`] as a Leptos action, for the Exempt panel.
pub fn policy_lookup() -> Action<Vec<String>, Result<Vec<PolicyReference>, String>> {
    let actions = Session::expect();
    Action::new_local(move |definitions: &Vec<String>| {
        let (definitions, client) = (definitions.clone(), actions.client());
        async move { policy_references(&client, &actions.cluster(), &definitions).await }
    })
}
