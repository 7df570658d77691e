//! Listens for the embedding portal's messages (see `domain::embedding` for what is accepted).

use crate::domain::embedding::{HostMessage, parse};
use leptos::prelude::*;

/// Applies allowed messages for the page's life: a cluster opens that cluster (its id goes in
/// the URL, as a link would), a theme is applied. Everything else is ignored silently.
pub fn listen(allowed_origins: Vec<String>) {
    if allowed_origins.is_empty() {
        return;
    }
    let handle = window_event_listener(leptos::ev::message, move |event| {
        let data = event.data();
        let text = data.as_string().or_else(|| {
            js_sys::JSON::stringify(&data)
                .ok()
                .map(String::from)
                .filter(|_| !data.is_undefined())
        });
        let Some(text) = text else { return };
        match parse(&event.origin(), &text, &allowed_origins) {
            Some(HostMessage::Cluster(id)) => {
                let target = super::location::with_param("cluster", &id);
                if let Some(window) = web_sys::window() {
                    let _ = window.location().set_search(&target);
                }
            }
            Some(HostMessage::Theme(theme)) => super::theme::apply(&theme),
            None => {}
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
