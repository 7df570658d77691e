//! The command bar's Exempt: the recommendations behind the selected rows (a misconfiguration,
//! or a vulnerability finding's individual recommendation).

use crate::state::ViewState;
use crate::state::session::{Panel, Session};
use crate::ui::grid::GridContext;
use leptos::prelude::*;

#[component]
pub fn ExemptCommand() -> impl IntoView {
    let actions = Session::expect();
    let view_state = ViewState::expect();
    let grid = use_context::<GridContext>();
    let exempt = move |_| {
        let Some(grid) = grid else { return };
        let ids = view_state.with_selection_untracked(|set| {
            actions
                .data
                .with_untracked(|d| grid.table.with_untracked(|t| t.recommendations_of(set, d)))
        });
        if !ids.is_empty() {
            actions.open(Panel::Exempt(ids));
        }
    };
    view! {
        <button
            type="button"
            class="button"
            disabled=move || view_state.selected_count() == 0
            on:click=exempt
        >
            "Exempt"
        </button>
    }
}
