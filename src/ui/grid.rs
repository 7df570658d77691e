//! The one findings grid of every tab, in the Azure portal pattern: a command bar for the
//! selection, search plus pill filters plus Reset and the item count, sortable and resizable
//! columns, a checkbox column, keyboard navigation, a sticky header, and virtualization (only
//! the rows in view are in the DOM, so 50,000 rows scroll like 50).

mod body;
mod columns_menu;
mod context;
mod head;
mod pill;
mod toolbar;

pub use context::GridContext;

use crate::domain::grid::Table;
use crate::state::Shared;
use body::GridBody;
use head::GridHead;
use leptos::prelude::*;
use toolbar::{CommandBar, FilterBar};

/// The grid for the table on screen. `shown` is the query's result (row indices in order).
#[component]
pub fn FindingsGrid(
    /// The table of the open tab (and pivot).
    table: Memo<Shared<Table>>,
    /// The rows that pass the query, in display order.
    shown: Memo<Shared<Vec<u32>>>,
    /// Accessible name of the grid (the tab's label).
    #[prop(into)]
    caption: Signal<String>,
    /// Why the table has no row at all (plan off, nothing found).
    #[prop(into)]
    no_data: Signal<String>,
    /// Rows that open a page of their own (the fleet's clusters): a row's link, by its id. Its
    /// second cell becomes that link, a click or Enter follows it, and there is no selection
    /// command bar.
    #[prop(optional)]
    row_href: Option<Callback<String, String>>,
) -> impl IntoView {
    let grid = GridContext::provide(table, shown, row_href);
    let viewport = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        shown.track();
        grid.reset_to_top(&viewport);
    });
    view! {
        {row_href.is_none().then(|| view! { <CommandBar /> })}
        <FilterBar />
        <div
            class="grid__viewport"
            node_ref=viewport
            on:scroll=move |_| grid.sync_scroll(&viewport)
        >
            <table
                class="grid"
                role="grid"
                aria-label=move || caption.get()
                style:width=move || format!("{}px", grid.table_width())
                aria-rowcount=move || shown.with(|s| s.len() + 1)
                aria-multiselectable="true"
            >
                <colgroup>
                    <col class="grid__col-select" />
                    {move || {
                        grid.visible_columns()
                            .into_iter()
                            .map(|(_, c, width)| {
                                view! { <col data-column=c.id style:width=format!("{width}px") /> }
                            })
                            .collect_view()
                    }}
                </colgroup>
                <GridHead />
                <GridBody viewport=viewport />
            </table>
            {move || {
                shown
                    .with(|s| s.is_empty())
                    .then(|| {
                        view! {
                            <p class="grid__empty" role="status">
                                {move || grid.empty_reason(no_data.get())}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
