//! The Resource Graph queries one cluster's dashboard is read with (`shared/azure/API.md` §8.3,
//! live model §L). Each is built from a [`ClusterId`] only, runs over the cluster's
//! subscription, projects `id` and orders by it (Resource Graph pages stably only then), and is
//! checked by Microsoft's Kusto parser in `tests/kql` (0 error diagnostics).
//!
//! Where Microsoft has not documented where a fact lives, the queries accept every documented or
//! reported candidate, and the comment names its source.

use super::graph::GraphQuery;
use super::resource_id::ClusterId;

/// What a query reads: one per dashboard source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueryKind {
    /// Every assessment of the cluster and of everything under it.
    Recommendations,
    /// The alerts that name the cluster, in any resource group.
    Alerts,
    /// The governance assignments (owners) of those assessments.
    Owners,
    /// Regulatory compliance assessments of the cluster's recommendation keys.
    Compliance,
    /// The exemptions (Defender and Azure Policy) set on the cluster, a parent, or under it.
    Exemptions,
}

impl QueryKind {
    pub const ALL: [QueryKind; 5] = [
        QueryKind::Recommendations,
        QueryKind::Alerts,
        QueryKind::Owners,
        QueryKind::Compliance,
        QueryKind::Exemptions,
    ];

    /// What the query reads, for the "Show query" panel.
    pub fn describe(self) -> &'static str {
        match self {
            QueryKind::Recommendations => {
                "Every recommendation of the cluster and of what runs in it (cluster-level and \
                 container-level checks, and individual vulnerability findings), with its metadata \
                 inline."
            }
            QueryKind::Alerts => {
                "The security alerts whose resource identifiers name the cluster, in any resource \
                 group of its subscription."
            }
            QueryKind::Owners => {
                "The governance assignments (owner, due date) of the cluster's recommendations."
            }
            QueryKind::Compliance => {
                "The regulatory compliance controls that map to the cluster's recommendations."
            }
            QueryKind::Exemptions => {
                "The exemptions set on the cluster, on its resource group or subscription, or \
                 on what runs in it: Defender for Cloud's (standard assignments with effect \
                 Exempt) and Azure Policy's."
            }
        }
    }

    /// The query for `cluster`.
    pub fn query(self, cluster: &ClusterId) -> GraphQuery {
        let c = kql_string(&cluster.to_string().to_ascii_lowercase());
        let text = match self {
            QueryKind::Recommendations => recommendations(&c),
            QueryKind::Alerts => alerts(&c),
            QueryKind::Owners => owners(&c),
            QueryKind::Compliance => compliance(&c),
            QueryKind::Exemptions => exemptions(&c),
        };
        GraphQuery {
            text,
            subscriptions: vec![cluster.subscription_id.clone()],
            ..GraphQuery::default()
        }
    }

    /// Which query `text` is, by the Resource Graph type it reads first (the demo and the test
    /// fakes answer by it, as Resource Graph would by the type filter).
    pub fn of_text(text: &str) -> Option<QueryKind> {
        let first_type = text.split('"').nth(1)?;
        Some(match first_type {
            ASSESSMENTS => QueryKind::Recommendations,
            ALERTS => QueryKind::Alerts,
            OWNERS => QueryKind::Owners,
            COMPLIANCE_ASSESSMENTS => QueryKind::Compliance,
            STANDARD_ASSIGNMENTS => QueryKind::Exemptions,
            _ => return None,
        })
    }
}

/// The one resource with `id`, whole: a details pane's "Raw data". Over the subscription the id
/// names (every readable one when it names none).
pub fn by_id(id: &str) -> GraphQuery {
    let subscription = id
        .split('/')
        .skip_while(|s| !s.eq_ignore_ascii_case("subscriptions"))
        .nth(1)
        .filter(|s| !s.is_empty());
    GraphQuery {
        text: format!(
            "securityresources\n| where id =~ {}\n| project id, name, type, subscriptionId, \
             resourceGroup, properties",
            kql_string(id)
        ),
        subscriptions: subscription.into_iter().map(String::from).collect(),
        ..GraphQuery::default()
    }
}

/// The id a [`by_id`] query asks for.
pub fn id_of_by_id(text: &str) -> Option<String> {
    let rest = text.strip_prefix("securityresources\n| where id =~ \"")?;
    let end = rest.find("\"\n")?;
    Some(rest[..end].replace("\\\"", "\"").replace("\\\\", "\\"))
}

