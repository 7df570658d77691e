//! The CSV report: one row per finding, stable columns, written with the `csv` crate (RFC 4180).
//!
//! The Excel variant adds a UTF-8 BOM (Excel otherwise reads UTF-8 as ANSI), neutralises cells that
//! a spreadsheet would run as formulas (OWASP CSV injection: alert fields come from attackers) and
//! cuts cells to Excel's 32,767-character limit with a visible marker. The plain variant is lossless.

use super::finding::{ClusterData, RecommendationKind};
use super::finding_ref::FindingRef;
use super::format::iso_utc;
use super::grid::order;
use super::level::RatingBasis;
use super::summary::FindingType;
use std::borrow::Cow;

/// The report's columns, in order. Documented in README.md; add new ones at the end only.
pub const COLUMNS: [&str; 20] = [
    "type",
    "id",
    "name",
    "severity",
    "risk_level",
    "status",
    "affected_resource",
    "component",
    "image_digest",
    "package",
    "installed_version",
    "fixed_version",
    "cve",
    "cvss",
    "owner",
    "due_date",
    "standard",
    "control",
    "first_seen",
    "portal_link",
];

/// Excel's cell limit, in characters.
pub const EXCEL_CELL_LIMIT: usize = 32_767;
/// Ends a cell cut to [`EXCEL_CELL_LIMIT`].
pub const TRUNCATION_MARKER: &str = "…[truncated]";
/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Which file the user asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// BOM, formula neutralisation and cell truncation for spreadsheets.
    pub excel: bool,
}

/// Every finding of every type, tab by tab, each tab in its grid's natural order.
pub fn report_findings(data: &ClusterData) -> Vec<FindingRef<'_>> {
    FindingType::ALL
        .iter()
        .flat_map(|t| order::findings(data, *t))
        .filter_map(|m| m.resolve(data))
        .collect()
}

/// The cells of one finding, in [`COLUMNS`] order, before any Excel treatment.
pub fn record(finding: FindingRef) -> [String; COLUMNS.len()] {
    let mut r: [String; COLUMNS.len()] = Default::default();
    let mut set = |column: &str, value: String| {
        let i = COLUMNS
            .iter()
            .position(|c| *c == column)
            .expect("column names are the constants above");
        r[i] = value;
    };
    set("severity", finding.level_severity().label().to_string());
    match finding {
        FindingRef::Alert(a) => {
            set("type", "alert".into());
            set("id", a.id.clone());
            set("name", a.title.clone());
            set("status", a.status.label().into());
            set("affected_resource", a.entity.clone());
            set("first_seen", iso_utc(&a.start_time));
            set("portal_link", a.portal_link.clone());
        }
        FindingRef::Vulnerability(v) => {
            set("type", "vulnerability".into());
            set("id", v.id.clone());
            set("name", v.title.clone());
            set("status", "Unhealthy".into());
            set("affected_resource", v.running_in.clone());
            set("component", v.component.display_name());
            if let super::finding::Component::Image { digest, .. } = &v.component {
                set("image_digest", digest.clone());
            }
            set("package", v.package.clone());
            set("installed_version", v.installed_version.clone());
            set("fixed_version", v.fixed_version.clone().unwrap_or_default());
            set("cve", v.cve.clone());
            set(
                "cvss",
                v.cvss.map(|c| format!("{c:.1}")).unwrap_or_default(),
            );
            set("first_seen", iso_utc(&v.first_seen));
            set("portal_link", v.portal_link.clone());
        }
        FindingRef::Misconfiguration(m) => {
            set("type", "misconfiguration".into());
            set("id", m.id.clone());
            set("name", m.name.clone());
            if m.rating.basis == RatingBasis::Risk {
                set("risk_level", m.rating.level.label().into());
            }
            set("status", "Unhealthy".into());
            set("affected_resource", m.resource_id.clone());
            set(
                "component",
                if m.kind == RecommendationKind::Cluster {
                    "Cluster"
                } else {
                    "Containers"
                }
                .into(),
            );
            if let Some(o) = &m.owner {
                set("owner", o.owner.clone());
                set("due_date", iso_utc(&o.due_date));
            }
            set("first_seen", iso_utc(&m.first_seen));
            set("portal_link", m.portal_link.clone());
        }
        FindingRef::Compliance(c) => {
            set("type", "compliance".into());
            set("id", c.recommendation_key.clone());
            set("name", c.recommendation_name.clone());
            set("status", "Failed".into());
            set("standard", c.standard.clone());
            set(
                "control",
                format!("{} {}", c.control, c.control_description),
            );
            set("portal_link", c.portal_link.clone());
        }
    }
    r
}

