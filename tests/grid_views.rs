//! The grid's tables, pivots and queries over the demo cluster. Expectations are counted
//! directly from the findings, not through the code under test.

mod common;

use aks_security_dashboard::domain::grid::pivot::Upgrade;
use aks_security_dashboard::domain::grid::{
    GridQuery, Member, Sort, Table, TableKind, ViewQuery, VulnPivot, build_table,
};
use aks_security_dashboard::domain::{ClusterData, Component, FindingType, Level, Summary};
use std::collections::{BTreeMap, BTreeSet};

fn table(data: &ClusterData, tab: FindingType, pivot: VulnPivot, fixable: bool) -> Table {
    build_table(data, tab, pivot, fixable, false)
}

/// The Vulnerability assessment tab's table for a pivot, without "Fixable only".
fn vulns(data: &ClusterData, pivot: VulnPivot) -> Table {
    table(data, FindingType::Vulnerability, pivot, false)
}

fn cell<'a>(table: &'a Table, row: usize, column: &str) -> &'a str {
    &table.rows[row].cells[table.kind.column_index(column).unwrap()]
}

fn row_index(table: &Table, id: &str) -> usize {
    table
        .rows
        .iter()
        .position(|r| r.id == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

#[test]
fn every_summary_count_drills_down_to_exactly_that_many_rows() {
    let data = common::demo_data();
    let summary = Summary::of(&data);
    let mut checked = 0;
    for row in &summary.rows {
        for &(level, count) in &row.counts {
            let view = ViewQuery::drill_down(row.finding_type, Some(level));
            let t = table(&data, view.tab, view.pivot, view.fixable_only);
            let shown = view.grid.apply(&t);
            assert_eq!(shown.len(), count, "{:?} {level:?}", row.finding_type);
            assert!(shown.iter().all(|&i| t.rows[i as usize].level == level));
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} counts in the demo summary");
}

#[test]
fn components_pivot_groups_every_finding_once_and_ranks_by_risk() {
    let data = common::demo_data();
    let t = vulns(&data, VulnPivot::Components);
    let mut expected: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for v in data.open_vulnerabilities() {
        let e = expected.entry(v.component.display_name()).or_default();
        e.0 += 1;
        e.1 += usize::from(v.severity == Level::Critical);
    }
    assert_eq!(t.rows.len(), expected.len(), "one row per component");
    let members: usize = t.rows.iter().map(|r| r.members.len()).sum();
    assert_eq!(members, data.open_vulnerabilities().count());
    for (i, row) in t.rows.iter().enumerate() {
        let (total, critical) = expected[cell(&t, i, "component")];
        assert_eq!(cell(&t, i, "cves"), total.to_string(), "{}", row.id);
        assert_eq!(cell(&t, i, "critical"), critical.to_string(), "{}", row.id);
    }
    let levels: Vec<Level> = t.rows.iter().map(|r| r.level).collect();
    assert!(levels.is_sorted(), "ranked most urgent first: {levels:?}");
    let kinds: BTreeSet<&str> = (0..t.rows.len()).map(|i| cell(&t, i, "kind")).collect();
    // The demo's one finding whose image Azure's data does not name is its own row, not dropped.
    assert_eq!(kinds, ["Image", "Node pool", "Unknown"].into());
}

#[test]
fn package_pivot_names_the_upgrade_that_clears_the_most() {
    let data = common::demo_data();
    let t = vulns(&data, VulnPivot::Packages);
    let openssl = row_index(&t, "package:openssl");
    let findings: Vec<_> = data
        .vulnerabilities
        .iter()
        .filter(|v| v.package == "openssl")
        .collect();
    // The demo's Debian 12 openssl findings are fixed in 3.0.13 and 3.0.15: the later one wins.
    assert_eq!(cell(&t, openssl, "upgrade"), "3.0.15-1~deb12u1");
    let fixable: BTreeSet<&str> = findings
        .iter()
        .filter(|v| v.fixed_version.is_some())
        .map(|v| v.cve.as_str())
        .collect();
    assert_eq!(cell(&t, openssl, "cleared"), fixable.len().to_string());
    let of_kind = |image: bool| -> BTreeSet<String> {
        findings
            .iter()
            // An unnamed image ("Unknown image") is an image, not a node pool.
            .filter(|v| !matches!(v.component, Component::NodePool { .. }) == image)
            .map(|v| v.component.display_name())
            .collect()
    };
    let (images, pools) = (of_kind(true), of_kind(false));
    assert!(
        images.len() > 1 && pools.len() > 1,
        "the demo's openssl is in images and pools"
    );
    let upgrade = Upgrade::of("openssl", findings.iter().copied());
    assert_eq!(
        upgrade.sentence(),
        format!(
            "Upgrade openssl to 3.0.15-1~deb12u1 to clear {} CVEs in {} images and {} node pools",
            fixable.len(),
            images.len(),
            pools.len()
        )
    );
}

#[test]
fn cve_pivot_lists_each_cve_once_with_its_components() {
    let data = common::demo_data();
    let t = vulns(&data, VulnPivot::Cves);
    let cves: BTreeSet<&str> = data
        .vulnerabilities
        .iter()
        .map(|v| v.cve.as_str())
        .collect();
    assert_eq!(t.rows.len(), cves.len());
    let i = row_index(&t, "cve:CVE-2023-4911");
    let carriers: BTreeSet<String> = data
        .vulnerabilities
        .iter()
        .filter(|v| v.cve == "CVE-2023-4911")
        .map(|v| v.component.display_name())
        .collect();
    assert_eq!(cell(&t, i, "components"), carriers.len().to_string());
    assert_eq!(cell(&t, i, "exploit"), "Exploit published");
}

#[test]
fn fixable_only_keeps_exactly_the_findings_with_a_fix() {
    let data = common::demo_data();
    let all = vulns(&data, VulnPivot::Findings);
    let fixable = table(&data, FindingType::Vulnerability, VulnPivot::Findings, true);
    let expected = data
        .open_vulnerabilities()
        .filter(|v| v.fixed_version.is_some())
        .count();
    assert_eq!(fixable.rows.len(), expected);
    assert!(
        fixable.rows.len() < all.rows.len(),
        "the demo has unfixable CVEs"
    );
    assert!(
        fixable
            .rows
            .iter()
            .all(|r| r.members.iter().all(|m| match m {
                Member::Vulnerability(i) =>
                    data.vulnerabilities[*i as usize].fixed_version.is_some(),
                _ => false,
            }))
    );
}

#[test]
fn search_matches_every_term_in_any_column_or_hidden_fact() {
    let data = common::demo_data();
    let t = vulns(&data, VulnPivot::Components);
    let query = GridQuery {
        search: "cve-2024-5535".into(),
        ..GridQuery::default()
    };
    let expected: BTreeSet<String> = data
        .vulnerabilities
        .iter()
        .filter(|v| v.cve == "CVE-2024-5535")
        .map(|v| v.component.display_name())
        .collect();
    let found: BTreeSet<String> = query
        .apply(&t)
        .iter()
        .map(|&i| cell(&t, i as usize, "component").to_string())
        .collect();
    assert_eq!(found, expected, "a component is found by a CVE it carries");

    let alerts = table(&data, FindingType::Alert, VulnPivot::default(), false);
    let two_terms = GridQuery {
        search: "PAYMENTS mining".into(),
        ..GridQuery::default()
    };
    for &i in &two_terms.apply(&alerts) {
        let row = &alerts.rows[i as usize];
        assert!(row.search.contains("payments") && row.search.contains("mining"));
    }
    let none = GridQuery {
        search: "no-such-thing-anywhere".into(),
        ..GridQuery::default()
    };
    assert!(none.apply(&alerts).is_empty());
}

#[test]
fn pill_filters_combine_across_columns_and_offer_counted_values() {
    let data = common::demo_data();
    let t = table(&data, FindingType::Alert, VulnPivot::default(), false);
    let statuses = GridQuery::facet_values(&t, "status");
    let total: usize = statuses.iter().map(|(_, n)| n).sum();
    assert_eq!(total, data.alerts.len());
    let levels: Vec<String> = GridQuery::facet_values(&t, "level")
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert_eq!(
        levels,
        ["High", "Medium", "Low", "Informational"],
        "levels in level order"
    );

    let mut query = GridQuery::default();
    query.set_filter("level", ["High".to_string()].into());
    query.set_filter(
        "status",
        ["Active".to_string(), "Resolved".to_string()].into(),
    );
    let expected = data
        .alerts
        .iter()
        .filter(|a| a.severity == Level::High && ["Active", "Resolved"].contains(&a.status.label()))
        .count();
    assert_eq!(query.apply(&t).len(), expected);
    query.set_filter("status", BTreeSet::new());
    assert!(
        !query.filters.contains_key("status"),
        "an empty choice removes the pill"
    );
}

#[test]
fn header_clicks_cycle_the_sort_and_numbers_sort_with_blanks_last() {
    let data = common::demo_data();
    let t = vulns(&data, VulnPivot::Findings);
    let mut query = GridQuery::default();
    query.cycle_sort(t.kind, "cvss");
    assert_eq!(
        query.sort,
        Some(Sort {
            column: "cvss".into(),
            descending: true
        })
    );
    let cvss: Vec<String> = query
        .apply(&t)
        .iter()
        .map(|&i| cell(&t, i as usize, "cvss").to_string())
        .collect();
    let first_blank = cvss.iter().position(|c| c.is_empty()).unwrap_or(cvss.len());
    assert!(
        cvss[first_blank..].iter().all(String::is_empty),
        "blanks last"
    );
    let numbers: Vec<f64> = cvss[..first_blank]
        .iter()
        .map(|c| c.parse().unwrap())
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] >= w[1]), "descending");
    query.cycle_sort(t.kind, "cvss");
    assert!(!query.sort.as_ref().unwrap().descending);
    query.cycle_sort(t.kind, "cvss");
    assert_eq!(query.sort, None, "third click restores the natural order");

    let alerts = table(&data, FindingType::Alert, VulnPivot::default(), false);
    query.cycle_sort(alerts.kind, "title");
    let titles: Vec<String> = query
        .apply(&alerts)
        .iter()
        .map(|&i| cell(&alerts, i as usize, "title").to_lowercase())
        .collect();
    assert!(
        titles.is_sorted(),
        "text sorts ascending first, ignoring case"
    );
}

