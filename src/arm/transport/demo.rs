//! The demo cluster: an in-browser ARM that answers the dashboard's requests from embedded
//! wire-format resources (`demo/cluster.json`) and keeps mutations for the page's session.
//!
//! It is a tiny resource store, not a list of canned answers: `GET` of an id returns the resource,
//! `GET` of a collection lists the resources directly under it (paged with `nextLink`), `PUT`
//! stores, `DELETE` removes, and `POST …/alerts/{name}/{action}` changes an alert's status.
//! A managed cluster `PUT` behaves as AKS's does: `If-Match` is checked against the ETag (412
//! when it moved on), the update runs as a long-running operation followed through
//! `Azure-AsyncOperation`, and when it ends the demo re-evaluates the cluster's control-plane
//! recommendations, as Defender for Cloud would at its next scan.

mod aks;
pub mod fleet;
mod fleet_rows;
mod graph;
mod graph_answer;
mod grouped;
mod lockdown;
mod policy_states;

use super::{ArmRequest, ArmResponse, Method, Transport, TransportError};
use crate::arm::queries::QueryKind;
use aks::is_managed_cluster;
use serde_json::{Value, json};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

/// The embedded demo cluster, in ARM wire format (see `demo/generate.py`).
pub const DEMO_DATA: &str = include_str!("../../../demo/cluster.json");

/// Items per page of a demo list, small enough that the client's paging is always exercised.
pub const PAGE_SIZE: usize = 100;
/// Items per page of a scaled demo (ARM's usual maximum), so 100,000 findings stay within the
/// client's page cap.
pub const SCALED_PAGE_SIZE: usize = 1000;

/// A stored resource with its id in lower case (ARM ids compare case-insensitively).
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    /// Its Resource Graph type (lower case), worked out once: every query filters on it.
    kind: String,
    value: Value,
}

impl Entry {
    fn new(value: Value) -> Entry {
        Entry {
            id: value["id"]
                .as_str()
                .unwrap_or_default()
                .to_ascii_lowercase(),
            kind: graph::graph_type(&value),
            value,
        }
    }
}

/// The in-browser ARM. Cloning shares the same store.
#[derive(Debug, Clone)]
pub struct DemoTransport {
    store: Rc<RefCell<Vec<Entry>>>,
    page_size: usize,
    scales: Vec<Rc<Scale>>,
    /// The detailed demo cluster's id, the one the fleet's other clusters are made from.
    cluster_id: String,
    /// Whether the fleet's other clusters are in the store yet (made on first need).
    fleet_made: Rc<Cell<bool>>,
    /// Clusters the fleet queries answer for: the stored ones, or more (`?demo-fleet=N`).
    fleet_size: usize,
    /// The time "overdue" is measured against, ISO 8601 UTC (the page's clock in the app).
    now: String,
}

/// A query's rows served at a larger size than stored: item `i` is template `i % len` with
/// `-{i}` appended to its id and name (past the originals), made when its page is requested so
/// memory stays at one page whatever the size.
#[derive(Debug)]
struct Scale {
    kind: QueryKind,
    templates: Vec<Value>,
    total: usize,
}

impl Scale {
    fn item(&self, i: usize) -> Value {
        let mut item = self.templates[i % self.templates.len()].clone();
        if i >= self.templates.len() {
            for field in ["id", "name"] {
                item[field] = json!(format!("{}-{i}", item[field].as_str().unwrap_or_default()));
            }
        }
        item
    }
}

/// An individual finding split into one finding per CVE (same shape, the CVE in its name), so a
/// scaled cluster has exactly the number of findings asked for.
fn one_cve_each(finding: Value) -> Vec<Value> {
    let cves: Vec<Value> = finding
        .pointer("/properties/additionalData/CvesDetails")
        .and_then(Value::as_str)
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    cves.into_iter()
        .map(|cve| {
            let mut one = finding.clone();
            let id = cve["CveId"].as_str().unwrap_or_default().to_string();
            for field in ["id", "name"] {
                one[field] = json!(format!("{}-{id}", one[field].as_str().unwrap_or_default()));
            }
            one["properties"]["additionalData"]["CvesDetails"] = json!(json!([cve]).to_string());
            one
        })
        .collect()
}

