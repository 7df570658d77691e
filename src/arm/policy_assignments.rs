//! Which Azure Policy assignment, and which definition inside it, a policy-based recommendation
//! comes from on one cluster: what an Azure Policy exemption must name
//! (`policyAssignmentId`, `policyDefinitionReferenceIds`; API.md §E3).
//!
//! Read from the cluster's policy compliance states in Resource Graph (`policyresources`, type
//! `microsoft.policyinsights/policystates`), whose records carry `policyAssignmentId`,
//! `policyDefinitionId`, `policyDefinitionReferenceId` and `policySetDefinitionId` (the
//! PolicyInsights `PolicyState` model; Microsoft's AzTS queries the same table by
//! `properties.policyDefinitionId in~ (…)`). Only states of the Microsoft cloud security
//! benchmark's initiative are taken: Defender's recommendations are that initiative's policies,
//! so an exemption on another assignment of the same policy would not exempt the recommendation.
//! Its rows are [`PolicyReference`]s.

use super::graph::GraphQuery;
use super::queries::kql_string;
use super::resource_id::ClusterId;
#[cfg(doc)]
use crate::domain::exemptions::PolicyReference;

/// Resource Graph's type of a policy compliance state.
pub const POLICY_STATES: &str = "microsoft.policyinsights/policystates";
/// The Microsoft cloud security benchmark initiative (the name of its policy set definition,
/// and of Defender's standard: `arm::actions::exemption::MCSB`).
pub const MCSB_INITIATIVE: &str = "1f3afdf9-d0c9-4c3d-847f-89da613e70a8";

/// The query for the policy definitions `definitions` (ARM ids) on `cluster`: one row per
/// (definition, assignment, reference), for states on the cluster or on a resource under it.
pub fn query(cluster: &ClusterId, definitions: &[String]) -> GraphQuery {
    let c = kql_string(&cluster.to_string().to_ascii_lowercase());
    let list = definitions
        .iter()
        .map(|d| kql_string(&d.to_ascii_lowercase()))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        "policyresources\n\
         | where type =~ \"{POLICY_STATES}\"\n\
         | extend resource = tolower(tostring(properties.resourceId))\n\
         | where resource == {c} or resource startswith strcat({c}, \"/\")\n\
         | where tolower(tostring(properties.policySetDefinitionId)) endswith \
         \"/{MCSB_INITIATIVE}\"\n\
         | extend definition = tolower(tostring(properties.policyDefinitionId))\n\
         | where definition in ({list})\n\
         | summarize by definition, assignment = tostring(properties.policyAssignmentId), \
         reference = tostring(properties.policyDefinitionReferenceId)\n\
         | extend id = strcat(definition, \"|\", assignment, \"|\", reference)\n\
         | project id, definition, assignment, reference\n\
         | order by id asc"
    );
    GraphQuery {
        text,
        subscriptions: vec![cluster.subscription_id.clone()],
        ..GraphQuery::default()
    }
}

/// Whether `text` is a [`query`] (the demo and the test fakes answer it by this).
pub fn is_query(text: &str) -> bool {
    text.split('"').nth(1) == Some(POLICY_STATES)
}

/// The definitions (lower case) a [`query`] text asks for.
pub fn definitions_in(text: &str) -> Vec<String> {
    text.split('"')
        .filter(|s| s.contains("/microsoft.authorization/policydefinitions/"))
        .map(String::from)
        .collect()
}
