//! The exemptions inventory's changes: remove, or renew with a new expiry (either mechanism,
//! sent whole), four at a time with a result per item.

use crate::arm::actions::exemption;
use crate::browser::clock;
use crate::domain::ClusterData;
use crate::domain::actions::{ActivityEntry, BulkOutcome, RequestPreview};
use crate::domain::exemptions::Exemption;
use crate::state::actions::{BulkItem, Role, run_bulk};
use crate::state::session::Session;
use leptos::prelude::*;

/// A change from the inventory.
#[derive(Debug, Clone, PartialEq)]
pub enum InventoryChange {
    Remove(Vec<Exemption>),
    /// A new expiry (midnight UTC), or `None` for never.
    Renew(Vec<Exemption>, Option<String>),
}

fn inventory_items(change: &InventoryChange) -> Vec<BulkItem> {
    let (list, expiry) = match change {
        InventoryChange::Remove(list) => (list, None),
        InventoryChange::Renew(list, expiry) => (list, Some(expiry.as_deref())),
    };
    list.iter()
        .map(|e| BulkItem {
            id: e.id.clone(),
            label: e.display_name.clone(),
            planned: match expiry {
                None => exemption::remove(e),
                Some(until) => exemption::renew(e, until),
            },
        })
        .collect()
}

/// The inventory change's exact requests.
pub fn inventory_previews(actions: Session, change: &InventoryChange) -> Vec<RequestPreview> {
    inventory_items(change)
        .iter()
        .map(|i| actions.preview(&i.planned))
        .collect()
}

/// The data on screen after exemption `id` was removed or renewed.
pub fn patch_inventory(data: &mut ClusterData, id: &str, change: &InventoryChange) {
    match change {
        InventoryChange::Remove(_) => data.exemptions.retain(|e| e.id != id),
        InventoryChange::Renew(_, expiry) => {
            if let Some(e) = data.exemptions.iter_mut().find(|e| e.id == id) {
                e.expires_on = expiry.clone().unwrap_or_default();
            }
        }
    }
}

/// Removing or renewing as a Leptos action.
pub fn inventory_action() -> Action<InventoryChange, BulkOutcome> {
    let actions = Session::expect();
    Action::new_local(move |change: &InventoryChange| {
        let (change, client) = (change.clone(), actions.client());
        async move {
            let requests = inventory_previews(actions, &change);
            let result = run_bulk(
                &client,
                inventory_items(&change),
                Role::Exemptions,
                |item| {
                    if item.error.is_none() {
                        actions.patch(|d| patch_inventory(d, &item.id, &change));
                    }
                },
            )
            .await;
            let (what, verb) = match &change {
                InventoryChange::Remove(_) => ("Remove exemption".to_string(), "removed"),
                InventoryChange::Renew(_, None) => {
                    ("Renew exemption (no expiry)".into(), "renewed")
                }
                InventoryChange::Renew(_, Some(e)) => (
                    format!("Renew exemption until {}", &e[..10.min(e.len())]),
                    "renewed",
                ),
            };
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what,
                target: result.target("exemption"),
                outcome: result.outcome(verb),
                requests,
            });
            result
        }
    })
}
