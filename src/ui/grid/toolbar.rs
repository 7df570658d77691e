//! Above the grid: the command bar (selection) and the filter bar (search, pills, Reset,
//! item count, columns).

use super::columns_menu::ColumnsMenu;
use super::context::GridContext;
use super::pill::FilterPill;
use crate::ui::actions::SelectionCommands;
use leptos::prelude::*;

/// The selection's command bar: the count, the table's bulk commands, Clear selection.
#[component]
pub fn CommandBar() -> impl IntoView {
    let grid = GridContext::expect();
    let count = move || grid.view.selected_count();
    view! {
        <div class="command-bar" role="toolbar" aria-label="Selection">
            <span class="command-bar__count" data-testid="selected-count">
                {move || match count() {
                    0 => "No item selected".to_string(),
                    1 => "1 item selected".to_string(),
                    n => format!("{n} items selected"),
                }}
            </span>
            <SelectionCommands />
            <button
                type="button"
                class="button button--subtle"
                disabled=move || count() == 0
                on:click=move |_| grid.view.update_selection(|s| s.clear())
            >
                "Clear selection"
            </button>
        </div>
    }
}

/// Search box, one pill per filterable column, Reset, and the item count.
#[component]
pub fn FilterBar() -> impl IntoView {
    let grid = GridContext::expect();
    let search = move || grid.view.query().search;
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        grid.view.update_query(|q| q.search = text);
    };
    let facets = move || {
        grid.table
            .with(|t| t.kind.columns())
            .iter()
            .filter(|c| c.facet)
            .map(|c| view! { <FilterPill column=c /> })
            .collect_view()
    };
    let count = move || {
        let (shown, total) = (
            grid.shown.with(|s| s.len()),
            grid.table.with(|t| t.rows.len()),
        );
        let items = crate::domain::format::plural(total, "item");
        match shown == total {
            true => items,
            false => format!("Showing {shown} of {items}"),
        }
    };
    view! {
        <div class="filter-bar">
            <input
                type="search"
                class="filter-bar__search"
                placeholder="Search"
                aria-label="Search items"
                prop:value=search
                on:input=on_input
            />
            <div class="filter-bar__pills" role="group" aria-label="Filters">
                {facets}
            </div>
            <button
                type="button"
                class="button button--subtle"
                disabled=move || grid.view.query().is_default()
                on:click=move |_| grid.view.update_query(|q| *q = Default::default())
            >
                "Reset filters"
            </button>
            <span class="filter-bar__count" role="status" data-testid="row-count">
                {count}
            </span>
            <ColumnsMenu />
        </div>
    }
}
