//! The findings grid as data: which table a tab shows (with the vulnerability pivots), its
//! columns, its rows, and the user's query (search, pill filters, sort) applied to them. The UI
//! grid renders what this module computes; the CSV "current view" exports the same rows.

pub mod column;
pub mod pivot;
pub mod query;
pub mod row;
pub mod rows;
pub mod url;
pub mod version;

pub use column::{Column, ColumnKind, ColumnPrefs, TableKind};
pub use pivot::VulnPivot;
pub use query::{GridQuery, Sort};
pub use row::{Member, Row, Table};
pub use rows::build_table;
pub use url::ViewQuery;
