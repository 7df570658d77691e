//! Reads `config.json` from beside `index.html`.

use wasm_bindgen::prelude::*;

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

// The read starts in JS when the page's modules load, not when the wasm has started: see the
// snippet for the measured difference.
#[wasm_bindgen(module = "/js/config_file.js")]
extern "C" {
    #[wasm_bindgen(js_name = configFile)]
    fn config_file() -> js_sys::Promise;
}

/// The file's text; `None` when the deployment has none (404: demo mode). Other failures are
/// errors, so a misdeployed file is never mistaken for "no configuration".
pub async fn fetch() -> Result<Option<String>, ConfigFileError> {
    let outcome = wasm_bindgen_futures::JsFuture::from(config_file())
        .await
        .map_err(|e| ConfigFileError::Unreadable(format!("{e:?}")))?;
    let field = |name: &str| js_sys::Reflect::get(&outcome, &JsValue::from_str(name)).ok();
    if let Some(error) = field("error").and_then(|e| e.as_string()) {
        return Err(ConfigFileError::Unreadable(error));
    }
    let status = field("status").and_then(|s| s.as_f64()).unwrap_or(0.0) as u16;
    match status {
        404 => Ok(None),
        200..=299 => Ok(Some(
            field("text")
                .and_then(|t| t.as_string())
                .unwrap_or_default(),
        )),
        status => Err(ConfigFileError::Status(status)),
    }
}

/// The page's origin (`https://dash.contoso.com`), the default redirect URI's.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
