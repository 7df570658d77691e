//! Misconfigurations' "Show exempted": exempted recommendations leave the default view but stay
//! one click away (listed after the others, Status "Exempted").

use crate::domain::ClusterData;
use crate::state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ExemptedToggle(data: RwSignal<Arc<ClusterData>>) -> impl IntoView {
    let view_state = ViewState::expect();
    let count = move || {
        data.with(|d| {
            d.recommendations
                .iter()
                .filter(|r| {
                    r.exempted && r.kind != crate::domain::RecommendationKind::Vulnerability
                })
                .count()
        })
    };
    view! {
        <label class="choice tab-panel__toggle">
            <input
                type="checkbox"
                prop:checked=move || view_state.show_exempted.get()
                on:change=move |ev| {
                    view_state.open.set(None);
                    view_state.show_exempted.set(event_target_checked(&ev));
                }
            />
            {move || format!("Show exempted ({})", count())}
        </label>
    }
}