#[test]
fn alerts_are_ordered_by_severity_then_newest_and_compliance_by_standard_and_control() {
    let data = common::demo_data();
    let alerts = table(&data, FindingType::Alert, VulnPivot::default(), false);
    assert_eq!(alerts.rows.len(), data.alerts.len());
    let keys: Vec<(Level, std::cmp::Reverse<String>)> = alerts
        .rows
        .iter()
        .map(|r| match r.members[0] {
            Member::Alert(i) => {
                let a = &data.alerts[i as usize];
                (a.severity, std::cmp::Reverse(a.start_time.clone()))
            }
            _ => unreachable!("alert tables hold alerts"),
        })
        .collect();
    assert!(keys.is_sorted());

    let compliance = table(&data, FindingType::Compliance, VulnPivot::default(), false);
    assert_eq!(compliance.rows.len(), data.compliance_findings().count());
    let standards: Vec<&str> = (0..compliance.rows.len())
        .map(|i| cell(&compliance, i, "standard"))
        .collect();
    assert!(standards.is_sorted(), "grouped by standard");
    assert_eq!(TableKind::Compliance, compliance.kind);
}

#[test]
fn the_whole_csv_report_lists_each_tab_in_its_grid_order() {
    use aks_security_dashboard::domain::csv::report_findings;
    let data = common::demo_data();
    let grid: Vec<_> = FindingType::ALL
        .iter()
        .flat_map(|&tab| {
            let t = table(&data, tab, VulnPivot::Findings, false);
            t.rows
                .into_iter()
                .flat_map(|r| r.members)
                .collect::<Vec<_>>()
        })
        .map(|m| m.resolve(&data).unwrap())
        .collect();
    assert_eq!(report_findings(&data), grid);
}

