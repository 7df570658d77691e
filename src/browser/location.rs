//! The page URL's query parameters: reading them, and writing the view back without a reload.

/// The value of query parameter `name` in the page URL, if present (an empty value counts).
pub fn query_param(name: &str) -> Option<String> {
    search_params()?.get(name)
}

/// Every query parameter of the page URL, in order (repeated keys repeat).
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(params) = search_params() else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    // UrlSearchParams is iterable as [key, value] arrays.
    if let Ok(Some(iter)) = js_sys::try_iter(&params) {
        for entry in iter.flatten() {
            let entry = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                pairs.push((k, v));
            }
        }
    }
    pairs
}

/// Replaces the parameters for which `owned` is true with `params`, keeps the others (such as
/// `cluster` or `demo`), and updates the address bar without adding a history entry or
/// reloading. Failures (an opaque sandboxed frame) leave the URL as it was.
pub fn replace_params(owned: impl Fn(&str) -> bool, params: &[(String, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(current) = search_params() else {
        return;
    };
    let Ok(next) = web_sys::UrlSearchParams::new() else {
        return;
    };
    for (k, v) in query_pairs() {
        if !owned(&k) {
            next.append(&k, &v);
        }
    }
    for (k, v) in params {
        next.append(k, v);
    }
    let query: String = next.to_string().into();
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

/// Reloads the page (after a configuration problem is fixed).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// This page's URL with `name=value` set (other parameters kept): a link to another view.
pub fn with_param(name: &str, value: &str) -> String {
    let pairs = query_pairs();
    let Ok(next) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (k, v) in pairs.iter().filter(|(k, _)| k != name) {
        next.append(k, v);
    }
    next.append(name, value);
    format!("?{}", String::from(next.to_string()))
}
