//! Regulatory compliance lists + the cluster's recommendations → per-standard state for the cluster.

use crate::arm::models::{
    ComplianceAssessment, ComplianceControl, ComplianceStandard as WireStandard,
};
use crate::domain::{ComplianceFinding, ComplianceStandard, Recommendation};

/// One standard as it applies to this cluster. A control fails for the cluster when any of its
/// mapped recommendations is unhealthy on the cluster, passes when at least one is assessed and
/// all are healthy, and is left out when none of its recommendations exists for the cluster.
pub fn compliance_standard(
    standard: &WireStandard,
    controls: &[(ComplianceControl, Vec<ComplianceAssessment>)],
    recommendations: &[Recommendation],
) -> ComplianceStandard {
    let mut out = ComplianceStandard {
        name: standard.name.clone(),
        passed_controls: 0,
        failed_controls: 0,
        failing: Vec::new(),
    };
    for (control, assessments) in controls {
        let mapped: Vec<&Recommendation> = assessments
            .iter()
            .filter_map(|a| {
                recommendations
                    .iter()
                    .find(|r| r.key.eq_ignore_ascii_case(&a.name))
            })
            .collect();
        if mapped.is_empty() {
            continue;
        }
        let failing: Vec<&&Recommendation> = mapped.iter().filter(|r| r.unhealthy).collect();
        if failing.is_empty() {
            out.passed_controls += 1;
            continue;
        }
        out.failed_controls += 1;
        out.failing
            .extend(failing.into_iter().map(|r| ComplianceFinding {
                standard: standard.name.clone(),
                control: control.name.clone(),
                control_description: control.properties.description.clone(),
                recommendation_key: r.key.clone(),
                recommendation_name: r.name.clone(),
                severity: r.severity,
                portal_link: r.portal_link.clone(),
            }));
    }
    out
}