#[test]
fn a_selection_of_findings_gives_the_recommendations_whose_owners_can_be_set() {
    let data = common::demo_data();
    let id_of = |key: &str| {
        data.recommendations
            .iter()
            .find(|r| r.key == key)
            .map(|r| r.id.clone())
            .unwrap()
    };
    // Every image component: the individual recommendations of its findings, each once.
    let components = vulns(&data, VulnPivot::Components);
    let images: BTreeSet<String> = components
        .rows
        .iter()
        .filter(|r| r.id.starts_with("component:") && !r.id.contains("Node pool"))
        .map(|r| r.id.clone())
        .collect();
    assert!(images.len() > 3, "{} image rows", images.len());
    let expected: BTreeSet<String> = components
        .rows
        .iter()
        .filter(|r| images.contains(&r.id))
        .flat_map(|r| r.members.iter())
        .filter_map(|m| match m {
            Member::Vulnerability(i) => {
                Some(id_of(&data.vulnerabilities[*i as usize].recommendation_key))
            }
            _ => None,
        })
        .collect();
    let owned = components.owned_recommendations(&images, &data);
    assert_eq!(owned.len(), expected.len(), "each once");
    assert_eq!(owned.into_iter().collect::<BTreeSet<_>>(), expected);
    // Recommendations whose owners could not be read offer none.
    let mut unread = data.clone();
    for r in &mut unread.recommendations {
        r.owner_known = false;
    }
    assert!(
        components
            .owned_recommendations(&images, &unread)
            .is_empty()
    );
    // Compliance rows: their recommendations, each once, even when several controls share one.
    let compliance = table(&data, FindingType::Compliance, VulnPivot::Components, false);
    let all: BTreeSet<String> = compliance.rows.iter().map(|r| r.id.clone()).collect();
    let owned = compliance.owned_recommendations(&all, &data);
    let expected: BTreeSet<String> = data
        .compliance
        .iter()
        .flat_map(|s| s.failing.iter())
        .map(|c| id_of(&c.recommendation_key))
        .collect();
    assert_eq!(owned.len(), expected.len(), "each once");
    assert_eq!(owned.into_iter().collect::<BTreeSet<_>>(), expected);
}

