//! The findings grid as data: which table a tab shows (with the vulnerability pivots), its
//! columns, its rows, and the user's query (search, pill filters, sort) applied to them. The UI
//! grid renders what this module computes; the CSV "current view" exports the same rows.

pub mod build;
pub mod column;
pub mod fleet;
pub mod order;
pub mod pivot;
pub mod query;
pub mod sort_cache;
pub mod sort_key;
pub mod status;
pub mod table;
pub mod url;
pub mod version;

pub use build::build_table;
pub use column::{Column, ColumnKind, ColumnPrefs, TableKind};
pub use pivot::VulnPivot;
pub use query::{GridQuery, Sort};
pub use table::{Member, Row, Table};
pub use url::ViewQuery;

use crate::domain::finding::ClusterData;
use crate::domain::finding_ref::FindingRef;

/// The findings behind the rows a view shows, in display order: what "Download CSV report" of
/// the current view writes (a pivot row contributes all of its findings).
pub fn view_findings<'a>(data: &'a ClusterData, view: &ViewQuery) -> Vec<FindingRef<'a>> {
    let table = build_table(
        data,
        view.tab,
        view.pivot,
        view.fixable_only,
        view.show_exempted,
    );
    view.grid
        .apply(&table)
        .into_iter()
        .flat_map(|i| table.rows[i as usize].members.iter())
        .filter_map(|m| m.resolve(data))
        .collect()
}

/// Words for the view in the export dialog: "Vulnerability assessment, by package, filtered".
pub fn describe(view: &ViewQuery) -> String {
    let mut text = view.tab.tab_label().to_string();
    if view.tab == crate::domain::FindingType::Vulnerability {
        text.push_str(&format!(", {}", view.pivot.label().to_lowercase()));
        if view.fixable_only {
            text.push_str(", fixable only");
        }
    }
    if !view.grid.search.is_empty() || !view.grid.filters.is_empty() {
        text.push_str(", filtered");
    }
    text
}
