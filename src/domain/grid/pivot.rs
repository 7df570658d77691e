//! The Vulnerability assessment tab's pivots: vulnerable components (the default, as the
//! portal ranks them), CVEs, packages (which upgrade clears what), and every finding.

use super::column::TableKind;
use super::status;
use super::table::{Member, Row};
use super::version;
use crate::domain::finding::{Component, Vulnerability};
use crate::domain::format;
use crate::domain::level::Level;
use std::collections::{BTreeMap, BTreeSet};

/// How the vulnerability findings are grouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum VulnPivot {
    #[default]
    Components,
    Cves,
    Packages,
    Findings,
}

impl VulnPivot {
    /// Every pivot, in the order of the switcher.
    pub const ALL: [VulnPivot; 4] = [
        VulnPivot::Components,
        VulnPivot::Cves,
        VulnPivot::Packages,
        VulnPivot::Findings,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            VulnPivot::Components => "components",
            VulnPivot::Cves => "cves",
            VulnPivot::Packages => "packages",
            VulnPivot::Findings => "findings",
        }
    }

    /// Parses the URL value.
    pub fn parse(text: &str) -> Option<VulnPivot> {
        VulnPivot::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The switcher's label.
    pub fn label(self) -> &'static str {
        match self {
            VulnPivot::Components => "By component",
            VulnPivot::Cves => "By CVE",
            VulnPivot::Packages => "By package",
            VulnPivot::Findings => "All findings",
        }
    }

    /// The table this pivot shows.
    pub fn table(self) -> TableKind {
        match self {
            VulnPivot::Components => TableKind::Components,
            VulnPivot::Cves => TableKind::Cves,
            VulnPivot::Packages => TableKind::Packages,
            VulnPivot::Findings => TableKind::VulnerabilityFindings,
        }
    }
}

/// "Fix" facet text for a group where `fixable` of `total` findings have a fix.
pub fn fix_label(fixable: usize, total: usize) -> &'static str {
    match fixable {
        0 => "No fix",
        n if n == total => "Fix available",
        _ => "Partial fix",
    }
}

fn group_by<'a, K: Ord>(
    vulns: &[(u32, &'a Vulnerability)],
    key: impl Fn(&Vulnerability) -> K,
) -> BTreeMap<K, Vec<(u32, &'a Vulnerability)>> {
    let mut groups: BTreeMap<K, Vec<(u32, &Vulnerability)>> = BTreeMap::new();
    for &(i, v) in vulns {
        groups.entry(key(v)).or_default().push((i, v));
    }
    groups
}

fn group_status(group: &[(u32, &Vulnerability)], applied: &BTreeSet<String>) -> String {
    status::of_group(group.iter().map(|(_, v)| *v), applied).to_string()
}

fn highest(group: &[(u32, &Vulnerability)]) -> Level {
    group
        .iter()
        .map(|(_, v)| v.severity)
        .min()
        .unwrap_or(Level::Informational)
}

fn members(group: &[(u32, &Vulnerability)]) -> Vec<Member> {
    group
        .iter()
        .map(|(i, _)| Member::Vulnerability(*i))
        .collect()
}

fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    values.filter(|v| !v.is_empty()).collect()
}

/// Joins at most three values, then says how many more.
fn some_of(values: &BTreeSet<&str>) -> String {
    let shown: Vec<&str> = values.iter().take(3).copied().collect();
    match values.len() {
        n if n > 3 => format!("{} +{} more", shown.join(", "), n - 3),
        _ => shown.join(", "),
    }
}