/// Resource Graph types (lower case, as Resource Graph stores them; compared with `=~`).
pub const ASSESSMENTS: &str = "microsoft.security/assessments";
pub const ALERTS: &str = "microsoft.security/locations/alerts";
pub const OWNERS: &str = "microsoft.security/assessments/governanceassignments";
pub const STANDARD_ASSIGNMENTS: &str = "microsoft.security/standardassignments";
pub const POLICY_EXEMPTIONS: &str = "microsoft.authorization/policyexemptions";
pub const COMPLIANCE_ASSESSMENTS: &str = "microsoft.security/regulatorycompliancestandards/\
                                          regulatorycompliancecontrols/\
                                          regulatorycomplianceassessments";
pub const COMPLIANCE_CONTROLS: &str =
    "microsoft.security/regulatorycompliancestandards/regulatorycompliancecontrols";

/// A KQL string literal.
pub fn kql_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The assessments that belong to the cluster `c` (a lower-case KQL literal). How an individual
/// finding on a running container links to its cluster is undocumented (API.md §L4), so both
/// candidates are accepted:
/// - the assessment's own id hangs under the cluster (API.md §8.3 (a), (c));
/// - the assessed resource, `properties.resourceDetails.Id`, is the cluster or under it
///   (Microsoft's Power BI query derives a row's resource from it: `ASD add-data-power-bi.md`).
///   Resource Graph spells it `Id` (ASD samples); the REST shape spells it `id`: both are read.
fn assessments_of(c: &str) -> String {
    format!(
        "securityresources\n\
         | where type =~ \"{ASSESSMENTS}\"\n\
         | extend assessedId = tolower(coalesce(tostring(properties.resourceDetails.Id), \
         tostring(properties.resourceDetails.id)))\n\
         | where tolower(id) startswith strcat({c}, \"/\") or assessedId == {c} or assessedId \
         startswith strcat({c}, \"/\")"
    )
}

/// Whole rows (`properties` as stored), so a finding's raw JSON can be shown and no field
/// Microsoft adds is lost; the mapping reads the individual model's fields from it (§L3).
fn recommendations(c: &str) -> String {
    format!(
        "{}\n| project id, name, type, subscriptionId, resourceGroup, properties\n| order by id \
         asc",
        assessments_of(c)
    )
}

/// Alert properties are PascalCase in Resource Graph (API.md §8.2, CONFIRMED). An alert naming
/// the cluster twice comes back twice: the mapping keeps one per id (API.md §8.3 (d)).
fn alerts(c: &str) -> String {
    format!(
        "securityresources\n\
         | where type =~ \"{ALERTS}\"\n\
         | mv-expand identifier = properties.ResourceIdentifiers\n\
         | where tolower(tostring(identifier.AzureResourceId)) == {c}\n\
         | project id, name, type, subscriptionId, resourceGroup, properties\n\
         | order by id asc"
    )
}

/// An assignment's assessment is the prefix of its own id: the REST path is
/// `{assessment id}/governanceAssignments/{key}` (governanceAssignments.json). Joined to the
/// cluster's assessments, so container-level and individual findings' owners come too.
fn owners(c: &str) -> String {
    format!(
        "securityresources\n\
         | where type =~ \"{OWNERS}\"\n\
         | extend assessmentId = tolower(extract(@\"(?i)^(.+)/governanceassignments/[^/]+$\", 1, \
         id))\n\
         | join kind=inner (\n\
         {}\n\
         | project assessmentId = tolower(id)\n\
         ) on assessmentId\n\
         | project id, name, type, assessmentId, properties\n\
         | order by id asc",
        assessments_of(c)
    )
}