/// Makes one cell safe for a spreadsheet: a leading `= + - @`, tab or carriage return gets a `'`
/// so it is read as text, and text past Excel's limit is cut with [`TRUNCATION_MARKER`].
pub fn excel_cell(text: &str) -> Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let too_long = text.len() > EXCEL_CELL_LIMIT - 1
        && text.chars().count() + usize::from(risky) > EXCEL_CELL_LIMIT;
    if !risky && !too_long {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(EXCEL_CELL_LIMIT * 4) + 1);
    if risky {
        out.push('\'');
    }
    if too_long {
        let keep = EXCEL_CELL_LIMIT - TRUNCATION_MARKER.chars().count() - usize::from(risky);
        out.extend(text.chars().take(keep));
        out.push_str(TRUNCATION_MARKER);
    } else {
        out.push_str(text);
    }
    Cow::Owned(out)
}

/// Streams findings into CSV bytes, a row at a time, so an export can run in chunks and never
/// holds the rows twice.
pub struct CsvWriter {
    inner: csv::Writer<Vec<u8>>,
    options: CsvOptions,
    rows: usize,
}

impl CsvWriter {
    /// A writer that has already written the BOM (Excel variant) and the header.
    pub fn new(options: CsvOptions) -> Result<CsvWriter, csv::Error> {
        CsvWriter::with_capacity(options, 64 * 1024)
    }

    /// The same, with room for `bytes` of output reserved up front.
    pub fn with_capacity(options: CsvOptions, bytes: usize) -> Result<CsvWriter, csv::Error> {
        let mut buffer = Vec::with_capacity(bytes);
        if options.excel {
            buffer.extend_from_slice(BOM);
        }
        let mut inner = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(buffer);
        inner.write_record(COLUMNS)?;
        Ok(CsvWriter {
            inner,
            options,
            rows: 0,
        })
    }

    /// Appends one finding.
    pub fn write(&mut self, finding: FindingRef) -> Result<(), csv::Error> {
        let cells = record(finding);
        if self.options.excel {
            self.inner
                .write_record(cells.iter().map(|c| excel_cell(c).into_owned()))?;
        } else {
            self.inner.write_record(&cells)?;
        }
        self.rows += 1;
        Ok(())
    }

    /// Rows written so far (the header not counted).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The finished file.
    pub fn finish(self) -> Result<Vec<u8>, csv::Error> {
        self.inner.into_inner().map_err(|e| e.into_error().into())
    }
}

/// `aks-prod-security-findings-20261122T101500Z.csv`; `scope` names the view for a partial export
/// (`vulnerability-critical`), and `note` marks a file the user chose to export before the data
/// was complete. `now_compact` is a UTC timestamp like `20261122T101500Z`.
pub fn file_name(
    cluster: &str,
    scope: Option<&str>,
    note: Option<&str>,
    now_compact: &str,
) -> String {
    let safe = |s: &str| {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect::<String>()
    };
    let mut name = format!("{}-security-findings", safe(cluster));
    for part in [scope, note].into_iter().flatten() {
        name.push('-');
        name.push_str(&safe(part));
    }
    format!("{name}-{}.csv", safe(now_compact))
}

impl FindingRef<'_> {
    /// The static severity (never the risk level), for the `severity` column.
    fn level_severity(&self) -> super::level::Level {
        match self {
            FindingRef::Misconfiguration(r) => r.severity,
            other => other.level(),
        }
    }
}
