//! The browser's localStorage, for preferences only (column layout, theme). Never tokens.

/// The stored value of `key`; `None` when absent or storage is unavailable (private mode,
/// sandboxed frame).
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Stores `value` under `key`; a full or unavailable storage is not an error worth showing.
pub fn set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
