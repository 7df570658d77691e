//! The grid's command bar: the actions for the selected rows of the table on screen.

use crate::domain::grid::TableKind;
use crate::state::ViewState;
use crate::state::session::{Panel, Session};
use crate::ui::grid::GridContext;
use leptos::prelude::*;

/// The selection's commands for the table on screen.
#[component]
pub fn SelectionCommands() -> impl IntoView {
    // A grid shown without actions (tests, an embedding that only reads) has no commands.
    let Some(actions) = use_context::<Session>() else {
        return ().into_any();
    };
    let view_state = ViewState::expect();
    // The buttons' states read only the count (select-all can select 50,000 rows); the ids are
    // copied once, when a command is clicked.
    let count = move || view_state.selected_count();
    let selected =
        move || view_state.with_selection_untracked(|s| s.iter().cloned().collect::<Vec<_>>());
    let cspm_on = move || actions.data.with(|d| d.plan.cspm_on);
    // Assign owner works on recommendations: the selected rows' findings give them (a
    // misconfiguration is one; vulnerabilities and compliance rows belong to one).
    let grid = use_context::<GridContext>();
    let none_assignable = RwSignal::new(false);
    Effect::new(move |_| {
        count();
        none_assignable.set(false);
    });
    let assign = move |_| {
        let Some(grid) = grid else { return };
        let ids = view_state.with_selection_untracked(|set| {
            actions.data.with_untracked(|d| {
                grid.table
                    .with_untracked(|t| t.owned_recommendations(set, d))
            })
        });
        none_assignable.set(ids.is_empty());
        if !ids.is_empty() {
            actions.open(Panel::AssignOwner(ids));
        }
    };
    let assign_owner = move || {
        view! {
            <button
                type="button"
                class="button"
                disabled=move || count() == 0 || !cspm_on()
                title=move || {
                    if cspm_on() {
                        String::new()
                    } else {
                        "Assign owner needs Defender CSPM, which is off for this subscription."
                            .into()
                    }
                }
                on:click=assign
            >
                "Assign owner"
            </button>
            {move || {
                (!cspm_on())
                    .then(|| {
                        view! {
                            <span class="command-bar__note">
                                "Assign owner needs Defender CSPM (off)"
                            </span>
                        }
                    })
            }}
            {move || {
                none_assignable
                    .get()
                    .then(|| {
                        view! {
                            <span class="command-bar__note" role="status">
                                "No owner can be set here for these: their recommendations' owners \
                                 were not read (one-per-package recommendations, or the read \
                                 failed). Use the Azure portal."
                            </span>
                        }
                    })
            }}
        }
    };
    (move || match view_state.table() {
        TableKind::Alerts => view! {
            <button
                type="button"
                class="button"
                disabled=move || count() == 0
                on:click=move |_| actions.open(Panel::AlertStatus(selected()))
            >
                "Change status"
            </button>
            <button
                type="button"
                class="button"
                disabled=move || count() != 1
                title="Select one alert to make a rule from it"
                on:click=move |_| {
                    if let [id] = selected().as_slice() {
                        actions.open(Panel::Suppress(id.clone()))
                    }
                }
            >
                "Create suppression rule"
            </button>
        }
        .into_any(),
        _ => view! {
            {assign_owner()}
            <super::exempt::ExemptCommand />
        }
        .into_any(),
    })
    .into_any()
}
