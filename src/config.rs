//! Runtime configuration: `config.json` served beside `index.html`, so one build serves any
//! tenant and cloud. No file (or `?demo`) means the embedded demo cluster.

use serde::Deserialize;

/// Where the app gets its data.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// The embedded demo cluster.
    Demo,
    /// Azure, signed in with Entra ID.
    Azure(AzureConfig),
}

/// A deployment's Azure settings.
#[derive(Debug, Clone, PartialEq)]
pub struct AzureConfig {
    /// The Entra app registration's application (client) id.
    pub client_id: String,
    /// `https://login.microsoftonline.com/<tenant id | organizations>` or a sovereign cloud's host.
    pub authority: String,
    /// Where Entra sends the user back; registered as a Single-page application redirect URI.
    pub redirect_uri: String,
    /// Azure Resource Manager, e.g. `https://management.azure.com`.
    pub arm_endpoint: String,
    /// Azure Resource Graph (served by ARM's host in every cloud).
    pub resource_graph_endpoint: String,
    /// Origins allowed to frame the app and post it messages.
    pub allowed_parent_origins: Vec<String>,
    /// The fleet view's scope: the subscriptions under these management groups (names), or,
    /// when empty, every subscription of the tenant the user can read.
    pub management_groups: Vec<String>,
    /// A request with no response after this long is abandoned (and retried as a network
    /// failure would be): a hung connection must not hold the page forever.
    pub request_timeout_seconds: u32,
    /// Test-only: the first retry's backoff in milliseconds (default 800, doubling per retry).
    /// The e2e fault specs set it low so they do not wait on real backoff; a waiting time the
    /// server asks for (`Retry-After`) is always honoured as sent.
    pub test_retry_base_ms: Option<u32>,
}

impl AzureConfig {
    /// The token scope for ARM: `<arm endpoint>/.default`.
    pub fn arm_scope(&self) -> String {
        format!("{}/.default", self.arm_endpoint.trim_end_matches('/'))
    }
}

/// A configuration problem, naming the field so an operator can fix the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("config.json: `{field}` {problem}")]
pub struct ConfigError {
    pub field: String,
    pub problem: String,
}

/// Every field `RawConfig` reads, as written in the file.
const FIELDS: [&str; 9] = [
    "clientId",
    "authority",
    "redirectUri",
    "armEndpoint",
    "resourceGraphEndpoint",
    "allowedParentOrigins",
    "managementGroups",
    "requestTimeoutSeconds",
    "testRetryBaseMs",
];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawConfig {
    client_id: Option<String>,
    authority: Option<String>,
    redirect_uri: Option<String>,
    arm_endpoint: Option<String>,
    resource_graph_endpoint: Option<String>,
    #[serde(default)]
    allowed_parent_origins: Vec<String>,
    #[serde(default)]
    management_groups: Vec<String>,
    request_timeout_seconds: Option<u32>,
    test_retry_base_ms: Option<u32>,
}

const PUBLIC_ARM: &str = "https://management.azure.com";
/// ARM answers within seconds; a minute covers its slowest lists with room to spare.
const DEFAULT_TIMEOUT_SECONDS: u32 = 60;

