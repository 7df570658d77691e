//! Loads the fleet: the three Resource Graph queries of `arm::fleet` in one round, whatever the
//! number of clusters (pages aside), then the pure `mapping::fleet` assembly.

use crate::arm::fleet::{FleetQuery, FleetScope};
use crate::arm::graph;
use crate::arm::{ArmClient, ArmError, Transport};
use crate::domain::fleet::Fleet;
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
