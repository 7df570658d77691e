//! The columns of each table, and the user's column preferences (visibility, width).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Every table the grid can show: one per tab, one per vulnerability pivot, and the fleet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableKind {
    Alerts,
    Components,
    Cves,
    Packages,
    VulnerabilityFindings,
    Misconfigurations,
    Compliance,
    /// Every cluster of the fleet view.
    Fleet,
}

impl TableKind {
    /// Stable id: storage keys and test ids.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Alerts => "alerts",
            TableKind::Components => "components",
            TableKind::Cves => "cves",
            TableKind::Packages => "packages",
            TableKind::VulnerabilityFindings => "vulnerability-findings",
            TableKind::Misconfigurations => "misconfigurations",
            TableKind::Compliance => "compliance",
            TableKind::Fleet => "fleet",
        }
    }

    /// The table's columns; the first is always the level column.
    pub fn columns(self) -> &'static [Column] {
        match self {
            TableKind::Alerts => ALERTS,
            TableKind::Components => COMPONENTS,
            TableKind::Cves => CVES,
            TableKind::Packages => PACKAGES,
            TableKind::VulnerabilityFindings => VULNERABILITY_FINDINGS,
            TableKind::Misconfigurations => MISCONFIGURATIONS,
            TableKind::Compliance => COMPLIANCE,
            TableKind::Fleet => FLEET,
        }
    }

    /// The index of the column with `id`.
    pub fn column_index(self, id: &str) -> Option<usize> {
        self.columns().iter().position(|c| c.id == id)
    }
}

/// How a column's cells compare when sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// The row's level, most urgent first.
    Level,
    /// Case-insensitive text.
    Text,
    /// A number; empty cells sort last.
    Number,
    /// `YYYY-MM-DD…` text, which orders as time.
    Time,
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Stable id: URL (`sort=cvss`, `f.status=…`) and preferences.
    pub id: &'static str,
    pub label: &'static str,
    pub kind: ColumnKind,
    /// Offered as a pill filter (its distinct values are the choices).
    pub facet: bool,
    /// Shown unless the user hides it.
    pub visible: bool,
    /// Default width in CSS pixels.
    pub width: u16,
}

const fn col(id: &'static str, label: &'static str, kind: ColumnKind, width: u16) -> Column {
    Column {
        id,
        label,
        kind,
        facet: false,
        visible: true,
        width,
    }
}

const fn facet(id: &'static str, label: &'static str, width: u16) -> Column {
    Column {
        facet: true,
        ..col(id, label, ColumnKind::Text, width)
    }
}

const fn hidden(column: Column) -> Column {
    Column {
        visible: false,
        ..column
    }
}

const SEVERITY: Column = Column {
    facet: true,
    ..col("level", "Severity", ColumnKind::Level, 120)
};
const RISK: Column = Column {
    label: "Risk level",
    ..SEVERITY
};
use ColumnKind::{Number, Text, Time};

/// A finding's status (Unhealthy, Exempted, Applied): with "Show exempted" on, the pill that
/// tells the exempted rows apart.
const STATUS: Column = facet("status", "Status", 150);
/// A group's status is Unhealthy while any member is; hidden until the user asks for it.
const STATUS_OF_GROUP: Column = hidden(STATUS);
const EVALUATED: Column = hidden(col("evaluated", "Last evaluated", Time, 140));

const ALERTS: &[Column] = &[
    SEVERITY,
    col("title", "Alert", Text, 340),
    facet("status", "Status", 120),
    col("entity", "Affected entity", Text, 260),
    facet("tactic", "MITRE tactic", 160),
    col("start", "Start time", Time, 170),
    hidden(facet("type", "Alert type", 240)),
];
const COMPONENTS: &[Column] = &[
    RISK,
    col("component", "Vulnerable component", Text, 380),
    facet("kind", "Type", 120),
    col("cves", "CVEs", Number, 80),
    col("critical", "Critical", Number, 80),
    col("high", "High", Number, 80),
    col("medium", "Medium", Number, 80),
    col("low", "Low", Number, 80),
    col("fixable", "Fixable", Number, 90),
    facet("fix", "Fix", 130),
    hidden(col("digest", "Digest", Text, 300)),
    STATUS_OF_GROUP,
];
const CVES: &[Column] = &[
    SEVERITY,
    col("cve", "CVE", Text, 170),
    col("cvss", "CVSS", Number, 80),
    col("packages", "Packages", Text, 220),
    col("components", "Affected components", Number, 110),
    facet("fix", "Fix", 130),
    facet("exploit", "Exploit", 130),
    STATUS_OF_GROUP,
];
const PACKAGES: &[Column] = &[
    SEVERITY,
    col("package", "Package", Text, 200),
    col("installed", "Installed", Text, 200),
    col("upgrade", "Upgrade to", Text, 200),
    col("cleared", "CVEs cleared", Number, 110),
    col("cves", "CVEs", Number, 80),
    col("components", "Components", Number, 110),
    facet("fix", "Fix", 130),
    STATUS_OF_GROUP,
];
const VULNERABILITY_FINDINGS: &[Column] = &[
    SEVERITY,
    col("cve", "CVE", Text, 170),
    col("component", "Component", Text, 320),
    col("package", "Package", Text, 160),
    col("installed", "Installed", Text, 170),
    col("fixed", "Fixed in", Text, 170),
    col("cvss", "CVSS", Number, 80),
    facet("fix", "Fix", 130),
    hidden(facet("exploit", "Exploit", 130)),
    STATUS,
    EVALUATED,
];
const MISCONFIGURATIONS: &[Column] = &[
    RISK,
    col("title", "Recommendation", Text, 420),
    facet("scope", "Scope", 120),
    facet("owner", "Owner", 200),
    col("due", "Due date", Time, 120),
    facet("owner-status", "Owner status", 150),
    hidden(col("eta", "ETA", Time, 120)),
    hidden(col("ticket", "Ticket", Text, 160)),
    hidden(col("severity", "Severity", Text, 100)),
    STATUS,
    EVALUATED,
];
const COMPLIANCE: &[Column] = &[
    SEVERITY,
    col("title", "Recommendation", Text, 380),
    facet("standard", "Standard", 200),
    col("control", "Control", Text, 320),
];
const FLEET: &[Column] = &[
    Column {
        label: "Highest",
        ..SEVERITY
    },
    col("cluster", "Cluster", Text, 240),
    facet("subscription", "Subscription", 220),
    col("group", "Resource group", Text, 190),
    facet("location", "Location", 130),
    col("version", "Kubernetes", Text, 110),
    facet("containers", "Defender for Containers", 200),
    facet("cspm", "Defender CSPM", 140),
    col("alerts-high", "High alerts", Number, 100),
    col("alerts-medium", "Medium alerts", Number, 120),
    col("alerts-low", "Low alerts", Number, 100),
    hidden(facet("has-high", "Has High alerts", 140)),
    col("critical", "Critical CVEs", Number, 120),
    col("high", "High CVEs", Number, 100),
    col("images", "Images affected", Number, 130),
    col("misconfig-high", "High misconfigurations", Number, 180),
    col("misconfig-medium", "Medium misconfigurations", Number, 200),
    hidden(col("misconfig-low", "Low misconfigurations", Number, 180)),
    col("overdue", "Overdue owners", Number, 130),
    col("expiring", "Exemptions expiring", Number, 160),
];

