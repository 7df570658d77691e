//! When the app panics, the page must not freeze silently: a panic hook puts a plain error
//! screen on top (built with the DOM directly, since the app itself has stopped), with a Reload
//! link and the error text in a read-only box to copy into a bug report.

use wasm_bindgen::JsCast;

/// Installs the hook (also logging to the console, as `console_error_panic_hook` does).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Shows the crash screen with `details`; text only, so a panic message quoting hostile data
/// cannot inject markup.
pub fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
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
        "Reload the page to start again. If it happens again, copy the details below into a bug report.",
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
    let _ = body.append_child(&screen);
}
