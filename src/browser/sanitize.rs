//! Safe HTML from Azure's remediation markup, through DOMPurify (see `js/sanitize.js`), which
//! is loaded on first use ([`super::script::ensure`]).

use super::script::{self, ScriptError};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/sanitize.js")]
extern "C" {
    #[wasm_bindgen(js_name = sanitizeHtml)]
    fn sanitize_html(dirty: &str) -> String;
}

/// Markup reduced to links (https), lists, emphasis and code; safe for `inner_html`. Fails when
/// DOMPurify cannot be loaded: the markup is then not shown at all.
pub async fn safe_html(dirty: &str) -> Result<String, ScriptError> {
    script::ensure("purify.min.js", "DOMPurify", "The HTML sanitizer").await?;
    Ok(sanitize_html(dirty))
}
