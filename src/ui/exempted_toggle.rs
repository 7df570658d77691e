//! "Show exempted", on Misconfigurations and Vulnerability assessment: exempted findings leave
//! the default view but stay one click away (Status "Exempted", a pill of its own).

use crate::domain::{ClusterData, FindingType};
use crate::state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ExemptedToggle(data: RwSignal<Arc<ClusterData>>, tab: FindingType) -> impl IntoView {
    let view_state = ViewState::expect();
    let count = move || data.with(|d| d.exempted_in(tab));
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
