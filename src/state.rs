//! App state: the loaded cluster dataset and what the user has chosen to look at.

pub mod actions;
pub mod export;
pub mod flows;
pub mod load;
pub mod raw;
pub mod shared;
pub mod view;

pub use load::load_cluster;
pub use shared::Shared;
pub use view::ViewState;
