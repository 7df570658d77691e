//! Loads a script shipped in `dist/` on first use (MSAL on sign-in, DOMPurify on the first
//! markup), so the first paint does not carry it. Same origin, a plain `<script src>`: no inline
//! script and nothing the content security policy does not already allow.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The script could not be loaded (offline, a 5xx) or did not define what it should.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{what} ({file}) could not be loaded")]
pub struct ScriptError {
    pub what: &'static str,
    pub file: &'static str,
}

/// Loads `file` (next to the page) unless `global` is already defined, and waits until it is.
/// A failed load leaves nothing behind, so calling again (Retry) tries again.
pub async fn ensure(
    file: &'static str,
    global: &str,
    what: &'static str,
) -> Result<(), ScriptError> {
    let error = ScriptError { what, file };
    let defined = || {
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(global))
            .is_ok_and(|v| !v.is_undefined())
    };
    if defined() {
        return Ok(());
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(error.clone())?;
    let script: web_sys::HtmlElement = document
        .create_element("script")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or(error.clone())?;
    let src = document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base(file, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| file.to_string());
    let _ = script.set_attribute("src", &src);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    let head = document.head().ok_or(error.clone())?;
    head.append_child(&script).map_err(|_| error.clone())?;
    let outcome = wasm_bindgen_futures::JsFuture::from(loaded).await;
    if outcome.is_err() || !defined() {
        script.remove();
        return Err(error);
    }
    Ok(())
}
