//! The one place where ARM wire types become domain types. `ui` and `domain` never see the wire.

pub mod actions;
pub mod alerts;
pub mod cluster;
pub mod compliance;
pub mod keys;
pub mod recommendations;
pub mod vulnerabilities;

pub use alerts::alert;
pub use cluster::{cluster_info, cluster_info_from_id, plan_status};
pub use compliance::compliance_standard;
pub use recommendations::recommendation;
pub use vulnerabilities::vulnerability;
