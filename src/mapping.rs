//! The one place where ARM wire types become domain types. `ui` and `domain` never see the wire.

pub mod actions;
pub mod alerts;
pub mod assemble;
pub mod cluster;
pub mod compliance;
pub mod components;
pub mod exemptions;
pub mod fleet;
pub mod keys;
pub mod recommendations;
pub mod vulnerabilities;

pub use alerts::alert;
pub use assemble::{Fetched, GroupedRead, assemble};
pub use cluster::{cluster_info, cluster_info_from_id, plan_status};
pub use compliance::compliance_standards;
pub use recommendations::recommendation;
pub use vulnerabilities::vulnerability;