/// One row per vulnerable component, ranked by risk: highest severity, then the most critical
/// and high CVEs.
pub fn components(vulns: &[(u32, &Vulnerability)], applied: &BTreeSet<String>) -> Vec<Row> {
    let groups = group_by(vulns, |v| v.component.clone());
    let mut rows: Vec<(Row, [usize; 5])> = groups
        .into_iter()
        .map(|(component, group)| {
            let mut by_level = [0usize; 5];
            for (_, v) in &group {
                by_level[v.severity as usize] += 1;
            }
            let cves = distinct(group.iter().map(|(_, v)| v.cve.as_str()));
            let fixable = group.iter().filter(|(_, v)| v.fixable()).count();
            let (kind, digest, id) = match &component {
                Component::Image { digest, .. } => ("Image", digest.as_str(), digest.as_str()),
                Component::NodePool { .. } => ("Node pool", "", ""),
                Component::Unknown { resource_id } => ("Unknown", "", resource_id.as_str()),
            };
            let name = component.display_name();
            let id = format!("component:{name}@{id}");
            let packages = distinct(group.iter().map(|(_, v)| v.package.as_str()));
            let extra = cves
                .iter()
                .chain(packages.iter())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let level = highest(&group);
            let cells = vec![
                level.label().to_string(),
                name,
                kind.to_string(),
                group.len().to_string(),
                by_level[Level::Critical as usize].to_string(),
                by_level[Level::High as usize].to_string(),
                by_level[Level::Medium as usize].to_string(),
                by_level[Level::Low as usize].to_string(),
                fixable.to_string(),
                fix_label(fixable, group.len()).to_string(),
                digest.to_string(),
                group_status(&group, applied),
            ];
            (
                Row::new(id, level, cells, &extra, members(&group)),
                by_level,
            )
        })
        .collect();
    rows.sort_by(|(a, ca), (b, cb)| {
        a.level
            .cmp(&b.level)
            .then(cb[0].cmp(&ca[0]))
            .then(cb[1].cmp(&ca[1]))
            .then(b.members.len().cmp(&a.members.len()))
            .then(a.cells[1].cmp(&b.cells[1]))
    });
    rows.into_iter().map(|(row, _)| row).collect()
}

/// One row per CVE: where it is and whether it can be fixed; highest severity and CVSS first.
pub fn cves(vulns: &[(u32, &Vulnerability)], applied: &BTreeSet<String>) -> Vec<Row> {
    let groups = group_by(vulns, |v| v.cve.clone());
    let mut rows: Vec<(Row, f64)> = groups
        .into_iter()
        .map(|(cve, group)| {
            let cvss = group
                .iter()
                .filter_map(|(_, v)| v.cvss)
                .fold(None, |m: Option<f64>, c| Some(m.map_or(c, |m| m.max(c))));
            let packages = distinct(group.iter().map(|(_, v)| v.package.as_str()));
            let components: BTreeSet<&Component> =
                group.iter().map(|(_, v)| &v.component).collect();
            let fixable = group.iter().filter(|(_, v)| v.fixable()).count();
            let exploit = group.iter().any(|(_, v)| v.exploit_published);
            let level = highest(&group);
            let cells = vec![
                level.label().to_string(),
                cve.clone(),
                cvss.map(|c| format!("{c:.1}")).unwrap_or_default(),
                some_of(&packages),
                components.len().to_string(),
                fix_label(fixable, group.len()).to_string(),
                if exploit {
                    "Exploit published"
                } else {
                    "None known"
                }
                .to_string(),
                group_status(&group, applied),
            ];
            let extra: Vec<String> = components.iter().map(|c| c.display_name()).collect();
            let row = Row::new(
                format!("cve:{cve}"),
                level,
                cells,
                &extra.join(" "),
                members(&group),
            );
            (row, cvss.unwrap_or(-1.0))
        })
        .collect();
    rows.sort_by(|(a, ca), (b, cb)| {
        a.level
            .cmp(&b.level)
            .then(cb.total_cmp(ca))
            .then(b.members.len().cmp(&a.members.len()))
    });
    rows.into_iter().map(|(row, _)| row).collect()
}

/// What upgrading one package does: the highest fixed version among its findings clears every
/// CVE that has a fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Upgrade {
    pub package: String,
    /// `None` when no finding of the package has a fix yet.
    pub to: Option<String>,
    /// Distinct CVEs the upgrade clears.
    pub cves_cleared: usize,
    /// Distinct CVEs in the package.
    pub cves: usize,
    /// Distinct components that carry the package.
    pub components: usize,
    pub images: usize,
}

