//! The sticky header row: select-all, sortable column headers, resize handles.

use super::context::GridContext;
use crate::browser::focus;
use crate::domain::grid::{Column, ColumnKind};
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;

/// Header row of the grid.
#[component]
pub fn GridHead() -> impl IntoView {
    let grid = GridContext::expect();
    let columns = move || {
        grid.visible_columns()
            .into_iter()
            .map(|(_, c, _)| c)
            .collect::<Vec<_>>()
    };
    view! {
        <thead>
            <tr aria-rowindex="1">
                <th scope="col" class="grid__select">
                    <SelectAll />
                </th>
                // Keyed by column: a width change re-renders nothing here, so the resize handle
                // the user is pressing arrows on keeps its focus.
                <For each=columns key=|column| column.id let:column>
                    <HeaderCell column=column />
                </For>
            </tr>
        </thead>
    }
}

/// Selects or clears every row the query shows.
#[component]
fn SelectAll() -> impl IntoView {
    let grid = GridContext::expect();
    // How many shown rows are selected: one pass, no copies (50,000 rows stay cheap).
    let selected_shown = move || {
        let table = grid.table.get();
        grid.shown.with(|shown| {
            shown
                .iter()
                .filter(|&&i| grid.view.is_selected(&table.rows[i as usize].id))
                .count()
        })
    };
    let state = Memo::new(move |_| {
        let (n, total) = (selected_shown(), grid.shown.with(|s| s.len()));
        (total > 0 && n == total, n > 0 && n < total)
    });
    let toggle = move |_| {
        let table = grid.table.get_untracked();
        let select = !state.get_untracked().0;
        grid.shown.with_untracked(|shown| {
            grid.view.update_selection(|s| {
                for &i in shown.iter() {
                    let id = &table.rows[i as usize].id;
                    if select {
                        s.insert(id.clone());
                    } else {
                        s.remove(id);
                    }
                }
            });
        });
    };
    view! {
        <input
            type="checkbox"
            aria-label="Select all items"
            prop:checked=move || state.get().0
            prop:indeterminate=move || state.get().1
            on:change=toggle
        />
    }
}

/// One column header: a sort button and a resize handle.
#[component]
fn HeaderCell(column: &'static Column) -> impl IntoView {
    let grid = GridContext::expect();
    let sort = move || {
        grid.view
            .query()
            .sort
            .filter(|s| s.column == column.id)
            .map(|s| s.descending)
    };
    let aria_sort = move || match sort() {
        Some(true) => "descending",
        Some(false) => "ascending",
        None => "none",
    };
    let arrow = move || match sort() {
        Some(true) => "↓",
        Some(false) => "↑",
        None => "",
    };
    let on_sort = move |_| {
        let kind = grid.table.with_untracked(|t| t.kind);
        grid.view.update_query(|q| q.cycle_sort(kind, column.id));
    };
    let numeric = column.kind == ColumnKind::Number;
    view! {
        <th scope="col" aria-sort=aria_sort class:grid__numeric=numeric>
            <button type="button" class="grid__sort" on:click=on_sort>
                {column.label}
                <span class="grid__arrow" aria-hidden="true">
                    {arrow}
                </span>
            </button>
            <ResizeHandle column=column />
        </th>
    }
}

/// Drag (pointer) or arrow keys to change a column's width; the width is stored per table.
#[component]
fn ResizeHandle(column: &'static Column) -> impl IntoView {
    let grid = GridContext::expect();
    let drag = StoredValue::new(None::<(i32, i32)>);
    let width = move || grid.prefs.with(|p| p.width(column));
    let set = move |w: i32| grid.update_prefs(|p| p.set_width(column, w));
    let on_down = move |ev: PointerEvent| {
        ev.prevent_default();
        drag.set_value(Some((ev.client_x(), i32::from(width()))));
        focus::capture_pointer(&ev);
    };
    let on_move = move |ev: PointerEvent| {
        if let Some((x0, w0)) = drag.get_value() {
            set(w0 + ev.client_x() - x0);
        }
    };
    let on_up = move |_: PointerEvent| drag.set_value(None);
    let on_key = move |ev: KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowLeft" => -16,
            "ArrowRight" => 16,
            _ => return,
        };
        ev.prevent_default();
        set(i32::from(width()) + step);
    };
    view! {
        <span
            class="grid__resize"
            role="separator"
            aria-orientation="vertical"
            tabindex="0"
            aria-label=format!("Resize column {}", column.label)
            aria-valuenow=move || width().to_string()
            aria-valuemin="60"
            aria-valuemax="1200"
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:keydown=on_key
            on:click=|ev| ev.stop_propagation()
        ></span>
    }
}