#[test]
fn every_table_has_one_cell_per_column_on_every_row() {
    // The columns (column.rs) and the cells (build.rs, pivot.rs) are kept in step by position:
    // checked for every table any view can show, over the demo cluster's data.
    use aks_security_dashboard::domain::grid::build::{all_table_kinds, table_kind};
    let data = common::demo_data();
    let mut seen = BTreeSet::new();
    for tab in FindingType::ALL {
        for pivot in VulnPivot::ALL {
            let kind = table_kind(tab, pivot);
            let t = table(&data, tab, pivot, false);
            assert!(!t.rows.is_empty(), "{kind:?} has rows to check");
            for row in &t.rows {
                assert_eq!(
                    row.cells.len(),
                    kind.columns().len(),
                    "{kind:?} row {}",
                    row.id
                );
            }
            seen.insert(kind);
        }
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), all_table_kinds());
    assert_eq!(all_table_kinds().len(), 7);
}

#[test]
fn show_exempted_lists_the_exempted_vulnerability_findings_with_their_status() {
    let data = common::demo_data();
    let exempted: BTreeSet<&str> = data
        .vulnerabilities
        .iter()
        .filter(|v| v.exempted)
        .map(|v| v.id.as_str())
        .collect();
    assert!(
        !exempted.is_empty(),
        "the demo exempts a vulnerability finding"
    );
    let tab = FindingType::Vulnerability;
    let hidden = build_table(&data, tab, VulnPivot::Findings, false, false);
    assert!(
        hidden
            .rows
            .iter()
            .all(|r| !exempted.contains(r.id.as_str()))
    );
    let shown = build_table(&data, tab, VulnPivot::Findings, false, true);
    assert_eq!(shown.rows.len(), hidden.rows.len() + exempted.len());
    let status = shown.kind.column_index("status").unwrap();
    let by_status = |text: &str| {
        shown
            .rows
            .iter()
            .filter(|r| r.cells[status] == text)
            .count()
    };
    assert_eq!(by_status("Exempted"), exempted.len());
    assert_eq!(by_status("Unhealthy"), hidden.rows.len());
    // A group is Unhealthy while any member is: the exempted finding's image has others.
    let images = build_table(&data, tab, VulnPivot::Components, false, true);
    let status = images.kind.column_index("status").unwrap();
    assert!(images.rows.iter().all(|r| r.cells[status] == "Unhealthy"));
    // An action on its recommendation marks the finding applied until a Refresh.
    let mut data = data;
    let v = data.vulnerabilities.iter().find(|v| !v.exempted).unwrap();
    let (id, recommendation) = (v.id.clone(), v.recommendation_id.clone());
    data.applied.insert(recommendation);
    let applied = build_table(&data, tab, VulnPivot::Findings, false, false);
    let row = row_index(&applied, &id);
    let status = applied.kind.column_index("status").unwrap();
    assert_eq!(
        applied.rows[row].cells[status],
        "Applied; Defender re-evaluates within 24 h"
    );
}