/// Defender exemptions are standard assignments with effect `Exempt`; their id is
/// `{scope}/providers/Microsoft.Security/standardAssignments/{guid}`, though the official
/// example's lacks the `/providers` (API.md §E2): both shapes give the scope. Azure Policy's are
/// in another table, `policyresources` (API.md §8.3 (f)). Casing of the Defender rows in Resource
/// Graph is UNCONFIRMED (camelCase assumed, as REST). An exemption counts when its scope is the
/// cluster, a parent of it, or a resource under it (a finding's container).
fn exemptions(c: &str) -> String {
    format!(
        "securityresources\n\
         | where type =~ \"{STANDARD_ASSIGNMENTS}\"\n\
         | where tostring(properties.effect) =~ \"Exempt\"\n\
         | project id, name, type, properties\n\
         | union (\n\
         policyresources\n\
         | where type =~ \"{POLICY_EXEMPTIONS}\"\n\
         | project id, name, type, properties\n\
         )\n\
         | extend scope = tolower(coalesce(\
         extract(@\"(?i)^(.*?)(/providers)?/microsoft\\.security/standardassignments/[^/]+$\", 1, \
         id), \
         extract(@\"(?i)^(.*)/providers/microsoft\\.authorization/policyexemptions/[^/]+$\", 1, \
         id)))\n\
         | where {c} == scope or {c} startswith strcat(scope, \"/\") or scope startswith \
         strcat({c}, \"/\")\n\
         | project id, name, type, properties\n\
         | order by id asc"
    )
}

/// Compliance assessments are per subscription (`properties.scope` Subscription or
/// MultiCloudAggregation, `ASD add-data-power-bi.md`); a control's description is on the control.
/// Only the rows whose assessment key the cluster has come back: the cluster's state of each
/// control is computed from its own recommendations (API.md §5a rule).
fn compliance(c: &str) -> String {
    format!(
        "securityresources\n\
         | where type =~ \"{COMPLIANCE_ASSESSMENTS}\"\n\
         | extend scope = tostring(properties.scope)\n\
         | where isempty(scope) or scope in~ (\"Subscription\", \"MultiCloudAggregation\")\n\
         | extend standard = extract(@\"(?i)/regulatoryComplianceStandards/([^/]+)/\", 1, id), \
         control = extract(@\"(?i)/regulatoryComplianceControls/([^/]+)/\", 1, id), assessmentKey \
         = tolower(extract(@\"(?i)/regulatoryComplianceAssessments/([^/]+)$\", 1, id)), controlId \
         = tolower(extract(@\"(?i)^(.+)/regulatoryComplianceAssessments/[^/]+$\", 1, id))\n\
         | join kind=leftouter (\n\
         securityresources\n\
         | where type =~ \"{COMPLIANCE_CONTROLS}\"\n\
         | project controlId = tolower(id), controlDescription = tostring(properties.description)\n\
         ) on controlId\n\
         | join kind=inner (\n\
         {}\n\
         | project assessmentKey = tolower(name)\n\
         | distinct assessmentKey\n\
         ) on assessmentKey\n\
         | project id, standard, control, controlDescription, assessmentKey, state = \
         tostring(properties.state)\n\
         | order by id asc",
        assessments_of(c)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster() -> ClusterId {
        ClusterId::parse(
            "/subscriptions/3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40/resourceGroups/\
                          RG-Payments/providers/Microsoft.ContainerService/managedClusters/\
                          AKS-1",
        )
        .unwrap()
    }

    #[test]
    fn every_query_runs_over_the_clusters_subscription_and_names_it_in_lower_case() {
        for kind in QueryKind::ALL {
            let q = kind.query(&cluster());
            assert_eq!(q.subscriptions, ["3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40"]);
            assert!(
                q.text.contains(
                    "/resourcegroups/rg-payments/providers/\
                     microsoft.containerservice/managedclusters/aks-1\""
                ),
                "{kind:?}"
            );
            assert!(
                q.text.ends_with("| order by id asc"),
                "{kind:?} pages stably"
            );
            assert_eq!(QueryKind::of_text(&q.text), Some(kind));
        }
        assert_eq!(QueryKind::of_text("Resources | take 1"), None);
    }

    #[test]
    fn a_by_id_query_names_its_id_back() {
        let id = "/subscriptions/s/providers/Microsoft.Security/assessments/k";
        assert_eq!(id_of_by_id(&by_id(id).text).as_deref(), Some(id));
        assert_eq!(
            by_id(id).subscriptions,
            ["s"],
            "scoped to the id's subscription"
        );
        assert!(
            by_id("/providers/Microsoft.Security/x")
                .subscriptions
                .is_empty()
        );
        assert_eq!(id_of_by_id("Resources | take 1"), None);
    }

    #[test]
    fn quotes_in_an_id_cannot_end_the_literal() {
        assert_eq!(kql_string(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
