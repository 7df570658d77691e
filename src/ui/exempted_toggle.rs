//! "Show exempted", on Misconfigurations and Vulnerability assessment: exempted findings leave
//! the default view but stay one click away (Status "Exempted", a pill of its own).

use crate::domain::{ClusterData, FindingType, RecommendationKind};
use crate::state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ExemptedToggle(data: RwSignal<Arc<ClusterData>>, tab: FindingType) -> impl IntoView {
    let view_state = ViewState::expect();
    let count = move || data.with(|d| exempted_in(d, tab));
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

/// How many findings of `tab` are exempted: recommendations on Misconfigurations, findings (one
/// per CVE) on Vulnerability assessment, as each tab counts its rows.
pub fn exempted_in(data: &ClusterData, tab: FindingType) -> usize {
    match tab {
        FindingType::Vulnerability => data.vulnerabilities.iter().filter(|v| v.exempted).count(),
        FindingType::Misconfiguration => data
            .recommendations
            .iter()
            .filter(|r| r.exempted && r.kind != RecommendationKind::Vulnerability)
            .count(),
        _ => 0,
    }
}
