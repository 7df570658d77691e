//! The page URL's query parameters: reading them, and writing the view back without a reload.

/// The value of query parameter `name` in the page URL, if present (an empty value counts).
pub fn query_param(name: &str) -> Option<String> {
    search_params()?.get(name)
}

/// Every query parameter of the page URL, in order (repeated keys repeat).
pub fn query_pairs() -> Vec<(String, String)> {
    search_params().map(|p| pairs_of(&p)).unwrap_or_default()
}

fn pairs_of(params: &web_sys::UrlSearchParams) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    // UrlSearchParams is iterable as [key, value] arrays.
    if let Ok(Some(iter)) = js_sys::try_iter(params) {
        for entry in iter.flatten() {
            let entry = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                pairs.push((k, v));
            }
        }
    }
    pairs
}

/// This page's query with the parameters for which `owned` is true replaced by `params` and
/// the others (such as `cluster` or `demo`) kept, without the leading `?`.
fn merged_query(owned: impl Fn(&str) -> bool, params: &[(String, String)]) -> Option<String> {
    let next = web_sys::UrlSearchParams::new().ok()?;
    for (k, v) in query_pairs().iter().filter(|(k, _)| !owned(k)) {
        next.append(k, v);
    }
    for (k, v) in params {
        next.append(k, v);
    }
    Some(next.to_string().into())
}

/// Replaces the parameters for which `owned` is true with `params`, keeps the others, and
/// updates the address bar without adding a history entry or reloading. Failures (an opaque
/// sandboxed frame) leave the URL as it was.
pub fn replace_params(owned: impl Fn(&str) -> bool, params: &[(String, String)]) {
    let (Some(window), Some(current)) = (web_sys::window(), search_params()) else {
        return;
    };
    let Some(query) = merged_query(owned, params) else {
        return;
    };
    if current.to_string() == query {
        return;
    }
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = match query.is_empty() {
        true => format!("{path}{hash}"),
        false => format!("{path}?{query}{hash}"),
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn search_params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// Goes to `href` (a link made by [`link`]), as following a link would.
pub fn go(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
}

/// A link to this page with the parameters for which `drop` is true left out and `set` added:
/// the other parameters (`demo`, `demo-fleet`…) are kept.
pub fn link(drop: impl Fn(&str) -> bool, set: &[(String, String)]) -> String {
    format!("?{}", merged_query(drop, set).unwrap_or_default())
}

/// `params` as one query string (`q=a+b&f.x=y`), to carry inside another parameter.
pub fn encode(params: &[(String, String)]) -> String {
    let Ok(out) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (k, v) in params {
        out.append(k, v);
    }
    out.to_string().into()
}

/// The pairs of a query string made by [`encode`].
pub fn decode(query: &str) -> Vec<(String, String)> {
    web_sys::UrlSearchParams::new_with_str(query)
        .map(|p| pairs_of(&p))
        .unwrap_or_default()
}

/// Reloads the page (after a configuration problem is fixed).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// This page's URL with `name=value` set (other parameters kept): a link to another view.
pub fn with_param(name: &str, value: &str) -> String {
    let query = merged_query(|k| k == name, &[(name.to_string(), value.to_string())]);
    format!("?{}", query.unwrap_or_default())
}
