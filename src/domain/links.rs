//! Links into the Azure portal and documentation that the details panes offer. Portal links
//! open in the portal of the cluster's cloud (see [`portal_for`]).

/// The public cloud's portal.
pub const PUBLIC_PORTAL: &str = "https://portal.azure.com";

/// The Azure portal of the cloud whose Resource Manager is `arm_endpoint`: US Government and
/// China (21Vianet) have their own; the public portal otherwise.
pub fn portal_for(arm_endpoint: &str) -> &'static str {
    let host = arm_endpoint
        .trim_start_matches("https://")
        .split(['/', ':'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match host.as_str() {
        "management.usgovcloudapi.net" => "https://portal.azure.us",
        "management.chinacloudapi.cn" => "https://portal.azure.cn",
        _ => PUBLIC_PORTAL,
    }
}

/// "Configure security rules" (drift and other cluster security rules) documentation.
pub const SECURITY_RULES_DOC: &str =
    "https://learn.microsoft.com/azure/defender-for-cloud/binary-drift-detection";

/// How regulatory compliance standards are chosen (at subscription level).
pub const STANDARDS_DOC: &str =
    "https://learn.microsoft.com/azure/defender-for-cloud/update-regulatory-compliance-packages";

/// Percent-encodes a URL path segment or query value: only RFC 3986 unreserved characters stay
/// as they are, so a hostile value can add neither a segment nor a parameter. Used for the
/// portal's `#view/...` routes and for values put into ARM query strings.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The cluster's Logs blade, to investigate an alert in its timeframe.
pub fn cluster_logs(portal: &str, cluster_id: &str) -> String {
    format!("{portal}/#@/resource{cluster_id}/logs")
}

/// A recommendation's page, as ARM's `links.azurePortalUri` spells it (used when the
/// assessment came without its links).
/// A query opened in the cloud's Azure Resource Graph Explorer, as Microsoft's docs link their
/// sample queries (`#blade/HubsExtension/ArgQueryBlade/query/{percent-encoded KQL}`).
pub fn resource_graph_explorer(portal: &str, query: &str) -> String {
    format!(
        "{portal}/#blade/HubsExtension/ArgQueryBlade/query/{}",
        encode(query)
    )
}

pub fn recommendation(portal: &str, key: &str) -> String {
    format!(
        "{portal}/#blade/Microsoft_Azure_Security/RecommendationsBlade/assessmentKey/{}",
        encode(key)
    )
}

/// A built-in Azure Policy definition's page.
pub fn policy_definition(portal: &str, definition_id: &str) -> String {
    format!(
        "{portal}/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/{}",
        encode(definition_id)
    )
}

/// The subscription's regulatory compliance standards settings in Defender for Cloud.
pub fn compliance_standards(portal: &str, subscription_id: &str) -> String {
    format!(
        "{portal}/#view/Microsoft_Azure_Security/SecurityPolicyBladeV2/subscriptionId/{}",
        encode(subscription_id)
    )
}

/// Whether a link from an API response is safe to offer (https only: never `javascript:`).
pub fn is_safe(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cloud_links_to_its_own_portal() {
        for (arm, portal) in [
            ("https://management.azure.com", "https://portal.azure.com"),
            ("https://management.azure.com/", "https://portal.azure.com"),
            (
                "https://management.usgovcloudapi.net",
                "https://portal.azure.us",
            ),
            (
                "https://Management.ChinaCloudAPI.cn/",
                "https://portal.azure.cn",
            ),
            (
                "https://management.example.test:8443",
                "https://portal.azure.com",
            ),
        ] {
            assert_eq!(portal_for(arm), portal, "{arm}");
        }
    }

    #[test]
    fn encodes_ids_and_refuses_unsafe_schemes() {
        let id = "/providers/Microsoft.Authorization/policyDefinitions/0a15ec92-a229";
        assert_eq!(
            policy_definition(PUBLIC_PORTAL, id),
            "https://portal.azure.com/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/\
             %2Fproviders%2FMicrosoft.Authorization%2FpolicyDefinitions%2F0a15ec92-a229"
        );
        assert_eq!(
            cluster_logs(
                "https://portal.azure.us",
                "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/\
                 managedClusters/c"
            ),
            "https://portal.azure.us/#@/resource/subscriptions/s/resourceGroups/g/providers/\
             Microsoft.ContainerService/managedClusters/c/logs"
        );
        assert!(is_safe("https://nvd.nist.gov/vuln/detail/CVE-2023-4911"));
        assert!(is_safe("HTTPS://example.com"));
        for bad in [
            "javascript:alert(1)",
            "http://x",
            "data:text/html,x",
            " https://x",
            "",
        ] {
            assert!(!is_safe(bad), "{bad}");
        }
    }
}
