//! The user's query on a table: search text, pill filters and a sort column. Pure functions,
//! so the grid, the item count and the CSV of the current view agree.

use super::column::{ColumnKind, TableKind};
use super::sort_key::sorted;
use super::table::Table;
use crate::domain::level::Level;
use std::collections::{BTreeMap, BTreeSet};

/// A sort on one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub column: String,
    pub descending: bool,
}

/// Search, pill filters and sort for one table. The default is "everything, natural order".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GridQuery {
    /// Every whitespace-separated term must appear (case-insensitive) in the row.
    pub search: String,
    /// Column id → accepted cell values; a row passes when each filtered column's value is one
    /// of the accepted ones.
    pub filters: BTreeMap<String, BTreeSet<String>>,
    /// `None`: the table's natural order (most urgent first).
    pub sort: Option<Sort>,
}

impl GridQuery {
    /// A query that only keeps rows of one level (summary-bar drill-down).
    pub fn level(level: Level) -> GridQuery {
        let mut query = GridQuery::default();
        query.set_filter("level", [level.label().to_string()].into());
        query
    }

    /// Whether anything narrows or reorders the table (Reset is offered).
    pub fn is_default(&self) -> bool {
        self == &GridQuery::default()
    }

    /// Sets a column's accepted values; an empty set removes the filter.
    pub fn set_filter(&mut self, column: &str, values: BTreeSet<String>) {
        if values.is_empty() {
            self.filters.remove(column);
        } else {
            self.filters.insert(column.to_string(), values);
        }
    }

    /// Header click: sort ascending, then descending, then back to the natural order. Level and
    /// number columns start with the most urgent or largest first, as users expect.
    pub fn cycle_sort(&mut self, table: TableKind, column: &str) {
        let starts_descending = table
            .column_index(column)
            .map(|i| table.columns()[i].kind == ColumnKind::Number)
            .unwrap_or(false);
        self.sort = match &self.sort {
            Some(s) if s.column == column && s.descending != starts_descending => None,
            Some(s) if s.column == column => Some(Sort {
                column: column.to_string(),
                descending: !s.descending,
            }),
            _ => Some(Sort {
                column: column.to_string(),
                descending: starts_descending,
            }),
        };
    }

    /// The indices of the rows that pass, in display order.
    pub fn apply(&self, table: &Table) -> Vec<u32> {
        let columns = table.kind.columns();
        let terms: Vec<String> = self
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let filters: Vec<(usize, &BTreeSet<String>)> = self
            .filters
            .iter()
            .filter_map(|(id, values)| Some((table.kind.column_index(id)?, values)))
            .collect();
        let indices: Vec<u32> = (0u32..)
            .zip(&table.rows)
            .filter(|(_, row)| {
                terms.iter().all(|t| row.search.contains(t.as_str()))
                    && filters.iter().all(|(c, v)| v.contains(&row.cells[*c]))
            })
            .map(|(i, _)| i)
            .collect();
        let Some(sort) = &self.sort else {
            return indices;
        };
        let Some(c) = table.kind.column_index(&sort.column) else {
            return indices;
        };
        let order = table.sorted.get_or_sort((c, sort.descending), || {
            sorted(table, c, columns[c].kind, sort.descending)
        });
        // The kept order of every row, narrowed to those that pass: a linear pass.
        let mut pass = vec![false; table.rows.len()];
        for &i in &indices {
            pass[i as usize] = true;
        }
        order
            .iter()
            .copied()
            .filter(|&i| pass[i as usize])
            .collect()
    }

    /// The values a pill filter offers for `column`, with how many rows have each: levels in
    /// level order, other values alphabetically.
    pub fn facet_values(table: &Table, column: &str) -> Vec<(String, usize)> {
        let Some(c) = table.kind.column_index(column) else {
            return Vec::new();
        };
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for row in &table.rows {
            *counts.entry(row.cells[c].as_str()).or_default() += 1;
        }
        let mut values: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(v, n)| (v.to_string(), n))
            .collect();
        if table.kind.columns()[c].kind == ColumnKind::Level {
            values.sort_by_key(|(v, _)| Level::parse(v));
        }
        values
    }
}
