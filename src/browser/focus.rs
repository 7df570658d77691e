//! Focus and scrolling inside a container, for keyboard navigation of the virtualized grid.

use wasm_bindgen::JsCast;

/// Focuses the first element under `root` matching `selector` (without scrolling the page,
/// the grid scrolls itself), after the next frame so freshly rendered rows exist.
pub fn focus_later(root: web_sys::Element, selector: String) {
    leptos::prelude::request_animation_frame(move || {
        if let Ok(Some(el)) = root.query_selector(&selector)
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    });
}

/// Focuses the element with `id` after the next frame (it may be rendering now).
pub fn focus_id_later(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus_id(id));
}

/// Focuses the first element matching `selector` in the document, or else the one with
/// `fallback_id`.
pub fn focus_first(selector: &str, fallback_id: &str) {
    let found = leptos::prelude::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match found {
        Some(el) => {
            let _ = el.focus();
        }
        None => focus_id(fallback_id),
    }
}

/// Focuses the element with `id`, if present.
pub fn focus_id(id: &str) {
    if let Some(el) = leptos::prelude::document().get_element_by_id(id)
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}

/// The container's scroll offset and visible height, in CSS pixels.
pub fn scroll_box(el: &web_sys::Element) -> (i32, i32) {
    (el.scroll_top(), el.client_height())
}

/// Scrolls the container to `top` CSS pixels.
pub fn set_scroll_top(el: &web_sys::Element, top: i32) {
    el.set_scroll_top(top);
}

/// Keeps the pointer's events going to the element it went down on while a drag lasts
/// (column resize), even when it leaves the element.
pub fn capture_pointer(ev: &web_sys::PointerEvent) {
    if let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = el.set_pointer_capture(ev.pointer_id());
    }
}
