//! Messages from a portal that frames the dashboard. Only `allowedParentOrigins` may send them,
//! and only two things can be asked: which cluster to show and which theme to use.

use serde::Deserialize;

/// A valid request from the embedding page.
#[derive(Debug, Clone, PartialEq)]
pub enum HostMessage {
    /// Show this cluster (a full AKS resource id).
    Cluster(String),
    /// Use this theme: "light", "dark" or "system".
    Theme(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    cluster: Option<String>,
    #[serde(default)]
    theme: Option<String>,
}

/// The message `data` (as JSON text) sent from `origin`, if the origin is allowed and the body
/// is well formed: `{"type":"aks-dashboard.cluster","cluster":"/subscriptions/…"}` or
/// `{"type":"aks-dashboard.theme","theme":"dark"}`. Anything else is ignored (`None`).
pub fn parse(origin: &str, data: &str, allowed: &[String]) -> Option<HostMessage> {
    if !allowed.iter().any(|a| a.trim_end_matches('/') == origin) {
        return None;
    }
    let raw: Raw = serde_json::from_str(data).ok()?;
    match (raw.kind.as_str(), raw.cluster, raw.theme) {
        ("aks-dashboard.cluster", Some(id), None) if is_cluster_id(&id) => {
            Some(HostMessage::Cluster(id))
        }
        ("aks-dashboard.theme", None, Some(theme))
            if matches!(theme.as_str(), "light" | "dark" | "system") =>
        {
            Some(HostMessage::Theme(theme))
        }
        _ => None,
    }
}

/// `/subscriptions/{guid-ish}/resourceGroups/{rg}/providers/`
/// `Microsoft.ContainerService/managedClusters/{name}`
/// with nothing after the name (no path tricks).
fn is_cluster_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('/').collect();
    parts.len() == 9
        && parts[0].is_empty()
        && parts[1].eq_ignore_ascii_case("subscriptions")
        && parts[3].eq_ignore_ascii_case("resourceGroups")
        && parts[5].eq_ignore_ascii_case("providers")
        && parts[6].eq_ignore_ascii_case("Microsoft.ContainerService")
        && parts[7].eq_ignore_ascii_case("managedClusters")
        && parts.iter().skip(1).all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.()".contains(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "/subscriptions/3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40/resourceGroups/\
                      rg-payments/providers/Microsoft.ContainerService/managedClusters/\
                      aks-payments";

    fn allowed() -> Vec<String> {
        vec!["https://portal.contoso.com".into()]
    }

    #[test]
    fn accepts_cluster_and_theme_from_an_allowed_origin() {
        let cluster = format!(r#"{{"type":"aks-dashboard.cluster","cluster":"{ID}"}}"#);
        assert_eq!(
            parse("https://portal.contoso.com", &cluster, &allowed()),
            Some(HostMessage::Cluster(ID.into()))
        );
        assert_eq!(
            parse(
                "https://portal.contoso.com",
                r#"{"type":"aks-dashboard.theme","theme":"dark"}"#,
                &allowed()
            ),
            Some(HostMessage::Theme("dark".into()))
        );
    }

    #[test]
    fn ignores_other_origins_and_malformed_or_hostile_bodies() {
        let cluster = format!(r#"{{"type":"aks-dashboard.cluster","cluster":"{ID}"}}"#);
        for (origin, data) in [
            ("https://evil.example", cluster.as_str()),
            ("https://portal.contoso.com.evil.example", cluster.as_str()),
            ("http://portal.contoso.com", cluster.as_str()),
            ("https://portal.contoso.com", "not json"),
            (
                "https://portal.contoso.com",
                r#"{"type":"aks-dashboard.theme","theme":"<script>"}"#,
            ),
            (
                "https://portal.contoso.com",
                r#"{"type":"aks-dashboard.cluster","cluster":"javascript:alert(1)"}"#,
            ),
            (
                "https://portal.contoso.com",
                concat!(
                    r#"{"type":"aks-dashboard.cluster","cluster":"#,
                    r#""/subscriptions/x/resourceGroups/rg/providers/"#,
                    r#"Microsoft.ContainerService/managedClusters/a/../../b"}"#,
                ),
            ),
            (
                "https://portal.contoso.com",
                r#"{"type":"aks-dashboard.token","token":"x"}"#,
            ),
            (
                "https://portal.contoso.com",
                r#"{"type":"aks-dashboard.theme","theme":"dark","extra":1}"#,
            ),
        ] {
            assert_eq!(parse(origin, data, &allowed()), None, "{origin} {data}");
        }
        assert_eq!(
            parse("https://portal.contoso.com", &cluster, &[]),
            None,
            "no origin allowed by default"
        );
    }
}