/// What the embedded data describes, for the app's start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoFacts {
    pub cluster_id: String,
}

impl DemoTransport {
    /// A store loaded from the embedded demo data.
    pub fn new() -> Result<(DemoTransport, DemoFacts), String> {
        DemoTransport::from_json(DEMO_DATA)
    }

    /// A store loaded from `{"clusterId": "...", "resources": [...]}`.
    pub fn from_json(text: &str) -> Result<(DemoTransport, DemoFacts), String> {
        let mut doc: Value = serde_json::from_str(text).map_err(|e| format!("demo data: {e}"))?;
        let cluster_id = doc["clusterId"]
            .as_str()
            .ok_or("demo data: no clusterId")?
            .to_string();
        let Value::Array(resources) = doc["resources"].take() else {
            return Err("demo data: no resources array".into());
        };
        let store = resources.into_iter().map(Entry::new).collect();
        let transport = DemoTransport {
            store: Rc::new(RefCell::new(store)),
            page_size: PAGE_SIZE,
            scales: Vec::new(),
            cluster_id: cluster_id.clone(),
            fleet_made: Rc::new(Cell::new(false)),
            fleet_size: 0,
            now: String::new(),
        };
        Ok((transport, DemoFacts { cluster_id }))
    }

    /// The store with "now" at `now` (ISO 8601 UTC): owners past their due date are overdue.
    pub fn with_now(mut self, now: impl Into<String>) -> DemoTransport {
        self.now = now.into();
        self
    }

    /// Fleet queries answered for `clusters` clusters (`?demo-fleet=N`): beyond the twelve
    /// stored ones, numbered copies of them, for the benchmark. Copies have no dashboard.
    pub fn with_fleet_size(mut self, clusters: usize) -> DemoTransport {
        self.fleet_size = clusters;
        self
    }

    /// The demo cluster with its running-image findings served as `vulnerabilities` rows (same
    /// wire format, unique ids): the synthetic large cluster of the benchmarks.
    pub fn scaled(vulnerabilities: usize) -> Result<(DemoTransport, DemoFacts), String> {
        DemoTransport::scaled_with_alerts(vulnerabilities, None)
    }

    /// [`DemoTransport::scaled`], with the cluster's alerts also served as `alerts` rows when
    /// given (the benchmark's 50,000 findings and 5,000 alerts). Each scaled finding is an
    /// individual recommendation with one CVE, so `vulnerabilities` is the exact finding count.
    pub fn scaled_with_alerts(
        vulnerabilities: usize,
        alerts: Option<usize>,
    ) -> Result<(DemoTransport, DemoFacts), String> {
        let (mut demo, facts) = DemoTransport::new()?;
        let cluster = facts.cluster_id.to_ascii_lowercase();
        let is_image_finding = |e: &Entry| {
            e.value
                .pointer("/properties/metadata/recommendationCategory")
                .and_then(Value::as_str)
                == Some("SoftwareUpdate")
        };
        demo.scale(
            QueryKind::Recommendations,
            vulnerabilities,
            |e| is_image_finding(e) && e.id.starts_with(&cluster),
            one_cve_each,
        )?;
        if let Some(alerts) = alerts {
            // The cluster's own alerts only: the sibling cluster's would be filtered out on load.
            let concerns_cluster = |e: &Entry| {
                e.value
                    .pointer("/properties/ResourceIdentifiers")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .any(|r| {
                        r["AzureResourceId"]
                            .as_str()
                            .is_some_and(|id| id.eq_ignore_ascii_case(&cluster))
                    })
            };
            demo.scale(
                QueryKind::Alerts,
                alerts,
                |e| {
                    graph::graph_type(&e.value) == crate::arm::queries::ALERTS
                        && concerns_cluster(e)
                },
                |alert| vec![alert],
            )?;
        }
        demo.page_size = SCALED_PAGE_SIZE;
        Ok((demo, facts))
    }

