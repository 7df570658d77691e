//! `?demo-model=grouped`: the demo cluster as a cloud that still serves the grouped model (one
//! "running container images should have vulnerabilities resolved" recommendation whose findings
//! are REST sub-assessments, as before 2026-07-31), so the app's grouped mapping stays exercised.
//! Made from the live data: each individual image finding whose image is known becomes MDVM
//! sub-assessments (one per CVE, `subassessment-rest-api.md` shape) under the grouped
//! recommendation; the rest (and the exempted) stay individual, as during Microsoft's
//! transition.

use super::{DemoTransport, Entry};
use crate::arm::endpoints::RUNNING_IMAGES_VULN_KEY;
use serde_json::{Value, json};

impl DemoTransport {
    /// Switches the store to the grouped model.
    pub fn into_grouped_model(self, cluster_id: &str) -> DemoTransport {
        let parent = format!(
            "{cluster_id}/providers/Microsoft.Security/assessments/{RUNNING_IMAGES_VULN_KEY}"
        );
        {
            let mut store = self.store.borrow_mut();
            // An exempted finding stays individual (Not applicable, cause Exempt): the grouped
            // list has no way to say it is exempted, so converting it would count it again.
            let (findings, rest): (Vec<Entry>, Vec<Entry>) = store.drain(..).partition(|e| {
                image_of(&e.value).is_some()
                    && e.value.pointer("/properties/status/code") == Some(&json!("Unhealthy"))
            });
            *store = rest;
            let mut first_seen = String::new();
            for finding in &findings {
                first_seen = finding.value["properties"]["status"]["firstEvaluationDate"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                store.extend(sub_assessments(&finding.value, &parent).map(Entry::new));
            }
            store.push(Entry::new(grouped_recommendation(
                &parent,
                cluster_id,
                &first_seen,
            )));
        }
        self
    }
}

/// `resourceAdditionalData.RepositoryDetails` of an individual image finding.
fn image_of(value: &Value) -> Option<Value> {
    let text = value
        .pointer("/properties/resourceAdditionalData")?
        .as_str()?;
    let doc: Value = serde_json::from_str(text).ok()?;
    Some(doc.get("RepositoryDetails")?.clone())
}

/// One MDVM sub-assessment per CVE of the finding.
fn sub_assessments<'a>(finding: &'a Value, parent: &'a str) -> impl Iterator<Item = Value> + 'a {
    let p = &finding["properties"];
    let image = image_of(finding).unwrap_or_default();
    let data = &p["additionalData"];
    let cves: Vec<Value> = data["CvesDetails"]
        .as_str()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    let package = data["SoftwareName"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let version: String = data["DetectedSoftwareVersions"]
        .as_str()
        .and_then(|s| serde_json::from_str::<Vec<String>>(s).ok())
        .and_then(|v| v.into_iter().next())
        .unwrap_or_default();
    let key = finding["name"].as_str().unwrap_or_default().to_string();
    cves.into_iter().map(move |cve| {
        let id = cve["CveId"].as_str().unwrap_or_default();
        let name = format!("{key}-{}", id.to_ascii_lowercase());
        let fixed = cve["FixedVersion"].as_str().unwrap_or_default();
        let cvss = cve
            .pointer("/Cvss/0/Value/Base")
            .cloned()
            .unwrap_or(Value::Null);
        let exploit = &cve["ExploitabilityDetails"];
        let flag = |name: &str| exploit[name].as_bool().unwrap_or(false);
        let fix_status = if fixed.is_empty() {
            "NoFixAvailable"
        } else {
            "FixAvailable"
        };
        let image_path = format!(
            "/repositories/{}/images/{}",
            image["RepositoryName"].as_str().unwrap_or_default(),
            image["Digest"].as_str().unwrap_or_default(),
        );
        json!({
            "id": format!("{parent}/subAssessments/{name}"),
            "name": name,
            "type": "Microsoft.Security/assessments/subAssessments",
            "properties": {
                "id": id,
                "displayName": format!("{id}: {package}"),
                "status": {
                    "code": "Unhealthy",
                    "severity": cve["Severity"],
                    "cause": "",
                    "description": "The resource is unhealthy",
                },
                "timeGenerated": p["status"]["firstEvaluationDate"],
                "resourceDetails": {"source": "Azure", "id": image_path},
                "additionalData": {
                    "assessedResourceType": "AzureContainerRegistryVulnerability",
                    "cvssV30Score": cvss,
                    "vulnerabilityDetails": {
                        "cveId": id,
                        "severity": cve["Severity"],
                        "exploitabilityAssessment": {
                            "exploitStepsPublished": flag("ExploitStepsPublished"),
                            "exploitStepsVerified": flag("ExploitStepsVerified"),
                            "isInExploitKit": flag("IsInExploitKit"),
                        },
                        "publishedDate": cve["PublishedDate"],
                        "references": [
                            {"title": id, "link": format!("https://nvd.nist.gov/vuln/detail/{id}")},
                        ],
                    },
                    "artifactDetails": {
                        "repositoryName": image["RepositoryName"],
                        "registryHost": image["RegistryHost"],
                        "digest": image["Digest"],
                        "tags": image["Tags"],
                        "artifactType": "ContainerImage",
                    },
                    "softwareDetails": {
                        "packageName": package,
                        "version": version,
                        "fixedVersion": fixed,
                        "fixStatus": fix_status,
                    },
                },
            },
        })
    })
}

/// The grouped recommendation itself, unhealthy on the cluster, metadata inline.
fn grouped_recommendation(id: &str, cluster_id: &str, first_seen: &str) -> Value {
    let name = "Azure running container images should have vulnerabilities resolved (powered by \
                Microsoft Defender Vulnerability Management)";
    json!({
        "id": id,
        "name": RUNNING_IMAGES_VULN_KEY,
        "type": "Microsoft.Security/assessments",
        "properties": {
            "resourceDetails": {"Source": "Azure", "Id": cluster_id},
            "displayName": name,
            "status": {
                "code": "Unhealthy",
                "cause": "",
                "description": "The resource is unhealthy",
                "firstEvaluationDate": first_seen,
            },
            "additionalData": {"subAssessmentsLink": format!("{id}/subAssessments")},
            "metadata": {
                "displayName": name,
                "assessmentType": "BuiltIn",
                "severity": "High",
                "categories": ["Container"],
                "description": "Container image vulnerability assessment scans the images running \
                                on the cluster for known vulnerabilities (CVEs).",
                "remediationDescription": "Rebuild each affected image on a patched base image or \
                                           upgrade the vulnerable packages, push it, and redeploy \
                                           the workloads.",
            },
        },
    })
}
