//! Grid rows: display text per column, the level, and which findings the row stands for.

use super::column::TableKind;
use super::sort_cache::SortCache;
use crate::domain::finding::{ClusterData, Recommendation};
use crate::domain::finding_ref::FindingRef;
use crate::domain::level::Level;
use std::collections::{BTreeSet, HashMap};

/// A finding, by its place in [`ClusterData`]: rows stay plain data (no borrows), so tables can
/// live in memos and be shared between the grid, the pane and the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Member {
    Alert(u32),
    Vulnerability(u32),
    /// Index into `recommendations`.
    Recommendation(u32),
    /// Standard index, then failing-row index.
    Compliance(u32, u32),
}

impl Member {
    /// The finding this member points at; `None` if the data changed under it.
    pub fn resolve(self, data: &ClusterData) -> Option<FindingRef<'_>> {
        Some(match self {
            Member::Alert(i) => FindingRef::Alert(data.alerts.get(i as usize)?),
            Member::Vulnerability(i) => {
                FindingRef::Vulnerability(data.vulnerabilities.get(i as usize)?)
            }
            Member::Recommendation(i) => {
                FindingRef::Misconfiguration(data.recommendations.get(i as usize)?)
            }
            Member::Compliance(s, i) => {
                FindingRef::Compliance(data.compliance.get(s as usize)?.failing.get(i as usize)?)
            }
        })
    }
}

/// One grid row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Stable id: the ARM id for single findings, a derived key for pivot rows.
    pub id: String,
    pub level: Level,
    /// Display text, one per column of the table (the level column's is the level label).
    pub cells: Vec<String>,
    /// Lower-case text the search box matches: the cells plus facts the columns do not show
    /// (CVE ids of a component, the digest).
    pub search: String,
    /// The findings this row stands for (one, or a pivot's group).
    pub members: Vec<Member>,
}

impl Row {
    /// Builds a row; `extra_search` adds text that is searchable but not a column.
    pub fn new(
        id: String,
        level: Level,
        cells: Vec<String>,
        extra_search: &str,
        members: Vec<Member>,
    ) -> Row {
        let mut search = cells.join("\u{1f}").to_lowercase();
        if !extra_search.is_empty() {
            search.push('\u{1f}');
            search.push_str(&extra_search.to_lowercase());
        }
        Row {
            id,
            level,
            cells,
            search,
            members,
        }
    }
}

/// The rows of one table in its natural order (most urgent first).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    pub rows: Vec<Row>,
    /// Sort orders computed so far (see [`SortCache`]).
    pub sorted: SortCache,
}

impl Table {
    /// A table of `rows`, in their natural order.
    pub fn new(kind: TableKind, rows: Vec<Row>) -> Table {
        Table {
            kind,
            rows,
            sorted: SortCache::default(),
        }
    }

    /// The row with `id`.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The recommendations behind the rows in `selected`, as ARM ids, each once, in table order:
    /// a misconfiguration is one; a vulnerability finding belongs to the individual
    /// recommendation whose id its own starts with (`{assessment id}#{CVE}`).
    pub fn recommendations_of(
        &self,
        selected: &BTreeSet<String>,
        data: &ClusterData,
    ) -> Vec<String> {
        let mut ids = Vec::new();
        let mut seen = BTreeSet::new();
        let members = self
            .rows
            .iter()
            .filter(|row| selected.contains(&row.id))
            .flat_map(|row| row.members.iter());
        for member in members {
            let id = match member.resolve(data) {
                Some(FindingRef::Misconfiguration(r)) => r.id.clone(),
                Some(FindingRef::Vulnerability(v)) => {
                    v.id.split('#').next().unwrap_or_default().to_string()
                }
                _ => continue,
            };
            if data.recommendations.iter().any(|r| r.id == id) && seen.insert(id.clone()) {
                ids.push(id);
            }
        }
        ids
    }

    /// The recommendations that the findings of the rows in `selected` belong to, as ARM ids,
    /// each once, in table order: only those whose owners were read (so Assign owner sees the
    /// current one). One pass over the table, so a select-all of 50,000 rows stays fast.
    pub fn owned_recommendations(
        &self,
        selected: &BTreeSet<String>,
        data: &ClusterData,
    ) -> Vec<String> {
        let by_key: HashMap<String, &Recommendation> = data
            .recommendations
            .iter()
            .filter(|r| r.owner_known)
            .map(|r| (r.key.to_ascii_lowercase(), r))
            .collect();
        let mut ids = Vec::new();
        let mut seen = BTreeSet::new();
        let members = self
            .rows
            .iter()
            .filter(|row| selected.contains(&row.id))
            .flat_map(|row| row.members.iter());
        for member in members {
            let recommendation = match member.resolve(data) {
                Some(FindingRef::Misconfiguration(r)) => Some(r).filter(|r| r.owner_known),
                Some(FindingRef::Vulnerability(v)) => by_key
                    .get(&v.recommendation_key.to_ascii_lowercase())
                    .copied(),
                Some(FindingRef::Compliance(c)) => by_key
                    .get(&c.recommendation_key.to_ascii_lowercase())
                    .copied(),
                Some(FindingRef::Alert(_)) | None => None,
            };
            if let Some(r) = recommendation
                && seen.insert(r.id.as_str())
            {
                ids.push(r.id.clone());
            }
        }
        ids
    }
}
