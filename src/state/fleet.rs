//! Loads the fleet: the three Resource Graph queries of `arm::fleet` in one round, whatever the
//! number of clusters (pages aside), then the pure `mapping::fleet` assembly.

/// Where the fleet's queries run (the screens pass it along; `ui` reaches `arm` only here).
pub use crate::arm::fleet::FleetScope;

use crate::arm::fleet::FleetQuery;
use crate::arm::graph;
use crate::arm::{ArmClient, ArmError, Transport};
use crate::domain::fleet::Fleet;
use crate::domain::{DataSource, SourceQuery};
use crate::mapping::fleet::{FetchedFleet, assemble_fleet};

/// Reads the fleet over `scope`. Fails only when the clusters themselves cannot be listed.
pub async fn load_fleet<T: Transport>(
    client: &ArmClient<T>,
    scope: &FleetScope,
) -> Result<Fleet, ArmError> {
    let [clusters, plans, posture] = FleetQuery::ALL.map(|q| q.query(scope));
    let (clusters, plans, posture) = futures::join!(
        graph::query(client, &clusters),
        graph::query(client, &plans),
        graph::query(client, &posture),
    );
    assemble_fleet(FetchedFleet {
        clusters,
        plans,
        posture,
    })
}

/// What the fleet reads, for its "Show query": the three queries as sent over `scope`.
pub fn fleet_source(scope: &FleetScope) -> DataSource {
    let mut notes = vec![
        "Counted by Resource Graph, one row per cluster: the browser receives counts, not \
         findings."
            .to_string(),
    ];
    if let FleetScope::ManagementGroups(groups) = scope {
        notes.push(format!(
            "Scope: the management groups {}.",
            groups.join(", ")
        ));
    }
    notes.push(
        "With more subscriptions than Resource Graph takes in one query, it answers for those it \
         could take (allowPartialScopes) and does not name the others."
            .to_string(),
    );
    DataSource {
        model: "Fleet posture".into(),
        api: "Azure Resource Graph".into(),
        queries: FleetQuery::ALL
            .iter()
            .map(|q| SourceQuery {
                description: q.describe().into(),
                text: q.text(),
                kql: true,
            })
            .collect(),
        notes,
    }
}

/// [`load_fleet`] for a screen: the error as a failed read explains it.
pub async fn read_fleet<T: Transport>(
    client: &ArmClient<T>,
    scope: &FleetScope,
) -> Result<Fleet, String> {
    load_fleet(client, scope).await.map_err(|e| e.for_reader())
}
