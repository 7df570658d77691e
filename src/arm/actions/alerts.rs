//! Alert status: `POST {alertId}/{activate|inProgress|resolve|dismiss}`, no body, 204.

use super::Planned;
use crate::arm::endpoints::ALERTS_API;
use crate::arm::transport::Method;
use crate::domain::AlertStatus;

/// The action that moves an alert to `status`, on the alert's own id (which carries its
/// location and level).
pub fn change_status(alert_id: &str, status: AlertStatus) -> Planned {
    let action = match status {
        AlertStatus::Active => "activate",
        AlertStatus::InProgress => "inProgress",
        AlertStatus::Resolved => "resolve",
        AlertStatus::Dismissed => "dismiss",
    };
    Planned::new(
        Method::Post,
        format!("{alert_id}/{action}?api-version={ALERTS_API}"),
        None,
    )
}
