//! Running the actions: bulk runs with a concurrency limit and a result per item, Quick Fix
//! (read, preview, conditional write, follow the operation, re-read), the Settings pane's reads
//! and writes, and the error text for each failure. Generic over the transport, so the same
//! code runs against Azure, the demo cluster and the native tests' fakes.

pub mod bulk;
pub mod failure;
pub mod quick_fix;
pub mod settings;
pub mod suppression;

pub use bulk::{BULK_LIMIT, BulkItem, run_bulk};
pub use failure::{ActionError, FailureKind, Role, classify, describe};