    /// Serves the rows of `kind` as `total` items made from the stored ones `member` picks,
    /// each first reshaped into the templates it stands for.
    fn scale(
        &mut self,
        kind: QueryKind,
        total: usize,
        member: impl Fn(&Entry) -> bool,
        reshape: fn(Value) -> Vec<Value>,
    ) -> Result<(), String> {
        let templates: Vec<Value> = {
            let mut store = self.store.borrow_mut();
            let (picked, rest): (Vec<Entry>, Vec<Entry>) = store.drain(..).partition(|e| member(e));
            *store = rest;
            picked.into_iter().flat_map(|e| reshape(e.value)).collect()
        };
        if templates.is_empty() {
            return Err(format!("demo data: nothing to scale in {kind:?}"));
        }
        self.scales.push(Rc::new(Scale {
            kind,
            templates,
            total,
        }));
        Ok(())
    }

    fn answer(&self, request: &ArmRequest) -> ArmResponse {
        let (path, query) = split_url(&request.url);
        let path = path.trim_end_matches('/');
        if DemoTransport::names_fleet(&request.url)
            || request
                .body
                .as_deref()
                .is_some_and(DemoTransport::names_fleet)
        {
            self.ensure_fleet();
        }
        if DemoTransport::unreadable(path) {
            return error(
                403,
                "AuthorizationFailed",
                &format!(
                    "The client 'demo.user@contoso.com' does not have authorization to perform \
                     action 'Microsoft.Security/read' over scope '{path}'."
                ),
            );
        }
        let origin = origin_of(&request.url);
        let write = matches!(request.method, Method::Put | Method::Delete | Method::Patch);
        if let Some(denied) = write.then(|| self.denied_write(path)).flatten() {
            return denied;
        }
        match request.method {
            Method::Post if is_graph(path) => self.graph(request.body.as_deref()),
            Method::Get => self.get(origin, path, query),
            Method::Put if is_managed_cluster(path) => self.put_cluster(path, request),
            Method::Put => self.put(path, request.body.as_deref()),
            Method::Delete if is_cluster_pricing(path) => self.inherit_pricing(path),
            Method::Delete => self.delete(path),
            Method::Post => self.post(path),
            Method::Patch => error(
                405,
                "MethodNotAllowed",
                "The demo cluster does not accept PATCH.",
            ),
        }
    }

