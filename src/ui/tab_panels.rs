//! The open tab's panel: tab-specific controls (vulnerability pivots, compliance standards),
//! the findings grid, and the details pane beside it.

use super::data_source::DataSourceBar;
use super::exempted_toggle::ExemptedToggle;
use super::grid::FindingsGrid;
use super::load_error::SourceError;
use super::pane::DetailsPane;
use crate::domain::grid::{VulnPivot, build_table};
use crate::domain::{ClusterData, ComplianceStandard, FindingType, links};
use crate::state::{Shared, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// The tab panel for the loaded cluster.
#[component]
pub fn TabPanel(
    /// The cluster on screen (updated in place by actions).
    data: RwSignal<Arc<ClusterData>>,
    /// Loads the data again (a tab whose source failed offers it).
    on_retry: Callback<()>,
) -> impl IntoView {
    let view_state = ViewState::expect();
    let issues = data.with_untracked(|d| d.issues.tabs.clone());
    let failed: Vec<FindingType> = issues.keys().copied().collect();
    let issue = move || {
        issues.get(&view_state.tab.get()).cloned().map(|message| {
            let message = format!("{message} What is shown is incomplete.");
            view! { <SourceError message=message on_retry=on_retry /> }
        })
    };
    let (plan_on, standards, configure) = data.with_untracked(|d| {
        (
            d.plan.prerequisites_met(),
            d.compliance.clone(),
            links::compliance_standards(&d.cluster.portal, &d.cluster.subscription_id),
        )
    });
    let table = Memo::new(move |_| {
        let (tab, pivot, fixable) = (
            view_state.tab.get(),
            view_state.pivot.get(),
            view_state.fixable_only.get(),
        );
        let exempted = view_state.show_exempted.get();
        Shared::new(data.with(|d| build_table(d, tab, pivot, fixable, exempted)))
    });
    let shown = Memo::new(move |_| {
        let query = view_state.query();
        table.with(|t| Shared::new(query.apply(t)))
    });
    let caption = move || view_state.tab.get().tab_label().to_string();
    let no_data = move || {
        let tab = view_state.tab.get();
        match failed.contains(&tab) {
            // The error above says what failed: an empty grid here is not "nothing found".
            true => "Nothing could be read for this tab (see above): this is not a count of zero."
                .into(),
            false => no_data_reason(tab, plan_on, view_state.fixable_only.get()),
        }
    };
    let controls = move || match view_state.tab.get() {
        FindingType::Vulnerability => view! { <VulnerabilityControls data=data /> }.into_any(),
        FindingType::Misconfiguration => {
            view! { <ExemptedToggle data=data tab=FindingType::Misconfiguration /> }.into_any()
        }
        FindingType::Compliance => {
            view! { <StandardsSummary standards=standards.clone() configure=configure.clone() /> }
                .into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <section id="tab-panel" class="tab-panel" role="tabpanel" tabindex="-1"
            aria-labelledby=move || format!("tab-{}", view_state.tab.get().as_str())>
            {issue}
            <DataSourceBar data=data/>
            {controls}
            <div
                class="tab-panel__body"
                class:tab-panel__body--pane=move || view_state.open.get().is_some()
            >
                <div class="tab-panel__grid">
                    <FindingsGrid
                        table=table
                        shown=shown
                        caption=Signal::derive(caption)
                        no_data=Signal::derive(no_data)
                    />
                </div>
                <DetailsPane data=data table=table/>
            </div>
        </section>
    }
}

/// Why a tab has nothing to show: the plans being off is a different story from a clean cluster.
fn no_data_reason(tab: FindingType, plan_on: bool, fixable_only: bool) -> String {
    if !plan_on {
        return "Nothing to show: neither Defender for Containers nor Defender CSPM is on for this \
                cluster. Turn one on in Settings.".into();
    }
    match tab {
        FindingType::Alert => "No security alert for this cluster.".into(),
        FindingType::Vulnerability if fixable_only => {
            "No vulnerability with a fix available. Turn off \"Fixable only\" to see the others."
                .into()
        }
        FindingType::Vulnerability => {
            "No vulnerability found in the running images and node pools.".into()
        }
        FindingType::Misconfiguration => {
            "No misconfiguration: every assessed recommendation is healthy.".into()
        }
        FindingType::Compliance => {
            "No failing control in the standards assigned to this subscription.".into()
        }
    }
}

/// The vulnerability pivots and the "Fixable only" toggle.
#[component]
fn VulnerabilityControls(data: RwSignal<Arc<ClusterData>>) -> impl IntoView {
    let view_state = ViewState::expect();
    let pivots = VulnPivot::ALL
        .into_iter()
        .map(|pivot| {
            let pressed = move || view_state.pivot.get() == pivot;
            view! {
                <button
                    type="button"
                    class="segmented__option"
                    aria-pressed=move || pressed().to_string()
                    on:click=move |_| {
                        view_state.open.set(None);
                        view_state.pivot.set(pivot);
                    }
                >
                    {pivot.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="tab-controls">
            <div class="segmented" role="group" aria-label="Group vulnerabilities">
                {pivots}
            </div>
            <label class="switch">
                <input
                    type="checkbox"
                    role="switch"
                    prop:checked=move || view_state.fixable_only.get()
                    on:change=move |ev| view_state.fixable_only.set(event_target_checked(&ev))
                />
                "Fixable only"
            </label>
            <ExemptedToggle data=data tab=FindingType::Vulnerability />
        </div>
    }
}

/// One card per standard: passed and failed controls for this cluster.
#[component]
fn StandardsSummary(
    standards: Vec<ComplianceStandard>,
    /// The portal page where the subscription's standards are chosen.
    configure: String,
) -> impl IntoView {
    view! {
        <div class="tab-controls">
            <ul class="standards" aria-label="Standards">
                {standards
                    .into_iter()
                    .map(|s| {
                        let total = s.passed_controls + s.failed_controls;
                        view! {
                            <li class="standards__card">
                                <span class="standards__name">{s.name}</span>
                                <span class="standards__counts">
                                    {format!(
                                        "{} of {total} controls passed · {} failed",
                                        s.passed_controls,
                                        s.failed_controls,
                                    )}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <a href=configure target="_blank" rel="noopener noreferrer">
                "Configure standards"
            </a>
        </div>
    }
}
