//! App state: the loaded cluster dataset and what the user has chosen to look at.

pub mod actions;
pub mod export;
pub mod fleet;
pub mod flows;
pub mod load;
pub mod raw;
pub mod session;
pub mod shared;
pub mod view;

/// The cluster's id, as the screens pass it along (`ui` reaches `arm` only through `state`).
pub use crate::arm::ClusterId;
pub use load::load_cluster;
pub use shared::Shared;
pub use view::ViewState;
