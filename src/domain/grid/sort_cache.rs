//! Each column's sort order over a whole table, computed on the first click and kept with the
//! table: sorting again (the other way, after a search, back and forth between columns) only
//! filters a kept order, which at 50,000 rows is a linear pass instead of a sort.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Every row's index in sorted order, per (column, descending). A table's rows never change
/// (a new load builds a new table), so an order stays right for the table's life.
#[derive(Debug, Default)]
pub struct SortCache(Mutex<HashMap<SortKey, Arc<Vec<u32>>>>);

/// A column's index, and whether the order is descending.
type SortKey = (usize, bool);

impl SortCache {
    /// The order for `key`, computed by `sort` the first time.
    pub fn get_or_sort(
        &self,
        key: (usize, bool),
        sort: impl FnOnce() -> Vec<u32>,
    ) -> Arc<Vec<u32>> {
        // A poisoned lock (a panic while sorting) only loses the cache: sort again.
        if let Some(order) = self.0.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return order;
        }
        let order = Arc::new(sort());
        if let Ok(mut m) = self.0.lock() {
            m.insert(key, order.clone());
        }
        order
    }
}

/// A copy of a table starts with no kept orders (they are cheap to redo, and a copy is rare).
impl Clone for SortCache {
    fn clone(&self) -> SortCache {
        SortCache::default()
    }
}

/// Kept orders say nothing about a table's content: two tables are equal by their rows.
impl PartialEq for SortCache {
    fn eq(&self, _: &SortCache) -> bool {
        true
    }
}