    fn get(&self, origin: &str, path: &str, query: &str) -> ArmResponse {
        let key = path.to_ascii_lowercase();
        if key.contains("/providers/microsoft.containerservice/locations/") {
            return self.poll_operation(&key);
        }
        let store = self.store.borrow();
        if let Some(item) = store.iter().find(|e| e.id == key) {
            return ok(200, &item.value);
        }
        let members: Vec<&Value> = store
            .iter()
            .filter(|e| in_collection(&e.id, &key))
            .map(|e| &e.value)
            .collect();
        if members.is_empty() && !is_collection(path) {
            return error(
                404,
                "ResourceNotFound",
                &format!("The resource '{path}' was not found."),
            );
        }
        let members = filter_by_name(members, query_param(query, "$filter").as_deref());
        let members = match query_param(query, "AlertType") {
            Some(t) => members
                .into_iter()
                .filter(|r| r["properties"]["alertType"].as_str() == Some(t.as_str()))
                .collect(),
            None => members,
        };
        let skip = query_param(query, "$skipToken")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0usize);
        let page: Vec<Value> = members
            .iter()
            .skip(skip)
            .take(self.page_size)
            .map(|v| (*v).clone())
            .collect();
        self.page(origin, path, query, page, skip, members.len())
    }

    /// One page of a list, with a `nextLink` (carrying `$skipToken`) when more items follow.
    fn page(
        &self,
        origin: &str,
        path: &str,
        query: &str,
        items: Vec<Value>,
        skip: usize,
        total: usize,
    ) -> ArmResponse {
        let mut body = json!({ "value": items });
        if skip + self.page_size < total {
            let base = query
                .split('&')
                .filter(|p| !p.starts_with("$skipToken="))
                .collect::<Vec<_>>()
                .join("&");
            let next = skip + self.page_size;
            // On the origin the request came to, as ARM's own links are: the client follows
            // no link elsewhere.
            body["nextLink"] = json!(format!("{origin}{path}?{base}&$skipToken={next}"));
        }
        ok(200, &body)
    }

    fn put(&self, path: &str, body: Option<&str>) -> ArmResponse {
        let Some(mut value) = body.and_then(|b| serde_json::from_str::<Value>(b).ok()) else {
            return error(
                400,
                "InvalidRequestContent",
                "The request body is not valid JSON.",
            );
        };
        value["id"] = json!(path);
        value["name"] = json!(path.rsplit('/').next().unwrap_or_default());
        value["type"] = json!(arm_type(path));
        let entry = Entry::new(value.clone());
        let mut store = self.store.borrow_mut();
        let status = match store.iter().position(|e| e.id == entry.id) {
            Some(i) => {
                store[i] = entry;
                200
            }
            None => {
                store.push(entry);
                201
            }
        };
        ok(status, &value)
    }

    fn delete(&self, path: &str) -> ArmResponse {
        let key = path.to_ascii_lowercase();
        let mut store = self.store.borrow_mut();
        let before = store.len();
        store.retain(|e| e.id != key);
        let status = if store.len() < before { 200 } else { 204 };
        ArmResponse {
            status,
            headers: Vec::new(),
            body: String::new(),
        }
    }

    fn post(&self, path: &str) -> ArmResponse {
        let Some((alert_id, action)) = path.rsplit_once('/') else {
            return error(404, "ResourceNotFound", "Unknown action.");
        };
        let status = match action {
            "activate" => "Active",
            "dismiss" => "Dismissed",
            "resolve" => "Resolved",
            "inProgress" => "InProgress",
            _ => {
                return error(
                    404,
                    "ResourceNotFound",
                    &format!("Unknown action '{action}'."),
                );
            }
        };
        let key = alert_id.to_ascii_lowercase();
        let mut store = self.store.borrow_mut();
        match store.iter_mut().find(|e| e.id == key) {
            Some(alert) => {
                // Stored as Resource Graph spells it (PascalCase `Status`), or as REST does.
                let field = match alert.value["properties"].get("Status") {
                    Some(_) => "Status",
                    None => "status",
                };
                alert.value["properties"][field] = json!(status);
                ArmResponse {
                    status: 204,
                    headers: Vec::new(),
                    body: String::new(),
                }
            }
            None => error(
                404,
                "ResourceNotFound",
                &format!("The alert '{alert_id}' was not found."),
            ),
        }
    }

    /// Removing the cluster's own Containers pricing: it inherits the subscription's again.
    fn inherit_pricing(&self, path: &str) -> ArmResponse {
        let key = path.to_ascii_lowercase();
        let subscription = key
            .split("/resourcegroups/")
            .next()
            .unwrap_or_default()
            .to_string();
        let mut store = self.store.borrow_mut();
        let Some(inherited) = store
            .iter()
            .find(|e| {
                e.id == format!("{subscription}/providers/microsoft.security/pricings/containers")
            })
            .map(|e| {
                let mut value = e.value.clone();
                value["id"] = json!(path);
                value["properties"]["inherited"] = json!("True");
                value["properties"]["inheritedFrom"] = json!(path.split("/resourceGroups/").next());
                if let Some(p) = value["properties"].as_object_mut() {
                    p.remove("enforce");
                    p.remove("resourcesCoverageStatus");
                }
                value
            })
        else {
            return error(
                404,
                "ResourceNotFound",
                "The subscription has no Containers pricing.",
            );
        };
        let existed = store
            .iter()
            .any(|e| e.id == key && e.value["properties"]["inherited"] != "True");
        store.retain(|e| e.id != key);
        store.push(Entry::new(inherited));
        ArmResponse {
            status: if existed { 200 } else { 204 },
            headers: Vec::new(),
            body: String::new(),
        }
    }
}

/// Whether `path` is Resource Graph's query endpoint.
fn is_graph(path: &str) -> bool {
    path.trim_end_matches('/')
        .eq_ignore_ascii_case("/providers/Microsoft.ResourceGraph/resources")
}

