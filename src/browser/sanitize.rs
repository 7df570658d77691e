//! Safe HTML from Azure's remediation markup, through DOMPurify (see `js/sanitize.js`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/sanitize.js")]
extern "C" {
    #[wasm_bindgen(js_name = sanitizeHtml)]
    fn sanitize_html(dirty: &str) -> String;
}

/// Markup reduced to links (https), lists, emphasis and code; safe for `inner_html`.
pub fn safe_html(dirty: &str) -> String {
    sanitize_html(dirty)
}
