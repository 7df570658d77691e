//! The demo cluster: an in-browser ARM that answers the dashboard's requests from embedded
//! wire-format resources (`demo/cluster.json`) and keeps mutations for the page's session.
//!
//! It is a tiny resource store, not a list of canned answers: `GET` of an id returns the resource,
//! `GET` of a collection lists the resources directly under it (paged with `nextLink`), `PUT`
//! stores, `DELETE` removes, and `POST …/alerts/{name}/{action}` changes an alert's status.

use super::{ArmRequest, ArmResponse, Method, Transport, TransportError};
use serde_json::{Value, json};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// The embedded demo cluster, in ARM wire format (see `demo/generate.py`).
pub const DEMO_DATA: &str = include_str!("../../../demo/cluster.json");

/// Items per page of a demo list, small enough that the client's paging is always exercised.
pub const PAGE_SIZE: usize = 100;

/// The in-browser ARM. Cloning shares the same store.
#[derive(Debug, Clone)]
pub struct DemoTransport {
    store: Rc<RefCell<Vec<Value>>>,
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
        let resources = match doc["resources"].take() {
            Value::Array(items) => items,
            _ => return Err("demo data: no resources array".into()),
        };
        let transport = DemoTransport {
            store: Rc::new(RefCell::new(resources)),
        };
        Ok((transport, DemoFacts { cluster_id }))
    }

    fn answer(&self, request: &ArmRequest) -> ArmResponse {
        let (path, query) = split_url(&request.url);
        let path = path.trim_end_matches('/');
        match request.method {
            Method::Get => self.get(path, query),
            Method::Put => self.put(path, request.body.as_deref()),
            Method::Delete => self.delete(path),
            Method::Post => self.post(path),
            Method::Patch => error(
                405,
                "MethodNotAllowed",
                "The demo cluster does not accept PATCH.",
            ),
        }
    }

    fn get(&self, path: &str, query: &str) -> ArmResponse {
        let store = self.store.borrow();
        if let Some(item) = store.iter().find(|r| id_of(r).eq_ignore_ascii_case(path)) {
            return ok(200, item);
        }
        let members: Vec<&Value> = store
            .iter()
            .filter(|r| in_collection(id_of(r), path))
            .collect();
        if members.is_empty() && !is_collection(path) {
            return error(
                404,
                "ResourceNotFound",
                &format!("The resource '{path}' was not found."),
            );
        }
        let members = filter_by_name(members, query_param(query, "$filter").as_deref());
        let skip = query_param(query, "$skipToken")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0usize);
        let page: Vec<&Value> = members.iter().skip(skip).take(PAGE_SIZE).copied().collect();
        let mut body = json!({ "value": page });
        if skip + PAGE_SIZE < members.len() {
            let base = query
                .split('&')
                .filter(|p| !p.starts_with("$skipToken="))
                .collect::<Vec<_>>()
                .join("&");
            body["nextLink"] = json!(format!(
                "https://demo.invalid{path}?{base}&$skipToken={}",
                skip + PAGE_SIZE
            ));
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
        let name = path.rsplit('/').next().unwrap_or_default();
        value["id"] = json!(path);
        value["name"] = json!(name);
        let mut store = self.store.borrow_mut();
        let status = match store
            .iter()
            .position(|r| id_of(r).eq_ignore_ascii_case(path))
        {
            Some(i) => {
                store[i] = value.clone();
                200
            }
            None => {
                store.push(value.clone());
                201
            }
        };
        ok(status, &value)
    }

    fn delete(&self, path: &str) -> ArmResponse {
        let mut store = self.store.borrow_mut();
        let before = store.len();
        store.retain(|r| !id_of(r).eq_ignore_ascii_case(path));
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
        let mut store = self.store.borrow_mut();
        match store
            .iter_mut()
            .find(|r| id_of(r).eq_ignore_ascii_case(alert_id))
        {
            Some(alert) => {
                alert["properties"]["status"] = json!(status);
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
}

impl Transport for DemoTransport {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        Ok(self.answer(request))
    }

    /// The demo never throttles, so the client never has a reason to wait on it.
    async fn sleep(&self, _duration: Duration) {}
}

fn id_of(resource: &Value) -> &str {
    resource["id"].as_str().unwrap_or_default()
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

/// Whether `id` is listed by a GET of `collection`: its direct children, and for the
/// resource-group or subscription alert list, the alerts under any location.
fn in_collection(id: &str, collection: &str) -> bool {
    let (id_l, col_l) = (id.to_ascii_lowercase(), collection.to_ascii_lowercase());
    if let Some(scope) = col_l.strip_suffix("/providers/microsoft.security/alerts") {
        let prefix = format!("{scope}/providers/microsoft.security/locations/");
        return id_l.starts_with(&prefix)
            && id_l[prefix.len()..].split('/').nth(1) == Some("alerts");
    }
    id_l.rsplit_once('/')
        .is_some_and(|(parent, _)| parent == col_l)
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

fn ok(status: u16, body: &Value) -> ArmResponse {
    ArmResponse {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.to_string(),
    }
}

fn error(status: u16, code: &str, message: &str) -> ArmResponse {
    ok(
        status,
        &json!({ "error": { "code": code, "message": message } }),
    )
}
