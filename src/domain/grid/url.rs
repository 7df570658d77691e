//! The view in the URL: tab, pivot, "fixable only", search, pill filters, sort and the open
//! item, so a copied link opens the same view elsewhere.
//!
//! `?tab=vulnerability&pivot=packages&fixable=1&q=openssl&f.fix=Fix+available`
//! `&sort=cves.desc&open=package:openssl`

use super::pivot::VulnPivot;
use super::query::{GridQuery, Sort};
use crate::domain::finding::AlertStatus;
use crate::domain::level::Level;
use crate::domain::summary::FindingType;

/// Everything about the view that a shared link carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewQuery {
    pub tab: FindingType,
    pub pivot: VulnPivot,
    pub fixable_only: bool,
    /// Misconfigurations and Vulnerability assessment: exempted findings shown too.
    pub show_exempted: bool,
    /// The query of the table the tab shows.
    pub grid: GridQuery,
    /// The row whose details pane is open.
    pub open: Option<String>,
}

const FILTER_PREFIX: &str = "f.";

/// Whether a query parameter belongs to the view (the others, like `cluster` or `demo`, are
/// kept untouched when the view is written back).
pub fn owns(key: &str) -> bool {
    matches!(
        key,
        "tab" | "pivot" | "fixable" | "exempted" | "q" | "sort" | "open"
    ) || key.starts_with(FILTER_PREFIX)
}

impl ViewQuery {
    /// The view a summary-bar count opens: the tab, narrowed to exactly the findings counted
    /// (open alerts only; vulnerabilities per finding, since the bar counts findings).
    pub fn drill_down(tab: FindingType, level: Option<Level>) -> ViewQuery {
        let mut grid = level.map(GridQuery::level).unwrap_or_default();
        if tab == FindingType::Alert {
            let open = [AlertStatus::Active, AlertStatus::InProgress];
            grid.set_filter("status", open.map(|s| s.label().to_string()).into());
        }
        let pivot = match (tab, level) {
            (FindingType::Vulnerability, Some(_)) => VulnPivot::Findings,
            _ => VulnPivot::default(),
        };
        ViewQuery {
            tab,
            pivot,
            grid,
            ..ViewQuery::default()
        }
    }

    /// Reads the view from query parameters; unknown tabs, pivots or sorts fall back to the
    /// default rather than failing, because links outlive versions.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> ViewQuery {
        let mut view = ViewQuery::default();
        for (key, value) in params {
            match key {
                "tab" => view.tab = FindingType::parse(value).unwrap_or_default(),
                "pivot" => view.pivot = VulnPivot::parse(value).unwrap_or_default(),
                "fixable" => view.fixable_only = value == "1",
                "exempted" => view.show_exempted = value == "1",
                "q" => view.grid.search = value.to_string(),
                "open" if !value.is_empty() => view.open = Some(value.to_string()),
                "sort" => {
                    let (column, descending) = match value.strip_suffix(".desc") {
                        Some(column) => (column, true),
                        None => (value.strip_suffix(".asc").unwrap_or(value), false),
                    };
                    if !column.is_empty() {
                        view.grid.sort = Some(Sort {
                            column: column.to_string(),
                            descending,
                        });
                    }
                }
                _ => {
                    if let Some(column) = key.strip_prefix(FILTER_PREFIX) {
                        view.grid
                            .filters
                            .entry(column.to_string())
                            .or_default()
                            .insert(value.to_string());
                    }
                }
            }
        }
        view
    }

    /// The parameters for this view, defaults left out so links stay short.
    pub fn to_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        let mut push = |k: &str, v: &str| params.push((k.to_string(), v.to_string()));
        if self.tab != FindingType::default() {
            push("tab", self.tab.as_str());
        }
        if self.tab == FindingType::Vulnerability {
            if self.pivot != VulnPivot::default() {
                push("pivot", self.pivot.as_str());
            }
            if self.fixable_only {
                push("fixable", "1");
            }
        }
        let exemptable = matches!(
            self.tab,
            FindingType::Misconfiguration | FindingType::Vulnerability
        );
        if exemptable && self.show_exempted {
            push("exempted", "1");
        }
        if !self.grid.search.is_empty() {
            push("q", &self.grid.search);
        }
        for (column, values) in &self.grid.filters {
            for value in values {
                push(&format!("{FILTER_PREFIX}{column}"), value);
            }
        }
        if let Some(sort) = &self.grid.sort {
            let dir = if sort.descending { "desc" } else { "asc" };
            push("sort", &format!("{}.{dir}", sort.column));
        }
        if let Some(open) = &self.open {
            push("open", open);
        }
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_part_of_the_view() {
        let mut view = ViewQuery {
            tab: FindingType::Vulnerability,
            pivot: VulnPivot::Packages,
            fixable_only: true,
            open: Some("package:openssl".into()),
            ..ViewQuery::default()
        };
        view.grid.search = "openssl  3.0".into();
        view.grid
            .set_filter("level", ["Critical".into(), "High".into()].into());
        view.grid.set_filter("fix", ["Partial fix".into()].into());
        view.grid.sort = Some(Sort {
            column: "cleared".into(),
            descending: true,
        });
        let params = view.to_params();
        let back = ViewQuery::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, view);
        assert!(params.iter().all(|(k, _)| owns(k)));
    }

    #[test]
    fn the_default_view_has_no_parameters_and_bad_values_fall_back() {
        assert!(ViewQuery::default().to_params().is_empty());
        let view = ViewQuery::from_params([
            ("tab", "nope"),
            ("pivot", "weird"),
            ("sort", ""),
            ("open", ""),
            ("cluster", "/subscriptions/x"),
        ]);
        assert_eq!(view, ViewQuery::default());
        assert!(!owns("cluster") && !owns("demo"));
    }
}
