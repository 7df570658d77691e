//! The CSV report: one row per finding, stable columns, written with the `csv` crate (RFC 4180).
//!
//! The Excel variant adds a UTF-8 BOM (Excel otherwise reads UTF-8 as ANSI), neutralises cells that
//! a spreadsheet would run as formulas (OWASP CSV injection: alert fields come from attackers) and
//! cuts cells to Excel's 32,767-character limit with a visible marker. The plain variant is
//! lossless.

use super::finding::{ClusterData, RecommendationKind};
use super::finding_ref::FindingRef;
use super::format::iso_utc;
use super::grid::order;
use super::level::RatingBasis;
use super::summary::FindingType;
use std::borrow::Cow;

/// Declares the report's record once: its fields (in column order), their column names, the
/// `COLUMNS` header, and the Excel treatment of every cell, so no column is listed twice.
macro_rules! csv_record {
    ($( $field:ident => $column:literal ),* $(,)?) => {
        /// One finding's row. A field typo is a compile error, not a silent empty column.
        #[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
        pub struct CsvRecord {
            $( #[serde(rename = $column)] pub $field: String, )*
        }

        /// The report's columns, in order. Documented in README.md; add new ones at the end only.
        pub const COLUMNS: [&str; [$($column),*].len()] = [$($column),*];

        impl CsvRecord {
            /// The same row with every cell made safe for a spreadsheet ([`excel_cell`]).
            fn for_excel(&self) -> CsvRecord {
                CsvRecord { $( $field: excel_cell(&self.$field).into_owned(), )* }
            }
        }
    };
}

csv_record! {
    kind => "type",
    id => "id",
    name => "name",
    severity => "severity",
    risk_level => "risk_level",
    status => "status",
    affected_resource => "affected_resource",
    component => "component",
    image_digest => "image_digest",
    package => "package",
    installed_version => "installed_version",
    fixed_version => "fixed_version",
    cve => "cve",
    cvss => "cvss",
    owner => "owner",
    due_date => "due_date",
    standard => "standard",
    control => "control",
    first_seen => "first_seen",
    portal_link => "portal_link",
    exempted => "exempted",
    exemption_category => "exemption_category",
    exemption_expires => "exemption_expires",
    owner_state => "owner_state",
    eta => "eta",
    ticket => "ticket",
}

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
    /// The day the report is as of: owners' states (on time, overdue) are computed on it.
    pub as_of: super::actions::Date,
}

/// Every finding of every type, tab by tab, each tab in its grid's natural order.
pub fn report_findings(data: &ClusterData) -> Vec<FindingRef<'_>> {
    FindingType::ALL
        .iter()
        .flat_map(|t| order::findings(data, *t))
        .filter_map(|m| m.resolve(data))
        .collect()
}

/// The row of one finding as of `today`, before any Excel treatment.
pub fn record(finding: FindingRef, today: super::actions::Date) -> CsvRecord {
    let mut r = CsvRecord {
        severity: finding.level_severity().label().to_string(),
        ..CsvRecord::default()
    };
    match finding {
        FindingRef::Alert(a) => {
            r.kind = "alert".into();
            r.id = a.id.clone();
            r.name = a.title.clone();
            r.status = a.status.label().into();
            r.affected_resource = a.entity.clone();
            r.first_seen = iso_utc(&a.start_time);
            r.portal_link = a.portal_link.clone();
        }
        FindingRef::Vulnerability(v) => {
            r.kind = "vulnerability".into();
            r.id = v.id.clone();
            r.name = v.title.clone();
            r.status = "Unhealthy".into();
            r.affected_resource = v.running_in.clone();
            r.component = v.component.display_name();
            if let super::finding::Component::Image { digest, .. } = &v.component {
                r.image_digest = digest.clone();
            }
            r.package = v.package.clone();
            r.installed_version = v.installed_version.clone();
            r.fixed_version = v.fixed_version.clone().unwrap_or_default();
            r.cve = v.cve.clone();
            r.cvss = v.cvss.map(|c| format!("{c:.1}")).unwrap_or_default();
            r.first_seen = iso_utc(&v.first_seen);
            r.portal_link = v.portal_link.clone();
        }
        FindingRef::Misconfiguration(m) => {
            r.kind = "misconfiguration".into();
            r.id = m.id.clone();
            r.name = m.name.clone();
            if m.rating.basis == RatingBasis::Risk {
                r.risk_level = m.rating.level.label().into();
            }
            r.status = "Unhealthy".into();
            r.affected_resource = m.resource_id.clone();
            r.component = if m.kind == RecommendationKind::Cluster {
                "Cluster"
            } else {
                "Containers"
            }
            .into();
            if let Some((category, expires)) = &m.exemption {
                // Listed in the report only while still unhealthy: exempted, pending Defender.
                r.exempted = if m.exempted {
                    "yes"
                } else {
                    "applied, pending re-evaluation"
                }
                .into();
                r.exemption_category = category.map(|c| c.label()).unwrap_or_default().into();
                r.exemption_expires = iso_utc(expires);
            }
            if let Some(o) = &m.owner {
                r.owner = o.owner.clone();
                r.due_date = iso_utc(&o.due_date);
                r.owner_state = o.state(today).label().into();
                r.eta = o.eta.as_ref().map(|e| iso_utc(&e.date)).unwrap_or_default();
                r.ticket = o
                    .ticket
                    .as_ref()
                    .map(|t| match t.link.as_str() {
                        "" => format!("{} {}", t.number, t.status),
                        link => format!("{} {} {link}", t.number, t.status),
                    })
                    .unwrap_or_default();
            }
            r.first_seen = iso_utc(&m.first_seen);
            r.portal_link = m.portal_link.clone();
        }
        FindingRef::Compliance(c) => {
            r.kind = "compliance".into();
            r.id = c.recommendation_key.clone();
            r.name = c.recommendation_name.clone();
            r.status = "Failed".into();
            r.standard = c.standard.clone();
            r.control = format!("{} {}", c.control, c.control_description);
            r.portal_link = c.portal_link.clone();
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
        // The header is written here, once, even for an empty report; rows are serialized
        // from `CsvRecord` without a second header.
        let mut inner = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .has_headers(false)
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
        let row = record(finding, self.options.as_of);
        match self.options.excel {
            true => self.inner.serialize(row.for_excel())?,
            false => self.inner.serialize(row)?,
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
