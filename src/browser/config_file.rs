//! Reads `config.json` from beside `index.html`.

/// The file's text; `None` when the deployment has none (404: demo mode). Other failures are
/// errors, so a misdeployed file is never mistaken for "no configuration".
pub async fn fetch() -> Result<Option<String>, String> {
    let response = gloo_net::http::Request::get("config.json")
        .send()
        .await
        .map_err(|e| format!("config.json could not be read: {e}"))?;
    match response.status() {
        404 => Ok(None),
        200..=299 => response
            .text()
            .await
            .map(Some)
            .map_err(|e| format!("config.json could not be read: {e}")),
        status => Err(format!("config.json could not be read (HTTP {status})")),
    }
}

/// The page's origin (`https://dash.contoso.com`), the default redirect URI's.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
