//! The tab list (Security alerts, Vulnerability assessment, Misconfigurations, Compliance).

use crate::domain::FindingType;
use crate::state::ViewState;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// WAI-ARIA tabs: one tab stop, arrow keys move between tabs, Home/End jump to the ends.
#[component]
pub fn Tabs() -> impl IntoView {
    let view_state = ViewState::expect();
    let on_keydown = move |ev: KeyboardEvent| {
        let current = FindingType::ALL
            .iter()
            .position(|t| *t == view_state.tab.get_untracked())
            .unwrap_or(0);
        let last = FindingType::ALL.len() - 1;
        let next = match ev.key().as_str() {
            "ArrowRight" => (current + 1) % FindingType::ALL.len(),
            "ArrowLeft" => (current + last) % FindingType::ALL.len(),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        view_state.show_tab(FindingType::ALL[next]);
        focus_tab(FindingType::ALL[next]);
    };
    view! {
        <div class="tabs" role="tablist" aria-label="Findings" on:keydown=on_keydown>
            {FindingType::ALL
                .into_iter()
                .map(|kind| {
                    let selected = move || view_state.tab.get() == kind;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=format!("tab-{}", kind.as_str())
                            class="tabs__tab"
                            aria-selected=move || selected().to_string()
                            aria-controls="tab-panel"
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| view_state.show_tab(kind)
                        >
                            {kind.tab_label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

fn focus_tab(kind: FindingType) {
    let id = format!("tab-{}", kind.as_str());
    if let Some(el) = leptos::prelude::document().get_element_by_id(&id) {
        use leptos::wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<leptos::web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
