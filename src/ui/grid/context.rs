//! What the grid's parts share: the table, the shown rows, column preferences, the scroll
//! window and the keyboard cursor.

use crate::browser::{focus, location, storage};
use crate::domain::grid::{Column, ColumnPrefs, Row, Table, TableKind};
use crate::state::{Shared, ViewState};
use leptos::prelude::*;

/// Height of one body row in CSS pixels; `style/grid.css` sets the same (`--grid-row-height`).
pub const ROW_HEIGHT: i32 = 36;
/// Rows rendered above and below the visible ones, so fast scrolling never shows a gap.
pub const OVERSCAN: usize = 12;
/// Width of the checkbox column; `style/grid.css` sets the same (`.grid__col-select`).
pub const SELECT_WIDTH: u32 = 40;
/// Rows rendered at most: enough for a 1,600 px tall viewport plus overscan.
pub const WINDOW: usize = 72;

/// The grid's shared state (compound-component context). `Copy`: signals only.
#[derive(Clone, Copy)]
pub struct GridContext {
    pub table: Memo<Shared<Table>>,
    pub shown: Memo<Shared<Vec<u32>>>,
    /// Column visibility and widths of the table on screen (stored per table).
    pub prefs: RwSignal<ColumnPrefs>,
    /// Scroll offset of the viewport, CSS pixels.
    pub scroll_top: RwSignal<i32>,
    /// Position (in the shown order) of the row holding the keyboard cursor.
    pub cursor: RwSignal<usize>,
    pub view: ViewState,
    /// Where a row leads, when rows are links (`FindingsGrid`'s `row_href`).
    pub row_href: Option<Callback<String, String>>,
}

fn prefs_key(kind: TableKind) -> String {
    format!("aks-dashboard.columns.{}", kind.as_str())
}

fn stored_prefs(kind: TableKind) -> ColumnPrefs {
    storage::get(&prefs_key(kind))
        .map(|s| ColumnPrefs::parse(&s))
        .unwrap_or_default()
}

impl GridContext {
    /// Creates and provides the context; column preferences follow the table on screen.
    pub fn provide(
        table: Memo<Shared<Table>>,
        shown: Memo<Shared<Vec<u32>>>,
        row_href: Option<Callback<String, String>>,
    ) -> GridContext {
        let view = ViewState::expect();
        let kind = Memo::new(move |_| table.with(|t| t.kind));
        // Read now for the first render (no flash of default widths), then on each table change.
        let prefs = RwSignal::new(stored_prefs(kind.get_untracked()));
        Effect::new(move |_| prefs.set(stored_prefs(kind.get())));
        let grid = GridContext {
            table,
            shown,
            prefs,
            scroll_top: RwSignal::new(0),
            cursor: RwSignal::new(0),
            view,
            row_href,
        };
        provide_context(grid);
        grid
    }

    /// The context provided by [`GridContext::provide`].
    pub fn expect() -> GridContext {
        expect_context()
    }

    /// The columns shown, with their index in the table and their width (tracked).
    pub fn visible_columns(&self) -> Vec<(usize, &'static Column, u16)> {
        let columns = self.table.with(|t| t.kind.columns());
        self.prefs.with(|p| {
            columns
                .iter()
                .enumerate()
                .filter(|(_, c)| p.visible(c))
                .map(|(i, c)| (i, c, p.width(c)))
                .collect()
        })
    }

    /// The table's width: the select column plus the shown columns (tracked). Fixed layout
    /// needs it, or the browser stretches columns to their content.
    pub fn table_width(&self) -> u32 {
        SELECT_WIDTH
            + self
                .visible_columns()
                .iter()
                .map(|(_, _, w)| u32::from(*w))
                .sum::<u32>()
    }

    /// Changes the column preferences and stores them for this table.
    pub fn update_prefs(&self, change: impl FnOnce(&mut ColumnPrefs)) {
        self.prefs.update(change);
        let kind = self.table.with_untracked(|t| t.kind);
        if let Ok(json) = self.prefs.with_untracked(serde_json::to_string) {
            storage::set(&prefs_key(kind), &json);
        }
    }

    /// Opens a row: follows its link when rows are links, else opens its details pane.
    pub fn open_row(&self, id: String) {
        match self.row_href {
            Some(href) => location::go(&href.run(id)),
            None => self.view.open.set(Some(id)),
        }
    }

    /// The row at `position` of the shown order.
    pub fn row_at(&self, position: usize) -> Option<Row> {
        let index = self.shown.with(|s| s.get(position).copied())?;
        self.table.with(|t| t.rows.get(index as usize).cloned())
    }

    /// Starts a new result at the top, in the DOM too: left scrolled down, the viewport would
    /// show blank space where the window of rendered rows (computed from offset 0) is not.
    /// A viewport already at the top (as last scrolled) is left alone: writing `scrollTop`
    /// makes the browser lay the page out at once, which cost 16 ms before the first rows.
    pub fn reset_to_top(&self, viewport: &NodeRef<leptos::html::Div>) {
        self.cursor.set(0);
        if self.scroll_top.get_untracked() == 0 {
            return;
        }
        self.scroll_top.set(0);
        if let Some(el) = viewport.get_untracked() {
            focus::set_scroll_top(&el, 0);
        }
    }

    /// Reads the viewport's scroll offset after a scroll event.
    pub fn sync_scroll(&self, viewport: &NodeRef<leptos::html::Div>) {
        if let Some(el) = viewport.get_untracked() {
            self.scroll_top.set(focus::scroll_box(&el).0);
        }
    }

    /// Why the grid is empty: a query that hides everything, or `no_data` (the tab's reason).
    pub fn empty_reason(&self, no_data: String) -> String {
        match self.table.with(|t| t.rows.len()) {
            0 => no_data,
            total => format!(
                "No item matches the search and filters ({total} items hidden). Use Reset to show \
                 them."
            ),
        }
    }
}
