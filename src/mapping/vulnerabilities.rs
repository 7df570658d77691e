//! Sub-assessment → vulnerability finding.

use crate::arm::models::{Assessment, SubAssessment};
use crate::domain::{Component, Level, Link, Vulnerability, links};

/// Maps one vulnerability sub-assessment; `None` for healthy or non-vulnerability rows.
/// Images come from MDVM `artifactDetails`; findings without one belong to the node pool
/// named by the last segment of `resourceDetails.id`.
pub fn vulnerability(wire: &SubAssessment, portal: &str) -> Option<Vulnerability> {
    let p = &wire.properties;
    if p.status.code != "Unhealthy" {
        return None;
    }
    let data = p.additional_data.as_ref();
    let details = data.and_then(|d| d.vulnerability_details.as_ref());
    let software = data.and_then(|d| d.software_details.as_ref());
    let severity = p
        .status
        .severity
        .as_deref()
        .or(details.and_then(|d| d.severity.as_deref()))
        .and_then(Level::parse)
        .unwrap_or(Level::Medium);
    let component = match data.and_then(|d| d.artifact_details.as_ref()) {
        Some(a) => Component::Image {
            registry: a.registry_host.clone(),
            repository: a.repository_name.clone(),
            tag: a
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| "<untagged>".into()),
            digest: a.digest.clone(),
        },
        None => {
            let resource = p
                .resource_details
                .as_ref()
                .and_then(|r| r.id.as_deref())
                .unwrap_or_default();
            Component::NodePool {
                name: resource.rsplit('/').next().unwrap_or_default().to_string(),
            }
        }
    };
    Some(Vulnerability {
        id: wire.id.clone(),
        cve: details
            .map(|d| d.cve_id.clone())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| p.id.clone()),
        title: p.display_name.clone(),
        severity,
        cvss: data.and_then(|d| d.cvss_v30_score),
        package: software.map(|s| s.package_name.clone()).unwrap_or_default(),
        installed_version: software.map(|s| s.version.clone()).unwrap_or_default(),
        fixed_version: software
            .and_then(|s| s.fixed_version.clone())
            .filter(|v| !v.is_empty()),
        component,
        exploit_published: details
            .and_then(|d| d.exploitability_assessment.as_ref())
            .is_some_and(|e| e.exploit_steps_published || e.is_in_exploit_kit),
        first_seen: p.time_generated.clone().unwrap_or_default(),
        portal_link: links::recommendation(portal, parent_key(&wire.id)),
        recommendation_key: parent_key(&wire.id).to_string(),
        references: details
            .map(|d| {
                d.references
                    .iter()
                    .map(|r| Link {
                        title: r.title.clone(),
                        url: r.link.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// Maps an individual-recommendation vulnerability (one assessment per package, the model
/// Defender moves to after the grouped sub-assessments): one finding per CVE in
/// `additionalData.CvesDetails`, with the package and version from `DetectedSoftwareVersions`
/// ("name version") and `FixedVersion`. Healthy or malformed entries give no finding.
pub fn individual(wire: &Assessment, portal: &str) -> Vec<Vulnerability> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct CveDetail {
        cve_id: String,
        #[serde(default)]
        cvss_score: Option<f64>,
    }
    let p = &wire.properties;
    let Some(data) = p
        .additional_data
        .as_ref()
        .filter(|_| p.status.code == "Unhealthy")
    else {
        return Vec::new();
    };
    let text = |name: &str| data.get(name).and_then(|v| v.as_str()).unwrap_or_default();
    let cves: Vec<CveDetail> = serde_json::from_str(text("CvesDetails")).unwrap_or_default();
    let (package, installed) = text("DetectedSoftwareVersions")
        .split_once(' ')
        .unwrap_or((text("DetectedSoftwareVersions"), ""));
    let severity = p
        .metadata
        .as_ref()
        .and_then(|m| Level::parse(&m.severity))
        .unwrap_or(Level::Medium);
    let resource = p.resource_details.id.as_deref().unwrap_or_default();
    let component = Component::NodePool {
        name: resource.rsplit('/').next().unwrap_or_default().to_string(),
    };
    cves.into_iter()
        .map(|c| Vulnerability {
            id: format!("{}#{}", wire.id, c.cve_id),
            title: p.display_name.clone(),
            cve: c.cve_id,
            severity,
            cvss: c.cvss_score,
            package: package.to_string(),
            installed_version: installed.to_string(),
            fixed_version: Some(text("FixedVersion").to_string()).filter(|v| !v.is_empty()),
            component: component.clone(),
            exploit_published: false,
            first_seen: p.status.first_evaluation_date.clone().unwrap_or_default(),
            portal_link: links::recommendation(portal, &wire.name),
            recommendation_key: wire.name.clone(),
            references: Vec::new(),
        })
        .collect()
}

/// The assessment key in `…/assessments/{key}/subAssessments/{name}`.
fn parent_key(sub_assessment_id: &str) -> &str {
    let lower = sub_assessment_id.to_ascii_lowercase();
    lower
        .find("/assessments/")
        .map(|i| i + "/assessments/".len())
        .and_then(|start| sub_assessment_id[start..].split('/').next())
        .unwrap_or_default()
}
