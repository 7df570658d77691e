//! A cheaply cloned, pointer-compared value for memos that hold large derived data (tables,
//! row orders): comparing 50,000 rows to decide whether to notify would cost more than the
//! update itself, and a recomputed table is a new table anyway.

use std::ops::Deref;
use std::sync::Arc;

/// An `Arc` whose equality is identity.
#[derive(Debug, Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Wraps a freshly computed value.
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// Which value this is: equal for clones, different for every recomputation. Cheap to
    /// compare and to use in keys.
    pub fn identity(&self) -> usize {
        Arc::as_ptr(&self.0) as *const () as usize
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
