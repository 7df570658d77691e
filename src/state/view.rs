//! What the user is looking at: the tab and the level picked in the summary bar.

use crate::domain::{FindingType, Level};
use leptos::prelude::*;

/// The dashboard's view state, shared through context. `Copy`: it only holds signals.
#[derive(Debug, Clone, Copy)]
pub struct ViewState {
    /// The open tab.
    pub tab: RwSignal<FindingType>,
    /// The level the grid is filtered to (from a summary-bar click), if any.
    pub level: RwSignal<Option<Level>>,
}

impl ViewState {
    /// Creates the state and provides it to the component tree.
    pub fn provide() -> ViewState {
        let state = ViewState {
            tab: RwSignal::new(FindingType::Alert),
            level: RwSignal::new(None),
        };
        provide_context(state);
        state
    }

    /// The state provided by [`ViewState::provide`].
    pub fn expect() -> ViewState {
        expect_context::<ViewState>()
    }

    /// Opens a tab filtered to one level (summary-bar click).
    pub fn open(&self, tab: FindingType, level: Option<Level>) {
        self.tab.set(tab);
        self.level.set(level);
    }
}
