//! Components. They read domain types only; the wire format never reaches this layer.

pub mod actions;
pub mod dashboard;
pub mod data_source;
pub mod exempted_toggle;
pub mod export_dialog;
pub mod fleet;
pub mod form;
pub mod grid;
pub mod header;
pub mod lazy;
pub mod load_error;
pub mod pane;
pub mod sign_in;
pub mod sign_in_again;
pub mod skeleton;
pub mod summary_bar;
pub mod tab_panels;
pub mod tabs;

pub use dashboard::Dashboard;
pub use load_error::LoadError;

/// Text from Azure as the page shows it: hidden characters (bidirectional overrides, zero-width
/// and control characters) written out, so nothing in a name can disguise what it is.
pub fn shown(text: &str) -> String {
    crate::domain::format::reveal(text).into_owned()
}
