//! Serde models of the ARM responses the dashboard reads, following the official Swagger
//! definitions in `shared/azure/specs`. Fields the UI may need later and fields this code does not
//! know are kept in `extra` maps, so a round trip loses nothing.

pub mod alert;
pub mod assessment;
pub mod compliance;
pub mod governance;
pub mod list;
pub mod managed_cluster;
pub mod pricing;
pub mod sub_assessment;
pub mod suppression;

pub use alert::{Alert, AlertProperties, ResourceIdentifier};
pub use assessment::{
    Assessment, AssessmentMetadata, AssessmentMetadataProperties, AssessmentProperties,
    AssessmentStatus, Risk,
};
pub use compliance::{
    ComplianceAssessment, ComplianceControl, ComplianceRow, ComplianceStandard, ComplianceState,
};
pub use governance::{
    GovernanceAssignment, GovernanceAssignmentProperties, GovernanceEmailNotification, OwnerRow,
};
pub use list::ArmList;
pub use managed_cluster::ManagedCluster;
pub use pricing::{Extension, Pricing, PricingProperties};
pub use sub_assessment::{SubAssessment, SubAssessmentAdditionalData, SubAssessmentProperties};
pub use suppression::{AlertsSuppressionRule, AlertsSuppressionRuleProperties};

/// Unknown JSON members, kept verbatim.
pub type Extra = serde_json::Map<String, serde_json::Value>;
