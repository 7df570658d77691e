//! The mutations the dashboard sends, built as data first ([`Planned`]) so the user can preview
//! exactly what will be sent, and tests can check it, before anything leaves the page.

pub mod alerts;
pub mod exemption;
pub mod governance;
pub mod operation;
pub mod pricing;
pub mod quick_fix;
pub mod suppression;

use super::transport::{ArmRequest, Method};
use crate::domain::actions::RequestPreview;
use serde_json::Value;

/// One request to send: method, path relative to the ARM endpoint (with `api-version`),
/// optional JSON body, optional `If-Match` ETag.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub method: Method,
    pub path: String,
    pub body: Option<Value>,
    pub if_match: Option<String>,
}

impl Planned {
    pub fn new(method: Method, path: String, body: Option<Value>) -> Planned {
        Planned {
            method,
            path,
            body,
            if_match: None,
        }
    }

    /// The request for an ARM endpoint (`https://management.azure.com`).
    pub fn request(&self, endpoint: &str) -> ArmRequest {
        ArmRequest {
            method: self.method,
            url: format!("{}{}", endpoint.trim_end_matches('/'), self.path),
            body: self.body.as_ref().map(Value::to_string),
            headers: self.headers(),
        }
    }

    /// What the preview shows: the same request, body pretty-printed.
    pub fn preview(&self, endpoint: &str) -> RequestPreview {
        let request = self.request(endpoint);
        RequestPreview {
            method: self.method.as_str(),
            url: request.url,
            headers: request.headers,
            body: self
                .body
                .as_ref()
                .map(|b| serde_json::to_string_pretty(b).unwrap_or_default()),
            compact_body: request.body,
        }
    }

    fn headers(&self) -> Vec<(String, String)> {
        self.if_match
            .iter()
            .map(|etag| ("If-Match".to_string(), etag.clone()))
            .collect()
    }
}
