//! The one seam between the ARM client and the outside world.

pub mod any;
pub mod demo;
pub mod fetch;

use std::time::Duration;

/// HTTP methods ARM uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Put,
    Post,
    Patch,
    Delete,
}

impl Method {
    /// The method as it goes on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One request: an absolute URL (endpoint + path + query), optional JSON body and extra headers.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmRequest {
    pub method: Method,
    pub url: String,
    pub body: Option<String>,
    pub headers: Vec<(String, String)>,
}

impl ArmRequest {
    /// A GET of `url`.
    pub fn get(url: impl Into<String>) -> ArmRequest {
        ArmRequest {
            method: Method::Get,
            url: url.into(),
            body: None,
            headers: Vec::new(),
        }
    }
}

/// A response as the transport saw it; status codes are not errors at this level.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmResponse {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl ArmResponse {
    /// The value of a header (name matched case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A request that produced no HTTP response.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TransportError {
    #[error("network error: {0}")]
    Network(String),
    #[error("no response within {0:?}")]
    Timeout(Duration),
    /// No credential to send: the user must sign in again (not worth retrying).
    #[error("{0}")]
    SignIn(String),
}

/// Sends ARM requests and waits between retries. Implemented by the browser fetch transport, the
/// in-browser demo ARM, and test fakes that record the waits instead of sleeping.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// Sends one request and returns whatever HTTP response came back.
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError>;
    /// Waits before a retry.
    async fn sleep(&self, duration: Duration);
    /// A number in 0.0–1.0 that spreads retry backoff (random in the browser). The default, 1.0,
    /// means the full backoff, so fakes record exact waits.
    fn jitter(&self) -> f64 {
        1.0
    }
    /// After a 401, gets a fresh credential; `true` when the request is worth sending once more.
    async fn refresh_credentials(&self) -> bool {
        false
    }
    /// Azure refused the credential even after a refresh, or none could be had: only the user
    /// signing in again can fix it. The browser transport tells the page, which offers sign-in.
    fn sign_in_required(&self) {}
}
