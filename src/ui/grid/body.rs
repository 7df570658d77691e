//! The grid's body: only the rows in (and just around) the viewport are rendered, between two
//! spacer rows that give the scrollbar the full height. Keyboard: arrows, Page Up/Down,
//! Home/End move the cursor row; Enter opens its details; Space selects it.

use super::context::{GridContext, OVERSCAN, ROW_HEIGHT, WINDOW};
use crate::browser::focus;
use crate::domain::grid::Row;
use crate::state::Shared;
use crate::ui::shown;
use leptos::ev::KeyboardEvent;
use leptos::html::Div;
use leptos::prelude::*;

/// The virtualized rows.
#[component]
pub fn GridBody(
    /// The scrolling container, for keeping the cursor row in view.
    viewport: NodeRef<Div>,
) -> impl IntoView {
    let grid = GridContext::expect();
    let total = move || grid.shown.with(|s| s.len());
    let first = move || {
        let top = usize::try_from(grid.scroll_top.get() / ROW_HEIGHT).unwrap_or(0);
        top.saturating_sub(OVERSCAN).min(total())
    };
    // Each row carries the identity of the table it came from: a table rebuilt (an action
    // changed the data) renders its rows again even where id and position are the same, while a
    // new query or a scroll over the same table reuses the rows it already has.
    let window = move || {
        let start = first();
        let end = (start + WINDOW).min(total());
        let table = grid.table.with(Shared::identity);
        (start..end)
            .filter_map(|pos| grid.row_at(pos).map(|row| (pos, row, table)))
            .collect::<Vec<_>>()
    };
    let spacer = |rows: usize| format!("{}px", rows as i32 * ROW_HEIGHT);
    let before = move || spacer(first());
    let after = move || spacer(total().saturating_sub(first() + WINDOW));
    let columns = move || grid.visible_columns().len() + 1;

    let move_cursor = move |to: usize| {
        let to = to.min(total().saturating_sub(1));
        grid.cursor.set(to);
        let Some(el) = viewport.get_untracked() else {
            return;
        };
        let (top, height) = focus::scroll_box(&el);
        // The sticky header covers the first row's height at the top of the viewport.
        let row_top = (to as i32 + 1) * ROW_HEIGHT;
        if row_top - ROW_HEIGHT < top {
            focus::set_scroll_top(&el, row_top - ROW_HEIGHT);
        } else if row_top + ROW_HEIGHT > top + height {
            focus::set_scroll_top(&el, row_top + ROW_HEIGHT - height);
        }
        grid.sync_scroll(&viewport);
        focus::focus_later(el.into(), format!("tr[data-pos=\"{to}\"]"));
    };
    let on_key = move |ev: KeyboardEvent| {
        let at = grid.cursor.get_untracked();
        let page = viewport
            .get_untracked()
            .map(|el| (focus::scroll_box(&el).1 / ROW_HEIGHT).max(1) as usize - 1)
            .unwrap_or(10);
        match ev.key().as_str() {
            "ArrowDown" => move_cursor(at + 1),
            "ArrowUp" => move_cursor(at.saturating_sub(1)),
            "PageDown" => move_cursor(at + page),
            "PageUp" => move_cursor(at.saturating_sub(page)),
            "Home" => move_cursor(0),
            "End" => move_cursor(usize::MAX),
            "Enter" => {
                if let Some(row) = grid.row_at(at) {
                    grid.open_row(row.id);
                }
            }
            " " => {
                if let Some(row) = grid.row_at(at) {
                    toggle(grid, row.id);
                }
            }
            _ => return,
        }
        ev.prevent_default();
    };
    view! {
        <tbody on:keydown=on_key>
            <tr class="grid__spacer" aria-hidden="true" style:height=before>
                <td colspan=columns></td>
            </tr>
            <For each=window key=|(pos, row, table)| (*pos, row.id.clone(), *table) let:item>
                <GridRow position=item.0 row=item.1 />
            </For>
            <tr class="grid__spacer" aria-hidden="true" style:height=after>
                <td colspan=columns></td>
            </tr>
        </tbody>
    }
}

fn toggle(grid: GridContext, id: String) {
    grid.view.update_selection(|s| {
        if !s.remove(&id) {
            s.insert(id);
        }
    });
}

/// One row: checkbox, level pill, and text cells (text only: alert fields come from attackers).
#[component]
fn GridRow(position: usize, row: Row) -> impl IntoView {
    let grid = GridContext::expect();
    let id = StoredValue::new(row.id.clone());
    let selected = move || id.with_value(|id| grid.view.is_selected(id));
    let open = move || id.with_value(|id| grid.view.open.get().as_ref() == Some(id));
    let name = shown(row.cells.get(1).map_or("", String::as_str));
    let level = row.level;
    let cells = move || {
        grid.visible_columns()
            .into_iter()
            .map(|(i, column, _)| {
                let text = shown(row.cells.get(i).map_or("", String::as_str));
                if i == 0 {
                    view! {
                        <td>
                            <span class=format!(
                                "level-pill level--{}",
                                level.as_str(),
                            )>{text}</span>
                        </td>
                    }
                    .into_any()
                } else if let (1, Some(href)) = (i, grid.row_href) {
                    // A real link: it opens in a new tab too. The row's click handler follows
                    // it otherwise, so the link's own click must not run twice. The link follows
                    // the view (it carries the fleet's search, filters and sort for the way back).
                    let href = move || href.run(id.get_value());
                    let title = text.clone();
                    view! {
                        <td title=title>
                            <a href=href on:click=|ev| ev.stop_propagation()>
                                {text}
                            </a>
                        </td>
                    }
                    .into_any()
                } else {
                    let numeric = column.kind == crate::domain::grid::ColumnKind::Number;
                    let title = text.clone();
                    view! {
                        <td class:grid__numeric=numeric title=title>
                            {text}
                        </td>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };
    view! {
        <tr class="grid__row" data-pos=position aria-rowindex=position + 2
            aria-selected=move || selected().to_string()
            class:grid__row--open=open
            tabindex=move || if grid.cursor.get() == position { "0" } else { "-1" }
            on:click=move |_| {
                grid.cursor.set(position);
                grid.open_row(id.get_value());
            }>
            <td class="grid__select">
                <input type="checkbox" tabindex="-1" aria-label=format!("Select {name}")
                    prop:checked=selected
                    on:click=|ev| ev.stop_propagation()
                    on:change=move |_| toggle(grid, id.get_value())/>
            </td>
            {cells}
        </tr>
    }
}