/// A GET, or a Resource Graph query (a POST that changes nothing).
#[cfg(target_arch = "wasm32")]
fn is_read(request: &ArmRequest) -> bool {
    request.method == Method::Get || is_graph(split_url(&request.url).0)
}

/// The cluster-scope Containers pricing (its DELETE means "inherit again").
fn is_cluster_pricing(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.contains("/providers/microsoft.containerservice/managedclusters/")
        && lower.ends_with("/providers/microsoft.security/pricings/containers")
}

impl Transport for DemoTransport {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        // A write is answered on a later task, as a network would, so its panel shows that it
        // is sending. A read is answered at once: a task per read delayed the first rows (the
        // browser waits at least a task turn for each), and the load's reads are all in hand.
        #[cfg(target_arch = "wasm32")]
        if !is_read(request) {
            crate::browser::timer::sleep(Duration::ZERO).await;
        }
        Ok(self.answer(request))
    }

    /// The demo never throttles, so the client never has a reason to wait on it.
    async fn sleep(&self, _duration: Duration) {}
}

/// The ARM type of a resource id, as ARM sets it on a created resource:
/// `…/providers/Microsoft.Security/assessments/{k}/governanceAssignments/{g}` is
/// `Microsoft.Security/assessments/governanceAssignments`.
fn arm_type(id: &str) -> String {
    let lower = id.to_ascii_lowercase();
    let Some(at) = lower.rfind("/providers/") else {
        return String::new();
    };
    let parts: Vec<&str> = id[at + "/providers/".len()..].split('/').collect();
    let mut out = vec![parts[0]];
    out.extend(parts.iter().skip(1).step_by(2));
    out.join("/")
}

/// `scheme://host` of an absolute URL; ARM's public endpoint for a relative one.
fn origin_of(url: &str) -> &str {
    match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or(url, |j| &url[..i + 3 + j]),
        None => "https://management.azure.com",
    }
}

/// The path and query of an absolute or relative URL.
fn split_url(url: &str) -> (&str, &str) {
    let without_host = match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or("/", |j| &url[i + 3 + j..]),
        None => url,
    };
    without_host.split_once('?').unwrap_or((without_host, ""))
}

fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.replace("%20", " "))
    })
}

/// Lists end in a provider collection name; ids that do not exist are 404, lists are just empty.
fn is_collection(path: &str) -> bool {
    let last = path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "assessments"
            | "subassessments"
            | "alerts"
            | "pricings"
            | "governanceassignments"
            | "regulatorycompliancestandards"
            | "regulatorycompliancecontrols"
            | "regulatorycomplianceassessments"
            | "alertssuppressionrules"
    )
}

/// Whether `id` is listed by a GET of `collection` (both lower case): its direct children, and
/// for the resource-group or subscription alert list, the alerts under any location.
fn in_collection(id: &str, collection: &str) -> bool {
    if let Some(scope) = collection.strip_suffix("/providers/microsoft.security/alerts") {
        let rest = id
            .strip_prefix(scope)
            .and_then(|r| r.strip_prefix("/providers/microsoft.security/locations/"));
        return rest.is_some_and(|r| r.split('/').nth(1) == Some("alerts"));
    }
    id.rsplit_once('/')
        .is_some_and(|(parent, _)| parent == collection)
}

/// Applies `$filter=name in (A,B)`, the only filter the dashboard sends.
fn filter_by_name<'a>(items: Vec<&'a Value>, filter: Option<&str>) -> Vec<&'a Value> {
    let Some(list) = filter
        .and_then(|f| f.trim().strip_prefix("name in ("))
        .and_then(|f| f.strip_suffix(')'))
    else {
        return items;
    };
    let names: Vec<&str> = list.split(',').map(str::trim).collect();
    items
        .into_iter()
        .filter(|r| names.iter().any(|n| r["name"].as_str() == Some(n)))
        .collect()
}

fn ok(status: u16, body: &impl serde::Serialize) -> ArmResponse {
    ArmResponse {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: serde_json::to_string(body).unwrap_or_default(),
    }
}

fn error(status: u16, code: &str, message: &str) -> ArmResponse {
    ok(
        status,
        &json!({ "error": { "code": code, "message": message } }),
    )
}
