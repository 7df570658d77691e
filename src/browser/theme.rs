//! The colour theme: the OS's by default, or the user's pick, kept in localStorage and applied
//! as `data-theme` on `<html>` (style/tokens.css reads it).

use super::storage;

const KEY: &str = "aks-dashboard.theme";

/// The stored choice: "light", "dark", or "system".
pub fn stored() -> String {
    match storage::get(KEY).as_deref() {
        Some(choice @ ("light" | "dark")) => choice.to_string(),
        _ => "system".to_string(),
    }
}

/// Applies and stores a choice; anything but "light" or "dark" follows the OS.
pub fn choose(choice: &str) {
    storage::set(KEY, choice);
    apply(choice);
}

/// Applies a choice without storing it (at start, and from an embedding portal's message).
pub fn apply(choice: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match choice {
        "light" | "dark" => root.set_attribute("data-theme", choice),
        _ => root.remove_attribute("data-theme"),
    };
}
