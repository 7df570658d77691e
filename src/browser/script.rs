//! Loads a script shipped in `dist/` on first use (MSAL on sign-in, DOMPurify on the first
//! markup), so the first paint does not carry it. Same origin, a plain `<script src>`: no inline
//! script and nothing the content security policy does not already allow.

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The script could not be loaded (offline, a 5xx) or did not define what it should.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{what} ({file}) could not be loaded")]
pub struct ScriptError {
    pub what: &'static str,
    pub file: &'static str,
}

thread_local! {
    /// Loads in flight, by file: callers that arrive while one runs wait for it rather than add
    /// a second `<script>` (which would run the library twice and replace the first copy).
    static LOADING: RefCell<HashMap<&'static str, js_sys::Promise>> = RefCell::default();
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
    let pending = LOADING.with(|l| l.borrow().get(file).cloned());
    let loaded = match pending {
        Some(promise) => promise,
        None => {
            let promise = append(file).ok_or(error.clone())?;
            LOADING.with(|l| l.borrow_mut().insert(file, promise.clone()));
            promise
        }
    };
    let outcome = wasm_bindgen_futures::JsFuture::from(loaded).await;
    LOADING.with(|l| l.borrow_mut().remove(file));
    match outcome.is_ok() && defined() {
        true => Ok(()),
        false => Err(error),
    }
}

/// Adds `<script src="{file}">` to the page: a promise that settles when it has loaded or
/// failed (a failed element removes itself, so a retry starts clean).
fn append(file: &str) -> Option<js_sys::Promise> {
    let document = web_sys::window().and_then(|w| w.document())?;
    let script: web_sys::HtmlElement = document.create_element("script").ok()?.dyn_into().ok()?;
    let src = document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base(file, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| file.to_string());
    script.set_attribute("src", &src).ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        let element = script.clone();
        let failed = Closure::once_into_js(move |event: JsValue| {
            element.remove();
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        script.set_onerror(Some(failed.unchecked_ref()));
    });
    document.head()?.append_child(&script).ok()?;
    Some(loaded)
}
