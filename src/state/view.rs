//! What the user is looking at: tab, vulnerability pivot, "fixable only", each table's query
//! (search, pills, sort), selection and the open item. Read from the URL at start and written
//! back on every change, so a copied link reopens the same view.

use crate::browser::location;
use crate::domain::actions::BulkOutcome;
use crate::domain::grid::url::owns;
use crate::domain::grid::{GridQuery, TableKind, ViewQuery, VulnPivot, build::table_kind};
use crate::domain::{FindingType, Level};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The dashboard's view state, shared through context. `Copy`: it only holds signals.
#[derive(Debug, Clone, Copy)]
pub struct ViewState {
    /// The open tab.
    pub tab: RwSignal<FindingType>,
    /// How the Vulnerability assessment tab groups its findings.
    pub pivot: RwSignal<VulnPivot>,
    /// Vulnerability assessment: only findings with a fixed version.
    pub fixable_only: RwSignal<bool>,
    /// Misconfigurations: exempted recommendations shown too.
    pub show_exempted: RwSignal<bool>,
    /// Each table's own query, so switching tabs and back keeps what the user typed.
    pub queries: RwSignal<BTreeMap<TableKind, GridQuery>>,
    /// Each table's selected row ids; kept across tabs and refreshes.
    pub selection: RwSignal<BTreeMap<TableKind, BTreeSet<String>>>,
    /// The row whose details pane is open.
    pub open: RwSignal<Option<String>>,
    /// A view of one table whatever the tab (the fleet's), or `None` for the dashboard's tabs.
    pub fixed: Option<TableKind>,
}

impl ViewState {
    /// Creates the state from the page URL, provides it, and keeps the URL in step with it.
    pub fn provide() -> ViewState {
        ViewState::provide_with(None)
    }

    /// [`ViewState::provide`] for a view of the one table `kind` (the fleet): the URL carries
    /// its search, filters and sort.
    pub fn provide_fixed(kind: TableKind) -> ViewState {
        ViewState::provide_with(Some(kind))
    }

    fn provide_with(fixed: Option<TableKind>) -> ViewState {
        let pairs = location::query_pairs();
        let view = ViewQuery::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let mut state = ViewState::from_view(view.clone());
        if let Some(kind) = fixed {
            state.queries.set([(kind, view.grid)].into());
            state.fixed = Some(kind);
        }
        provide_context(state);
        Effect::new(move |_| {
            let params = state.view_query().to_params();
            location::replace_params(owns, &params);
        });
        state
    }

    /// A state showing `view` (tests and the URL).
    pub fn from_view(view: ViewQuery) -> ViewState {
        let kind = table_kind(view.tab, view.pivot);
        ViewState {
            tab: RwSignal::new(view.tab),
            pivot: RwSignal::new(view.pivot),
            fixable_only: RwSignal::new(view.fixable_only),
            show_exempted: RwSignal::new(view.show_exempted),
            queries: RwSignal::new([(kind, view.grid)].into()),
            selection: RwSignal::new(BTreeMap::new()),
            open: RwSignal::new(view.open),
            fixed: None,
        }
    }

    /// The state provided by [`ViewState::provide`].
    pub fn expect() -> ViewState {
        expect_context::<ViewState>()
    }

    /// The table the open tab shows (tracked).
    pub fn table(&self) -> TableKind {
        self.fixed
            .unwrap_or_else(|| table_kind(self.tab.get(), self.pivot.get()))
    }

    /// The table the open tab shows, read without subscribing (event handlers).
    pub fn table_untracked(&self) -> TableKind {
        self.fixed
            .unwrap_or_else(|| table_kind(self.tab.get_untracked(), self.pivot.get_untracked()))
    }

    /// The query of the table on screen (tracked).
    pub fn query(&self) -> GridQuery {
        let kind = self.table();
        self.queries
            .with(|q| q.get(&kind).cloned())
            .unwrap_or_default()
    }

    /// Changes the query of the table on screen.
    pub fn update_query(&self, change: impl FnOnce(&mut GridQuery)) {
        let kind = self.table_untracked();
        self.queries.update(|q| change(q.entry(kind).or_default()));
    }

    /// Whether row `id` of the table on screen is selected (tracked; no copy of the selection).
    pub fn is_selected(&self, id: &str) -> bool {
        let kind = self.table();
        self.selection
            .with(|s| s.get(&kind).is_some_and(|set| set.contains(id)))
    }

    /// How many rows of the table on screen are selected (tracked).
    pub fn selected_count(&self) -> usize {
        let kind = self.table();
        self.selection
            .with(|s| s.get(&kind).map_or(0, BTreeSet::len))
    }

    /// Reads the selection of the table on screen without subscribing (event handlers): no copy
    /// of a select-all of 50,000 ids unless `read` makes one.
    pub fn with_selection_untracked<R>(&self, read: impl FnOnce(&BTreeSet<String>) -> R) -> R {
        let kind = self.table_untracked();
        let empty = BTreeSet::new();
        self.selection
            .with_untracked(|s| read(s.get(&kind).unwrap_or(&empty)))
    }

    /// Changes the selection of the table on screen.
    pub fn update_selection(&self, change: impl FnOnce(&mut BTreeSet<String>)) {
        let kind = self.table_untracked();
        self.selection
            .update(|s| change(s.entry(kind).or_default()));
    }

    /// After a bulk action: the items it changed leave the selection; failed ones stay to retry,
    /// and selected items it did not touch (it ran from a pane) stay as they were.
    /// A vulnerability finding's row (`{recommendation id}#{CVE}`) leaves with its
    /// recommendation.
    pub fn deselect_done(&self, outcome: &BulkOutcome) {
        let done: BTreeSet<&str> = outcome.succeeded().map(|i| i.id.as_str()).collect();
        self.update_selection(|s| {
            s.retain(|row| !done.contains(row.split('#').next().unwrap_or(row)));
        });
    }

    /// The whole view, as a link carries it (tracked).
    pub fn view_query(&self) -> ViewQuery {
        ViewQuery {
            tab: self.tab.get(),
            pivot: self.pivot.get(),
            fixable_only: self.fixable_only.get(),
            show_exempted: self.show_exempted.get(),
            grid: self.query(),
            open: self.open.get(),
        }
    }

    /// The whole view, read without subscribing (event handlers).
    pub fn view_query_untracked(&self) -> ViewQuery {
        leptos::prelude::untrack(|| self.view_query())
    }

    /// Switches tab, keeping each table's query.
    pub fn show_tab(&self, tab: FindingType) {
        if self.tab.get_untracked() != tab {
            self.open.set(None);
            self.tab.set(tab);
        }
    }

    /// Opens a tab narrowed to one level (summary-bar click); the table's other choices give
    /// way so the grid shows exactly what was counted.
    pub fn drill_down(&self, tab: FindingType, level: Option<Level>) {
        let view = ViewQuery::drill_down(tab, level);
        let kind = table_kind(view.tab, view.pivot);
        self.queries.update(|q| {
            q.insert(kind, view.grid);
        });
        self.open.set(None);
        self.fixable_only.set(view.fixable_only);
        self.pivot.set(view.pivot);
        self.tab.set(view.tab);
    }
}