impl Upgrade {
    /// Computes the upgrade for one package's findings.
    pub fn of<'a>(package: &str, findings: impl Iterator<Item = &'a Vulnerability>) -> Upgrade {
        let findings: Vec<&Vulnerability> = findings.collect();
        let to = findings
            .iter()
            .filter_map(|v| v.fixed_version.as_deref())
            .max_by(|a, b| version::compare(a, b))
            .map(str::to_string);
        let components: BTreeSet<&Component> = findings.iter().map(|v| &v.component).collect();
        Upgrade {
            package: package.to_string(),
            to,
            cves_cleared: distinct(
                findings
                    .iter()
                    .filter(|v| v.fixable())
                    .map(|v| v.cve.as_str()),
            )
            .len(),
            cves: distinct(findings.iter().map(|v| v.cve.as_str())).len(),
            images: components
                .iter()
                // An image Azure's data does not name is still an image, not a node pool.
                .filter(|c| !matches!(c, Component::NodePool { .. }))
                .count(),
            components: components.len(),
        }
    }

    /// The advice users act on: "Upgrade openssl to 3.0.13 to clear 14 CVEs in 6 images".
    pub fn sentence(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let nodes = self.components - self.images;
        let place = match (self.images, nodes) {
            (i, 0) => plural(i, "image", "images"),
            (0, n) => plural(n, "node pool", "node pools"),
            (i, n) => format!(
                "{} and {}",
                plural(i, "image", "images"),
                plural(n, "node pool", "node pools")
            ),
        };
        match &self.to {
            Some(to) => format!(
                "Upgrade {} to {to} to clear {} in {place}",
                self.package,
                plural(self.cves_cleared, "CVE", "CVEs")
            ),
            None => format!(
                "No fixed version of {} yet ({} in {place})",
                self.package,
                plural(self.cves, "CVE", "CVEs")
            ),
        }
    }
}

/// One row per package: the upgrade that clears the most, first.
pub fn packages(vulns: &[(u32, &Vulnerability)], applied: &BTreeSet<String>) -> Vec<Row> {
    let groups = group_by(vulns, |v| v.package.clone());
    let mut rows: Vec<(Row, usize)> = groups
        .into_iter()
        .map(|(package, group)| {
            let upgrade = Upgrade::of(&package, group.iter().map(|(_, v)| *v));
            let installed = distinct(group.iter().map(|(_, v)| v.installed_version.as_str()));
            let fixable = group.iter().filter(|(_, v)| v.fixable()).count();
            let level = highest(&group);
            let cells = vec![
                level.label().to_string(),
                package.clone(),
                some_of(&installed),
                upgrade.to.clone().unwrap_or_else(|| "No fix".into()),
                upgrade.cves_cleared.to_string(),
                upgrade.cves.to_string(),
                upgrade.components.to_string(),
                fix_label(fixable, group.len()).to_string(),
                group_status(&group, applied),
            ];
            let cves = distinct(group.iter().map(|(_, v)| v.cve.as_str()));
            let extra = cves.into_iter().collect::<Vec<_>>().join(" ");
            let row = Row::new(
                format!("package:{package}"),
                level,
                cells,
                &extra,
                members(&group),
            );
            (row, upgrade.cves_cleared)
        })
        .collect();
    rows.sort_by(|(a, ca), (b, cb)| a.level.cmp(&b.level).then(cb.cmp(ca)));
    rows.into_iter().map(|(row, _)| row).collect()
}

/// One row per finding (CVE in a package of a component).
pub fn findings(vulns: &[(u32, &Vulnerability)], applied: &BTreeSet<String>) -> Vec<Row> {
    super::order::vulnerabilities(vulns)
        .into_iter()
        .map(|(i, v)| {
            let cells = vec![
                v.severity.label().to_string(),
                v.cve.clone(),
                v.component.display_name(),
                v.package.clone(),
                v.installed_version.clone(),
                v.fixed_version.clone().unwrap_or_else(|| "No fix".into()),
                v.cvss.map(|c| format!("{c:.1}")).unwrap_or_default(),
                fix_label(usize::from(v.fixable()), 1).to_string(),
                if v.exploit_published {
                    "Exploit published"
                } else {
                    "None known"
                }
                .to_string(),
                status::of_vulnerability(v, applied).to_string(),
                format::utc_date(&v.last_evaluated),
            ];
            Row::new(
                v.id.clone(),
                v.severity,
                cells,
                &v.title,
                vec![Member::Vulnerability(i)],
            )
        })
        .collect()
}
