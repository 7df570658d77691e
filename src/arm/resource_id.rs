//! The AKS cluster resource id the dashboard is opened for.

use std::fmt;

/// `/subscriptions/{sub}/resourceGroups/{rg}/providers/`
/// `Microsoft.ContainerService/managedClusters/{name}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClusterId {
    pub subscription_id: String,
    pub resource_group: String,
    pub name: String,
}

/// Why a text is not an AKS cluster id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not an AKS cluster resource id (expected \
     /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerService/\
     managedClusters/<name>)"
)]
pub struct NotAClusterId(pub String);

impl ClusterId {
    /// Parses a full resource id; segment names are matched case-insensitively, as ARM does.
    pub fn parse(text: &str) -> Result<ClusterId, NotAClusterId> {
        let parts: Vec<&str> = text.trim().trim_matches('/').split('/').collect();
        let ok = parts.len() == 8
            && parts[0].eq_ignore_ascii_case("subscriptions")
            && parts[2].eq_ignore_ascii_case("resourceGroups")
            && parts[4].eq_ignore_ascii_case("providers")
            && parts[5].eq_ignore_ascii_case("Microsoft.ContainerService")
            && parts[6].eq_ignore_ascii_case("managedClusters")
            && [1, 3, 7].iter().all(|&i| !parts[i].is_empty());
        if !ok {
            return Err(NotAClusterId(text.to_string()));
        }
        Ok(ClusterId {
            subscription_id: parts[1].to_string(),
            resource_group: parts[3].to_string(),
            name: parts[7].to_string(),
        })
    }

    /// The subscription's id path, `/subscriptions/{sub}`.
    pub fn subscription_path(&self) -> String {
        format!("/subscriptions/{}", self.subscription_id)
    }

    /// The resource group's id path.
    pub fn resource_group_path(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}",
            self.subscription_id, self.resource_group
        )
    }
}

impl fmt::Display for ClusterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ContainerService/\
             managedClusters/{}",
            self.subscription_id, self.resource_group, self.name
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_cluster_id() {
        let text = "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/rg1/\
                    providers/Microsoft.ContainerService/managedClusters/aks-prod";
        let id = ClusterId::parse(text).unwrap();
        assert_eq!(
            (id.resource_group.as_str(), id.name.as_str()),
            ("rg1", "aks-prod")
        );
        assert_eq!(id.to_string(), text);
    }

    #[test]
    fn rejects_other_resources() {
        assert!(
            ClusterId::parse(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"
            )
            .is_err()
        );
        assert!(ClusterId::parse("").is_err());
        assert!(
            ClusterId::parse(
                "/subscriptions//resourceGroups/rg/providers/\
                                  Microsoft.ContainerService/managedClusters/x"
            )
            .is_err()
        );
    }
}
