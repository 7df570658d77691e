//! Safe HTML from Azure's remediation markup, through DOMPurify (see `js/sanitize.js`), which
//! is loaded on first use.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/sanitize.js")]
extern "C" {
    #[wasm_bindgen(js_name = sanitizeHtmlLoaded, catch)]
    async fn sanitize_html_loaded(dirty: &str) -> Result<JsValue, JsValue>;
}

/// DOMPurify could not be loaded (offline, a 5xx): the markup cannot be shown safely yet.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct SanitizerUnavailable(String);

/// Markup reduced to links (https), lists, emphasis and code; safe for `inner_html`.
pub async fn safe_html(dirty: &str) -> Result<String, SanitizerUnavailable> {
    match sanitize_html_loaded(dirty).await {
        Ok(html) => Ok(html.as_string().unwrap_or_default()),
        Err(e) => Err(SanitizerUnavailable(
            js_sys::Error::from(e)
                .message()
                .as_string()
                .unwrap_or_else(|| "The HTML sanitizer could not be loaded".into()),
        )),
    }
}
