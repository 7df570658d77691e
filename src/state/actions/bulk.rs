//! One action over many findings: a few requests at a time, a result per item as each ends.

use super::failure::{Role, describe};
use crate::arm::actions::Planned;
use crate::arm::{ArmClient, Transport};
use crate::domain::actions::{BulkOutcome, ItemResult};
use futures::{StreamExt, stream};

/// Requests in flight at once: ARM's write limits are per principal and lower than reads.
pub const BULK_LIMIT: usize = 4;

/// One finding and the request that acts on it.
#[derive(Debug, Clone)]
pub struct BulkItem {
    pub id: String,
    pub label: String,
    pub planned: Planned,
}

/// Sends every item's request, [`BULK_LIMIT`] at a time; `on_done` hears about each as it ends
/// (so the grid updates in place). The outcome keeps the items' order.
pub async fn run_bulk<T: Transport>(
    client: &ArmClient<T>,
    items: Vec<BulkItem>,
    role: Role,
    mut on_done: impl FnMut(&ItemResult),
) -> BulkOutcome {
    let count = items.len();
    let mut results: Vec<Option<ItemResult>> = vec![None; count];
    let mut running = stream::iter(items.into_iter().enumerate())
        .map(|(i, item)| async move {
            let error = client
                .send_planned(&item.planned)
                .await
                .err()
                .map(|e| describe(&e, role));
            (
                i,
                ItemResult {
                    id: item.id,
                    label: item.label,
                    error,
                },
            )
        })
        .buffer_unordered(BULK_LIMIT);
    while let Some((i, result)) = running.next().await {
        on_done(&result);
        results[i] = Some(result);
    }
    BulkOutcome {
        items: results.into_iter().flatten().collect(),
    }
}