#[test]
fn a_kept_sort_order_gives_what_a_fresh_sort_gives_after_search_and_filters() {
    let data = common::demo_data();
    let t = vulns(&data, VulnPivot::Findings);
    let fresh = |q: &GridQuery| q.apply(&t.clone());
    let mut q = GridQuery::default();
    for (column, descending) in [
        ("cve", false),
        ("cvss", true),
        ("cve", true),
        ("cvss", true),
    ] {
        q.sort = Some(Sort {
            column: column.into(),
            descending,
        });
        // The second time a column is sorted the table's kept order is used: equal to a
        // fresh sort, with and without a search narrowing it.
        for search in ["", "openssl", "payments"] {
            q.search = search.into();
            assert_eq!(q.apply(&t), fresh(&q), "{column} {descending} {search:?}");
        }
    }
    q.search.clear();
    q.set_filter("fix", ["No fix".to_string()].into());
    assert_eq!(q.apply(&t), fresh(&q));
}

/// Text columns sort by their lower case, then as written, then in natural order, blanks last
/// both ways: checked against a plain sort of copied lower case, on columns whose values share
/// long prefixes (image references, package versions) as well as on CVE ids.
#[test]
fn text_sorts_equal_a_plain_lower_case_sort_in_both_directions() {
    let data = common::demo_data();
    let t = vulns(&data, VulnPivot::Findings);
    for column in ["cve", "component", "package", "installed", "fixed"] {
        for descending in [false, true] {
            let q = GridQuery {
                sort: Some(Sort {
                    column: column.into(),
                    descending,
                }),
                ..GridQuery::default()
            };
            let mut expected: Vec<u32> = (0..t.rows.len() as u32).collect();
            expected.sort_by(|&a, &b| {
                let (a_text, b_text) = (cell(&t, a as usize, column), cell(&t, b as usize, column));
                let value = (a_text.to_lowercase(), a_text).cmp(&(b_text.to_lowercase(), b_text));
                let value = if descending { value.reverse() } else { value };
                a_text
                    .is_empty()
                    .cmp(&b_text.is_empty())
                    .then(value)
                    .then(a.cmp(&b))
            });
            assert_eq!(q.apply(&t), expected, "{column} descending={descending}");
        }
    }
}

/// The count "Show exempted" and the summary give is the rows the toggle adds, on both tabs
/// whose findings can be exempted, and nothing on the others.
#[test]
fn the_exempted_count_is_the_rows_show_exempted_adds() {
    let data = common::demo_data();
    for tab in [FindingType::Misconfiguration, FindingType::Vulnerability] {
        let rows = |exempted| {
            build_table(&data, tab, VulnPivot::Findings, false, exempted)
                .rows
                .len()
        };
        assert!(data.exempted_in(tab) > 0, "the demo exempts some {tab:?}");
        assert_eq!(data.exempted_in(tab), rows(true) - rows(false), "{tab:?}");
    }
    assert_eq!(data.exempted_in(FindingType::Alert), 0);
    assert_eq!(data.exempted_in(FindingType::Compliance), 0);
}