impl AzureConfig {
    /// Parses and checks `config.json`. `page_origin` (e.g. `https://dash.contoso.com`) is the
    /// default redirect URI's origin.
    pub fn parse(text: &str, page_origin: &str) -> Result<AzureConfig, ConfigError> {
        let invalid = |e: serde_json::Error| problem("(file)", &format!("is not valid: {e}"));
        let value: serde_json::Value = serde_json::from_str(text).map_err(invalid)?;
        // An unknown field is named by comparing keys, not by reading serde's message: a typo
        // (`clientID`) or a secret pasted where it must never be (`clientSecret`) is pointed at.
        if let Some(unknown) = value
            .as_object()
            .and_then(|o| o.keys().find(|k| !FIELDS.contains(&k.as_str())))
        {
            return Err(problem(
                unknown,
                &format!(
                    "is not a field of config.json (known: {})",
                    FIELDS.join(", ")
                ),
            ));
        }
        let raw: RawConfig = serde_json::from_value(value).map_err(invalid)?;
        let client_id = required("clientId", raw.client_id)?;
        if !is_guid(&client_id) {
            return Err(problem(
                "clientId",
                "must be the app registration's Application (client) ID, a GUID",
            ));
        }
        let authority = https_url("authority", required("authority", raw.authority)?)?;
        if authority.trim_end_matches('/').matches('/').count() < 3 {
            return Err(problem(
                "authority",
                "must include the tenant, e.g. https://login.microsoftonline.com/<tenant id>",
            ));
        }
        let redirect_uri = match raw.redirect_uri {
            Some(uri) => loopback_or_https("redirectUri", uri)?,
            None => format!("{}/", page_origin.trim_end_matches('/')),
        };
        let arm_endpoint = https_url(
            "armEndpoint",
            raw.arm_endpoint.unwrap_or_else(|| PUBLIC_ARM.into()),
        )?;
        let resource_graph_endpoint = https_url(
            "resourceGraphEndpoint",
            raw.resource_graph_endpoint
                .unwrap_or_else(|| arm_endpoint.clone()),
        )?;
        for origin in &raw.allowed_parent_origins {
            let o = loopback_or_https("allowedParentOrigins", origin.clone())?;
            if o.trim_end_matches('/').matches('/').count() != 2 {
                return Err(problem(
                    "allowedParentOrigins",
                    &format!("'{origin}' must be an origin (scheme://host[:port]) without a path"),
                ));
            }
        }
        // A management group's name (its id's last segment): letters, digits, - _ ( ) . only.
        if let Some(bad) = raw.management_groups.iter().find(|g| {
            g.is_empty()
                || g.len() > 90
                || !g
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_().".contains(c))
        }) {
            return Err(problem(
                "managementGroups",
                &format!("'{bad}' is not a management group name (its id's last segment)"),
            ));
        }
        let request_timeout_seconds = raw
            .request_timeout_seconds
            .unwrap_or(DEFAULT_TIMEOUT_SECONDS);
        if !(1..=600).contains(&request_timeout_seconds) {
            return Err(problem(
                "requestTimeoutSeconds",
                "must be between 1 and 600 seconds",
            ));
        }
        if raw
            .test_retry_base_ms
            .is_some_and(|ms| !(1..=10_000).contains(&ms))
        {
            return Err(problem(
                "testRetryBaseMs",
                "must be between 1 and 10000 milliseconds",
            ));
        }
        Ok(AzureConfig {
            request_timeout_seconds,
            test_retry_base_ms: raw.test_retry_base_ms,
            client_id,
            authority: authority.trim_end_matches('/').to_string(),
            redirect_uri,
            arm_endpoint: arm_endpoint.trim_end_matches('/').to_string(),
            resource_graph_endpoint: resource_graph_endpoint.trim_end_matches('/').to_string(),
            allowed_parent_origins: raw
                .allowed_parent_origins
                .iter()
                .map(|o| o.trim_end_matches('/').to_string())
                .collect(),
            management_groups: raw.management_groups,
        })
    }
}

impl DataSource {
    /// Decides where the data comes from: `?demo` or no `config.json` (`file` is `None`) means
    /// the demo cluster; otherwise the file must be a valid Azure configuration.
    pub fn choose(
        demo_requested: bool,
        file: Option<&str>,
        page_origin: &str,
    ) -> Result<DataSource, ConfigError> {
        // The shipped config.json says `{"demo": true}`; a deployment replaces it.
        let says_demo = |text: &str| {
            serde_json::from_str::<serde_json::Value>(text)
                .is_ok_and(|v| v.get("demo") == Some(&serde_json::Value::Bool(true)))
        };
        match (demo_requested, file) {
            (true, _) | (false, None) => Ok(DataSource::Demo),
            (false, Some(text)) if says_demo(text) => Ok(DataSource::Demo),
            (false, Some(text)) => AzureConfig::parse(text, page_origin).map(DataSource::Azure),
        }
    }
}

fn problem(field: &str, text: &str) -> ConfigError {
    ConfigError {
        field: field.to_string(),
        problem: text.to_string(),
    }
}

fn required(field: &str, value: Option<String>) -> Result<String, ConfigError> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| problem(field, "is required"))
}

fn https_url(field: &str, url: String) -> Result<String, ConfigError> {
    let ok = url
        .strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if ok {
        Ok(url)
    } else {
        Err(problem(
            field,
            &format!("must be an https:// URL (got '{url}')"),
        ))
    }
}

/// https, or http on a loopback host (local development and tests; MSAL accepts both).
fn loopback_or_https(field: &str, url: String) -> Result<String, ConfigError> {
    let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"];
    if loopback.iter().any(|p| {
        url.strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with([':', '/']))
    }) {
        Ok(url)
    } else {
        https_url(field, url)
    }
}

fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://dash.contoso.com";

    const CLIENT: &str = "6a1b7c3e-52f4-4d1a-9c2b-3e4f5a6b7c8d";
    /// The authority most cases use.
    const T: &str = "https://login.microsoftonline.com/t";

    /// A config file with a valid client id, `authority`, and the `extra` fields (`,"k":v…`).
    fn config(authority: &str, extra: &str) -> String {
        format!(r#"{{"clientId":"{CLIENT}","authority":"{authority}"{extra}}}"#)
    }

    fn parse(json: &str) -> Result<AzureConfig, ConfigError> {
        AzureConfig::parse(json, ORIGIN)
    }

    #[test]
    fn minimal_config_defaults_to_the_public_cloud_and_the_page_as_redirect() {
        let c = parse(&config(
            "https://login.microsoftonline.com/organizations",
            "",
        ))
        .unwrap();
        assert_eq!(c.arm_endpoint, "https://management.azure.com");
        assert_eq!(c.resource_graph_endpoint, "https://management.azure.com");
        assert_eq!(c.redirect_uri, "https://dash.contoso.com/");
        assert_eq!(c.arm_scope(), "https://management.azure.com/.default");
        assert!(c.allowed_parent_origins.is_empty());
        assert_eq!(c.request_timeout_seconds, 60);
    }

    #[test]
    fn sovereign_clouds_change_by_config_only() {
        let c = parse(&config(
            "https://login.chinacloudapi.cn/contoso.partner.onmschina.cn",
            r#","armEndpoint":"https://management.chinacloudapi.cn/",
            "allowedParentOrigins":["https://portal.contoso.cn/"]"#,
        ))
        .unwrap();
        assert_eq!(
            c.arm_scope(),
            "https://management.chinacloudapi.cn/.default"
        );
        assert_eq!(
            c.resource_graph_endpoint,
            "https://management.chinacloudapi.cn"
        );
        assert_eq!(c.allowed_parent_origins, ["https://portal.contoso.cn"]);
    }

    #[test]
    fn every_bad_field_is_named() {
        let cases = [
            (
                r#"{"authority":"https://login.microsoftonline.com/t"}"#,
                "clientId",
            ),
            (
                r#"{"clientId":"not-a-guid","authority":"https://login.microsoftonline.com/t"}"#,
                "clientId",
            ),
            (
                r#"{"clientId":"6a1b7c3e-52f4-4d1a-9c2b-3e4f5a6b7c8d"}"#,
                "authority",
            ),
            (
                &config("http://login.microsoftonline.com/t", ""),
                "authority",
            ),
            (
                &config("https://login.microsoftonline.com", ""),
                "authority",
            ),
            (
                &config(T, r#","redirectUri":"http://evil.example/""#),
                "redirectUri",
            ),
            (&config(T, r#","armEndpoint":"ftp://x""#), "armEndpoint"),
            (
                &config(T, r#","allowedParentOrigins":["https://a.example/path"]"#),
                "allowedParentOrigins",
            ),
            (&config(T, r#","clientSecret":"x""#), "clientSecret"),
            (
                &config(T, r#","requestTimeoutSeconds":0"#),
                "requestTimeoutSeconds",
            ),
            (&config(T, r#","testRetryBaseMs":0"#), "testRetryBaseMs"),
            (
                &config(T, r#","managementGroups":["/providers/x"]"#),
                "managementGroups",
            ),
            (r#"{"clientId": 42}"#, "(file)"),
            ("not json", "(file)"),
        ];
        for (json, field) in cases {
            let err = parse(json).unwrap_err();
            assert_eq!(err.field, field, "{json} → {err}");
            assert!(err.to_string().starts_with("config.json: `"), "{err}");
        }
    }

    #[test]
    fn demo_unless_a_config_file_is_served_and_demo_is_not_asked_for() {
        let file = &config("https://login.microsoftonline.com/organizations", "");
        let origin = "https://dash.contoso.com";
        assert_eq!(
            DataSource::choose(false, None, origin),
            Ok(DataSource::Demo)
        );
        assert_eq!(
            DataSource::choose(true, Some(file), origin),
            Ok(DataSource::Demo)
        );
        assert_eq!(
            DataSource::choose(false, Some(r#"{"demo": true}"#), origin),
            Ok(DataSource::Demo)
        );
        assert!(matches!(
            DataSource::choose(false, Some(file), origin),
            Ok(DataSource::Azure(c)) if c.redirect_uri == "https://dash.contoso.com/"
        ));
        let broken = DataSource::choose(false, Some(r#"{"clientId":"x"}"#), origin).unwrap_err();
        assert_eq!(broken.field, "clientId");
    }

    #[test]
    fn loopback_http_is_accepted_for_development() {
        let c = parse(&config(T, r#","redirectUri":"http://127.0.0.1:8080/""#)).unwrap();
        assert_eq!(c.redirect_uri, "http://127.0.0.1:8080/");
    }
}