/// The user's column choices for one table, kept in the browser's storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnPrefs {
    /// Column ids the user hid (or showed, when hidden by default), toggled from the default.
    #[serde(default)]
    pub toggled: BTreeSet<String>,
    /// Column id → width in CSS pixels.
    #[serde(default)]
    pub widths: BTreeMap<String, u16>,
}

impl ColumnPrefs {
    /// Narrowest width a column can be dragged to.
    pub const MIN_WIDTH: u16 = 60;
    /// Widest width a column can be dragged to.
    pub const MAX_WIDTH: u16 = 1200;

    /// Whether `column` is shown. The level column always is: it carries the row's rating.
    pub fn visible(&self, column: &Column) -> bool {
        column.kind == ColumnKind::Level || column.visible != self.toggled.contains(column.id)
    }

    /// Shows a hidden column or hides a shown one.
    pub fn toggle(&mut self, column: &Column) {
        if !self.toggled.remove(column.id) {
            self.toggled.insert(column.id.to_string());
        }
    }

    /// The column's width: the user's, or the default.
    pub fn width(&self, column: &Column) -> u16 {
        self.widths.get(column.id).copied().unwrap_or(column.width)
    }

    /// Sets a width, clamped to what stays usable.
    pub fn set_width(&mut self, column: &Column, width: i32) {
        let clamped = width.clamp(Self::MIN_WIDTH as i32, Self::MAX_WIDTH as i32) as u16;
        self.widths.insert(column.id.to_string(), clamped);
    }

    /// Reads stored preferences; anything unreadable means defaults (never an error page).
    pub fn parse(json: &str) -> ColumnPrefs {
        serde_json::from_str(json).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_starts_with_the_level_column_and_has_unique_ids() {
        use TableKind::*;
        for kind in [
            Alerts,
            Components,
            Cves,
            Packages,
            VulnerabilityFindings,
            Misconfigurations,
            Compliance,
        ] {
            let columns = kind.columns();
            assert_eq!(columns[0].kind, ColumnKind::Level, "{kind:?}");
            let ids: BTreeSet<_> = columns.iter().map(|c| c.id).collect();
            assert_eq!(ids.len(), columns.len(), "{kind:?}");
        }
    }

    #[test]
    fn prefs_toggle_from_the_default_and_clamp_widths() {
        let columns = TableKind::Alerts.columns();
        let (title, alert_type) = (&columns[1], &columns[6]);
        let mut prefs = ColumnPrefs::default();
        assert!(prefs.visible(title) && !prefs.visible(alert_type));
        prefs.toggle(title);
        prefs.toggle(alert_type);
        assert!(!prefs.visible(title) && prefs.visible(alert_type));
        prefs.toggle(title);
        assert!(prefs.visible(title));
        prefs.toggle(&columns[0]);
        assert!(
            prefs.visible(&columns[0]),
            "the level column cannot be hidden"
        );
        prefs.set_width(title, 5);
        assert_eq!(prefs.width(title), ColumnPrefs::MIN_WIDTH);
        prefs.set_width(title, 99_999);
        assert_eq!(prefs.width(title), ColumnPrefs::MAX_WIDTH);
        let stored = serde_json::to_string(&prefs).unwrap();
        assert_eq!(ColumnPrefs::parse(&stored), prefs);
        assert_eq!(ColumnPrefs::parse("{not json"), ColumnPrefs::default());
    }
}
