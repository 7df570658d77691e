//! "Columns": show or hide the table's columns (kept per table in the browser).

use super::context::GridContext;
use leptos::prelude::*;

/// The column chooser.
#[component]
pub fn ColumnsMenu() -> impl IntoView {
    let grid = GridContext::expect();
    let choices = move || {
        grid.table
            .with(|t| t.kind.columns())
            .iter()
            .skip(1) // the level column always shows
            .map(|column| {
                let checked = move || grid.prefs.with(|p| p.visible(column));
                view! {
                    <label class="pill__choice">
                        <input
                            type="checkbox"
                            prop:checked=checked
                            on:change=move |_| grid.update_prefs(|p| p.toggle(column))
                        />
                        <span>{column.label}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <button
            type="button"
            class="button button--subtle"
            popovertarget="columns-menu"
            style:anchor-name="--columns-menu"
        >
            "Columns"
        </button>
        <div
            id="columns-menu"
            popover="auto"
            class="popover popover--end"
            style:position-anchor="--columns-menu"
            role="group"
            aria-label="Columns shown"
        >
            {choices}
        </div>
    }
}
