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
        running_in: workloads(data),
        exploit_published: details
            .and_then(|d| d.exploitability_assessment.as_ref())
            .is_some_and(|e| e.exploit_steps_published || e.is_in_exploit_kit),
        first_seen: p.time_generated.clone().unwrap_or_default(),
        portal_link: links::recommendation(portal, parent_key(&wire.id)),
        recommendation_key: parent_key(&wire.id).to_string(),
        recommendation_id: parent_id(&wire.id).to_string(),
        // The grouped list carries no exemption state (its parent recommendation does).
        exempted: false,
        // A sub-assessment has no status change date: its scan time is the last evaluation.
        last_evaluated: p.time_generated.clone().unwrap_or_default(),
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

/// Maps an individual recommendation (one assessment per finding, the live model since
/// 2026-07-31, API.md §L3) to one vulnerability per CVE in `additionalData.CvesDetails`.
/// Healthy rows give none; exempted ones are marked `exempted`. An unhealthy row whose CVE
/// list cannot be read still gives one finding (named by the recommendation), so nothing Azure
/// reports is dropped silently.
pub fn individual(wire: &Assessment, portal: &str) -> Vec<Vulnerability> {
    let p = &wire.properties;
    // An exempted finding is kept (marked), so "Show exempted" can list it.
    let exempted = super::recommendations::exempt(&p.status);
    if p.status.code != "Unhealthy" && !exempted {
        return Vec::new();
    }
    let empty = serde_json::Map::new();
    let data = p.additional_data.as_ref().unwrap_or(&empty);
    let text = |name: &str| data.get(name).map(json_text).unwrap_or_default();
    let severity = p
        .metadata
        .as_ref()
        .and_then(|m| Level::parse(&m.severity))
        .unwrap_or(Level::Medium);
    let category = p
        .metadata
        .as_ref()
        .and_then(|m| m.recommendation_category.as_deref());
    let component = super::components::of_individual(p, category);
    let running_in = super::components::running_in(p);
    let (package, installed) = super::components::package_and_version(data);
    let fixed = Some(text("FixedVersion")).filter(|v| !v.is_empty());
    let mut cves = cve_details(data);
    if cves.is_empty() {
        // No readable CVE list: the finding is still shown, under its own name.
        cves.push(CveDetail {
            cve_id: p.display_name.clone(),
            ..CveDetail::default()
        });
    }
    let first_seen = p.status.first_evaluation_date.clone().unwrap_or_default();
    cves.into_iter()
        .map(|c| Vulnerability {
            id: format!("{}#{}", wire.id, c.cve_id),
            title: p.display_name.clone(),
            severity: c
                .severity
                .as_deref()
                .and_then(Level::parse)
                .unwrap_or(severity),
            cvss: c.cvss(),
            package: package.clone(),
            installed_version: installed.clone(),
            fixed_version: c.fixed_version.filter(|v| !v.is_empty()).or(fixed.clone()),
            component: component.clone(),
            running_in: running_in.clone(),
            exploit_published: c.exploitability_details.is_some_and(|e| e.published()),
            first_seen: first_seen.clone(),
            portal_link: links::recommendation(portal, &wire.name),
            recommendation_key: wire.name.clone(),
            recommendation_id: wire.id.clone(),
            exempted,
            last_evaluated: p.status.status_change_date.clone().unwrap_or_default(),
            references: Vec::new(),
            cve: c.cve_id,
        })
        .collect()
}

/// A member of `additionalData` as text: ARM sends strings, but a number or array is shown too.
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// One item of `CvesDetails`. Only `CveId` is documented (transition page); the other members
/// are reported by third parties (API.md §L3 [3p]) and read when present.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct CveDetail {
    cve_id: String,
    severity: Option<String>,
    fixed_version: Option<String>,
    /// `Cvss[0].Value.Base` ([3p]).
    cvss: Vec<serde_json::Value>,
    /// A flat score, as some exports carry it ([3p]).
    cvss_score: Option<f64>,
    exploitability_details: Option<Exploitability>,
}

impl CveDetail {
    fn cvss(&self) -> Option<f64> {
        self.cvss
            .iter()
            .find_map(|c| {
                c.pointer("/Value/Base")
                    .or(c.get("Base"))
                    .and_then(|b| b.as_f64())
            })
            .or(self.cvss_score)
    }
}

/// `ExploitabilityDetails` ([3p]; also seen as `IsPubliclyDisclosed` / `IsVerified`).
#[derive(Debug, Default, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct Exploitability {
    is_in_exploit_kit: bool,
    exploit_steps_published: bool,
    exploit_steps_verified: bool,
    is_publicly_disclosed: bool,
    is_verified: bool,
}

impl Exploitability {
    fn published(self) -> bool {
        self.is_in_exploit_kit
            || self.exploit_steps_published
            || self.exploit_steps_verified
            || self.is_verified
    }
}

/// `CvesDetails` is a JSON *string* holding an array (transition page: `parse_json(tostring(…))`);
/// an array sent as JSON is accepted too. Items without a `CveId` are skipped.
fn cve_details(data: &serde_json::Map<String, serde_json::Value>) -> Vec<CveDetail> {
    let parsed: Option<Vec<CveDetail>> = match data.get("CvesDetails") {
        // The inner document may hold lone UTF-16 surrogate escapes, as ARM's outer JSON may:
        // repaired the same way, so one bad character does not lose the finding's CVEs.
        Some(serde_json::Value::String(s)) => {
            serde_json::from_str(&crate::arm::surrogates::repair(s)).ok()
        }
        Some(v @ serde_json::Value::Array(_)) => serde_json::from_value(v.clone()).ok(),
        _ => None,
    };
    parsed
        .unwrap_or_default()
        .into_iter()
        .filter(|c| !c.cve_id.is_empty())
        .collect()
}

/// The workloads an MDVM finding names (`additionalData.kubernetesContext.workloads[]`, as the
/// grouped findings carried them), as `namespace/name`.
fn workloads(data: Option<&crate::arm::models::SubAssessmentAdditionalData>) -> String {
    let Some(context) = data.and_then(|d| d.extra.get("kubernetesContext")) else {
        return String::new();
    };
    context["workloads"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|w| {
            Some(format!(
                "{}/{}",
                w["namespace"].as_str()?,
                w["name"].as_str()?
            ))
        })
        .collect::<Vec<_>>()
        .join(", ")
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

/// The parent assessment's id: `{assessment id}/subAssessments/{name}` without its tail.
fn parent_id(sub_assessment_id: &str) -> &str {
    let lower = sub_assessment_id.to_ascii_lowercase();
    lower
        .find("/subassessments/")
        .map_or(sub_assessment_id, |i| &sub_assessment_id[..i])
}
