//! Reading the page URL's query parameters.

/// The value of query parameter `name` in the page URL, if present (an empty value counts).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}
