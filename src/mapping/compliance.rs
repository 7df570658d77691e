//! Regulatory compliance rows + the cluster's recommendations → per-standard state for the cluster.

use crate::arm::models::ComplianceRow;
use crate::domain::{ComplianceFinding, ComplianceStandard, Recommendation};
use std::collections::BTreeMap;

/// Every standard the rows name, in name order, as it applies to this cluster. A control fails
/// for the cluster when any of its mapped recommendations is unhealthy on the cluster, passes when
/// at least one is assessed and all are healthy, and is left out when none of its
/// recommendations exists for the cluster (API.md §5a rule).
pub fn compliance_standards(
    rows: &[ComplianceRow],
    recommendations: &[Recommendation],
) -> Vec<ComplianceStandard> {
    // standard → control → (description, keys), each once, in name order.
    let mut standards: BTreeMap<&str, BTreeMap<&str, (&str, Vec<&str>)>> = BTreeMap::new();
    for row in rows {
        let control = standards
            .entry(&row.standard)
            .or_default()
            .entry(&row.control)
            .or_insert((&row.control_description, Vec::new()));
        if control.0.is_empty() {
            control.0 = &row.control_description;
        }
        if !control
            .1
            .iter()
            .any(|k| k.eq_ignore_ascii_case(&row.assessment_key))
        {
            control.1.push(&row.assessment_key);
        }
    }
    // Recommendation key (lower case) → its recommendations, built once: a cluster with thousands
    // of individual findings must not be scanned once per control.
    let mut by_key: BTreeMap<String, Vec<&Recommendation>> = BTreeMap::new();
    for r in recommendations {
        by_key
            .entry(r.key.to_ascii_lowercase())
            .or_default()
            .push(r);
    }
    standards
        .into_iter()
        .map(|(name, controls)| {
            let mut out = ComplianceStandard {
                name: name.to_string(),
                passed_controls: 0,
                failed_controls: 0,
                failing: Vec::new(),
            };
            for (control, (description, keys)) in controls {
                let mapped: Vec<&Recommendation> = keys
                    .iter()
                    .filter_map(|k| by_key.get(&k.to_ascii_lowercase()))
                    .flatten()
                    .copied()
                    .collect();
                if mapped.is_empty() {
                    continue;
                }
                let failing: Vec<&&Recommendation> =
                    mapped.iter().filter(|r| r.unhealthy).collect();
                if failing.is_empty() {
                    out.passed_controls += 1;
                    continue;
                }
                out.failed_controls += 1;
                // One row per failing recommendation key (a key assessed on several containers
                // fails the control once).
                let mut seen = Vec::new();
                for r in failing {
                    if seen.contains(&r.key.to_ascii_lowercase()) {
                        continue;
                    }
                    seen.push(r.key.to_ascii_lowercase());
                    out.failing.push(ComplianceFinding {
                        standard: name.to_string(),
                        control: control.to_string(),
                        control_description: description.to_string(),
                        recommendation_key: r.key.clone(),
                        recommendation_name: r.name.clone(),
                        severity: r.severity,
                        portal_link: r.portal_link.clone(),
                    });
                }
            }
            out
        })
        .collect()
}
