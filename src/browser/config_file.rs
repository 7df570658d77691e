//! Reads `config.json` from beside `index.html`.

/// Why `config.json` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigFileError {
    /// The request or the body failed (offline, blocked, cut short).
    #[error("config.json could not be read: {0}")]
    Unreadable(String),
    /// The server answered with an error other than 404.
    #[error("config.json could not be read (HTTP {0})")]
    Status(u16),
}

/// The file's text; `None` when the deployment has none (404: demo mode). Other failures are
/// errors, so a misdeployed file is never mistaken for "no configuration".
pub async fn fetch() -> Result<Option<String>, ConfigFileError> {
    let unreadable = |e: gloo_net::Error| ConfigFileError::Unreadable(e.to_string());
    let response = gloo_net::http::Request::get("config.json")
        .send()
        .await
        .map_err(unreadable)?;
    match response.status() {
        404 => Ok(None),
        200..=299 => response.text().await.map(Some).map_err(unreadable),
        status => Err(ConfigFileError::Status(status)),
    }
}

/// The page's origin (`https://dash.contoso.com`), the default redirect URI's.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
