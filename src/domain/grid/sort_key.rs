//! One column's sort over a whole table: each distinct value keyed and compared once, then the
//! rows placed by their value's rank.

use super::column::ColumnKind;
use super::table::{Row, Table};
use crate::domain::level::Level;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Every row of `table` ordered by column `c`. Columns hold few distinct values (83 CVEs in
/// 49,866 findings), so each distinct value is keyed and compared once, and the rows then sort
/// by their value's rank, then their index, which keeps equal cells in natural order. Empty
/// cells stay last both ways.
pub fn sorted(table: &Table, c: usize, kind: ColumnKind, descending: bool) -> Vec<u32> {
    let mut distinct: HashMap<Distinct, u32> = HashMap::default();
    let mut keys: Vec<SortKey> = Vec::new();
    let value_of_row: Vec<u32> = table
        .rows
        .iter()
        .map(|row| {
            *distinct
                .entry(Distinct::of(row, c, kind))
                .or_insert_with(|| {
                    keys.push(SortKey::of(row, c, kind));
                    keys.len() as u32 - 1
                })
        })
        .collect();
    let cmp = |a: &SortKey, b: &SortKey| {
        let value = match descending {
            true => b.cmp_value(a),
            false => a.cmp_value(b),
        };
        a.empty.cmp(&b.empty).then(value)
    };
    let mut by_value: Vec<usize> = (0..keys.len()).collect();
    by_value.sort_unstable_by(|&a, &b| cmp(&keys[a], &keys[b]));
    // Values that compare equal (`1` and `1.0`, two unreadable numbers) share a rank, so their
    // rows stay in natural order.
    let mut rank = vec![0usize; keys.len()];
    for (n, pair) in by_value.windows(2).enumerate() {
        rank[pair[1]] = match cmp(&keys[pair[0]], &keys[pair[1]]) {
            Ordering::Equal => rank[pair[0]],
            _ => n + 1,
        };
    }
    // Rows by rank, then index: a counting sort (ranks are fewer than rows), which places rows
    // in index order within a rank, with no comparison at all.
    let mut next = vec![0usize; keys.len() + 1];
    for &v in &value_of_row {
        next[rank[v as usize] + 1] += 1;
    }
    for r in 1..next.len() {
        next[r] += next[r - 1];
    }
    let mut order = vec![0u32; value_of_row.len()];
    for (i, &v) in (0u32..).zip(&value_of_row) {
        let at = &mut next[rank[v as usize]];
        order[*at] = i;
        *at += 1;
    }
    order
}

/// What makes two rows' keys for a column equal: the cell, or for a level column the row's level
/// (and whether the cell is empty).
#[derive(PartialEq, Eq, Hash)]
enum Distinct<'a> {
    Level(Level, bool),
    Cell(&'a str),
}

impl<'a> Distinct<'a> {
    fn of(row: &'a Row, column: usize, kind: ColumnKind) -> Distinct<'a> {
        let cell = row.cells[column].as_str();
        match kind {
            ColumnKind::Level => Distinct::Level(row.level, cell.is_empty()),
            _ => Distinct::Cell(cell),
        }
    }
}

/// A row's sort key for one column. Nothing is copied: text keys borrow the cell.
struct SortKey<'a> {
    empty: bool,
    value: SortValue<'a>,
}

enum SortValue<'a> {
    Level(Level),
    Number(f64),
    /// Ordered as written (times are `YYYY-MM-DD…`: their text order is their time order).
    Raw(&'a str),
    /// Ordered ignoring case: the lower case (a copy only when the text has a capital), then the
    /// text as written so that case variants keep one order.
    Text(Cow<'a, str>, &'a str),
}

impl<'a> SortKey<'a> {
    fn of(row: &'a Row, column: usize, kind: ColumnKind) -> SortKey<'a> {
        let cell = row.cells[column].as_str();
        let value = match kind {
            ColumnKind::Level => SortValue::Level(row.level),
            ColumnKind::Number => SortValue::Number(cell.parse().unwrap_or(f64::NEG_INFINITY)),
            ColumnKind::Time => SortValue::Raw(cell),
            ColumnKind::Text => SortValue::Text(folded(cell), cell),
        };
        SortKey {
            empty: cell.is_empty(),
            value,
        }
    }

    fn cmp_value(&self, other: &SortKey<'a>) -> Ordering {
        match (&self.value, &other.value) {
            (SortValue::Level(a), SortValue::Level(b)) => a.cmp(b),
            (SortValue::Number(a), SortValue::Number(b)) => a.total_cmp(b),
            (SortValue::Raw(a), SortValue::Raw(b)) => a.cmp(b),
            (SortValue::Text(la, a), SortValue::Text(lb, b)) => la.cmp(lb).then_with(|| a.cmp(b)),
            _ => Ordering::Equal,
        }
    }
}

/// The text a cell sorts by: its lower case, copied only when it has a capital. Only each
/// distinct value is folded, so this runs a few hundred times per sort, not once per row.
fn folded(text: &str) -> Cow<'_, str> {
    match text.chars().any(char::is_uppercase) {
        true => Cow::Owned(text.to_lowercase()),
        false => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grid::column::TableKind;

    fn table(cells: &[&str]) -> Table {
        let rows = cells
            .iter()
            .enumerate()
            .map(|(i, c)| Row::new(i.to_string(), Level::Low, vec![c.to_string()], "", vec![]))
            .collect();
        Table::new(TableKind::Alerts, rows)
    }

    /// Numbers: cells that differ as text but not as values (`1`, `1.0`, `01`) are one value,
    /// so their rows keep natural order whichever way the column is sorted. Text: case is
    /// ignored first, then case variants order as written. Blanks stay last both ways.
    #[test]
    fn equal_values_keep_natural_order_and_blanks_stay_last_both_ways() {
        let cases = [
            (
                ColumnKind::Number,
                ["2", "1", "", "1.0", "3", "01", "1"],
                [1, 3, 5, 6, 0, 4, 2],
                [4, 0, 1, 3, 5, 6, 2],
            ),
            (
                ColumnKind::Text,
                ["beta", "Alpha", "alpha", "", "ALPHA", "alpha", "Beta"],
                [4, 1, 2, 5, 6, 0, 3],
                [0, 6, 2, 5, 1, 4, 3],
            ),
        ];
        for (kind, cells, ascending, descending) in cases {
            let t = table(&cells);
            assert_eq!(sorted(&t, 0, kind, false), ascending, "{kind:?} {cells:?}");
            assert_eq!(
                sorted(&t, 0, kind, true),
                descending,
                "{kind:?} {cells:?} descending"
            );
        }
    }
}
