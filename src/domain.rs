//! Pure finding logic. No leptos, no web_sys: everything here runs under plain `cargo test`.
//!
//! The domain speaks the dashboard's language (alerts, vulnerabilities, misconfigurations,
//! compliance), never the ARM wire format; `crate::mapping` is the only way in.

pub mod actions;
pub mod csv;
pub mod embedding;
pub mod exemptions;
pub mod finding;
pub mod finding_ref;
pub mod fleet;
pub mod fleet_csv;
pub mod format;
pub mod grid;
pub mod level;
pub mod links;
pub mod owners;
pub mod refresh;
pub mod summary;

pub use finding::{
    Alert, AlertStatus, Assignment, ClusterData, ClusterInfo, ComplianceFinding,
    ComplianceStandard, Component, DataSource, Entity, Eta, Link, LoadIssues, OwnerState,
    PlanStatus, Recommendation, RecommendationKind, SourceQuery, Ticket, Vulnerability,
};
pub use finding_ref::FindingRef;
pub use level::{Level, Rating, RatingBasis};
pub use summary::{FindingType, Summary, SummaryRow};
