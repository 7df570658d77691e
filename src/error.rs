//! Errors the app shows to its user.

use crate::arm::ArmError;
use crate::arm::resource_id::NotAClusterId;

/// Anything that stops the dashboard from showing a cluster, in words a user can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AppError {
    #[error("The embedded demo cluster could not be read: {0}")]
    Demo(String),
    #[error(transparent)]
    Cluster(#[from] NotAClusterId),
    #[error("Could not load the cluster's security data. {}", .0.for_reader())]
    Arm(#[from] ArmError),
}
