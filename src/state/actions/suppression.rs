//! Reading the suppression rules that already exist for an alert type.

use crate::arm::actions::suppression::list_for_type;
use crate::arm::models::AlertsSuppressionRule;
use crate::arm::{ArmClient, Transport};
use crate::domain::actions::SuppressionRule;
use crate::mapping;

/// The subscription's rules for `alert_type`.
pub async fn rules_for<T: Transport>(
    client: &ArmClient<T>,
    subscription_id: &str,
    alert_type: &str,
) -> Result<Vec<SuppressionRule>, String> {
    client
        .list::<AlertsSuppressionRule>(list_for_type(subscription_id, alert_type))
        .await
        .map(|rules| {
            rules
                .iter()
                .map(mapping::actions::suppression_rule)
                .collect()
        })
        .map_err(|e| format!("The existing suppression rules could not be read: {e}"))
}
