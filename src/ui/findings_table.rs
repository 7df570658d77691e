//! The one findings grid used by every tab (plain list for now: level, name and columns).

use crate::domain::Level;
use leptos::prelude::*;

/// One row: a stable id (the ARM id), its level, and the other cells as text.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub id: String,
    pub level: Level,
    pub cells: Vec<String>,
}

/// A table of findings. Cell text is rendered as text, never as HTML: alert fields come from
/// attackers.
#[component]
pub fn FindingsTable(
    /// Accessible name of the table.
    caption: &'static str,
    /// Header of the level column ("Severity" or "Risk level").
    level_header: &'static str,
    /// Headers of the other columns.
    columns: Vec<&'static str>,
    /// The rows, already filtered and ordered.
    rows: Signal<Vec<TableRow>>,
) -> impl IntoView {
    let count = move || rows.with(Vec::len);
    view! {
        <p class="grid__count" role="status" data-testid="row-count">{move || format!("{} items", count())}</p>
        <table class="grid" aria-label=caption>
            <thead>
                <tr>
                    <th scope="col">{level_header}</th>
                    {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=|row| row.id.clone() let:row>
                    <tr>
                        <td>
                            <span class=format!("level-pill level--{}", row.level.as_str())>{row.level.label()}</span>
                        </td>
                        {row.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                    </tr>
                </For>
            </tbody>
        </table>
    }
}
