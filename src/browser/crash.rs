//! When the app panics, the page must not freeze silently: a panic hook puts a plain error
//! screen on top (built with the DOM directly, since the app itself has stopped), with a Reload
//! link and the error text in a read-only box, with a Copy button, for a bug report.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Installs the hook (also logging to the console, as `console_error_panic_hook` does).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&report(&info.to_string()));
    }));
    // A trap that is not a panic (stack overflow, out of memory) never reaches the hook; the
    // browser reports it as a `WebAssembly.RuntimeError` thrown out of an event handler or a
    // promise. After a panic the same error follows the hook's screen, which stays the first.
    let Some(window) = web_sys::window() else {
        return;
    };
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        let on_error = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let Ok(error) = js_sys::Reflect::get(&event, &field.into()) else {
                return;
            };
            if let Some(trap) = error.dyn_ref::<js_sys::WebAssembly::RuntimeError>() {
                let message = js_sys::Error::from(JsValue::from(trap.clone())).message();
                show(&report(&format!(
                    "WebAssembly trap: {}",
                    String::from(message)
                )));
            }
        });
        let _ = window.add_event_listener_with_callback(event, on_error.as_ref().unchecked_ref());
        // Listens for the page's lifetime.
        on_error.forget();
    }
}

/// Panics on purpose, so whoever deploys the dashboard can see the crash screen where it runs
/// (under their CSP, inside their portal's frame): `wasmBindings.crashScreenSelfTest()` in the
/// browser console. The end-to-end test of the crash screen calls it too.
#[wasm_bindgen(js_name = crashScreenSelfTest)]
pub fn crash_screen_self_test() {
    panic!("crash screen self-test: wasmBindings.crashScreenSelfTest() was called");
}

/// What a bug report needs: the version, the browser, and the panic with its source location.
/// Not the URL or any data: neither helps find a panic, and both may be sensitive.
fn report(panic: &str) -> String {
    let browser = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    format!(
        "aks-security-dashboard {}
{browser}
{panic}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Shows the crash screen with `details` (once: a second panic keeps the first report); text
/// only, so a panic message quoting hostile data cannot inject markup.
pub fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("crash-title").is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    let Ok(screen) = document.create_element("div") else {
        return;
    };
    screen.set_class_name("crash");
    let _ = screen.set_attribute("role", "alertdialog");
    let _ = screen.set_attribute("aria-labelledby", "crash-title");
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        screen.append_child(&el).ok()?;
        Some(el)
    };
    if let Some(title) = add("h1", "The dashboard stopped because of an error") {
        title.set_id("crash-title");
    }
    add(
        "p",
        "Reload the page to start again. If it happens again, copy the details below into a bug \
         report.",
    );
    if let Some(link) = add("a", "Reload") {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_else(|| "./".into());
        let _ = link.set_attribute("href", &href);
        link.set_class_name("button button--primary");
    }
    if let Some(text) = add("textarea", details) {
        let _ = text.set_attribute("readonly", "");
        let _ = text.set_attribute("aria-label", "Error details");
        let _ = text.set_attribute("rows", "8");
        if let Ok(area) = text.dyn_into::<web_sys::HtmlTextAreaElement>() {
            area.set_value(details);
        }
    }
    if let Some(copy) = add("button", "Copy details") {
        let _ = copy.set_attribute("type", "button");
        copy.set_class_name("button");
        let details = details.to_string();
        // Leaked on purpose: the screen lives until the page is reloaded.
        let on_click = Closure::<dyn Fn()>::new(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&details);
            }
        });
        let _ = copy.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }
    let _ = body.append_child(&screen);
    // Keyboard and screen-reader users land on the screen, not on the dead page beneath.
    if let Some(title) = document
        .get_element_by_id("crash-title")
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = title.set_attribute("tabindex", "-1");
        let _ = title.focus();
    }
}
