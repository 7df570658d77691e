//! The typed ARM client: retry, paging and JSON decoding on top of a [`Transport`].

use super::error::ArmError;
use super::models::ArmList;
use super::retry::{Attempt, RetryPolicy};
use super::transport::{ArmRequest, ArmResponse, Transport, TransportError};
use serde::de::DeserializeOwned;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// A list longer than this many pages is reported as incomplete rather than fetched forever.
pub const MAX_PAGES: usize = 200;

/// ARM client over one transport and one ARM endpoint (public cloud, Government, China).
/// Cloning shares the Resource Graph quota state, so every caller waits out the same window.
#[derive(Debug, Clone)]
pub struct ArmClient<T> {
    transport: T,
    endpoint: String,
    graph_endpoint: String,
    policy: RetryPolicy,
    /// Set when Resource Graph said the caller's quota is spent: how long until it resets. The
    /// next query waits that long first (`x-ms-user-quota-resets-after`), so a burst of Refreshes
    /// queues behind the window instead of collecting 429s.
    graph_quota_wait: Rc<Cell<Option<Duration>>>,
    /// Counts the credential refreshes done: a request refused (401) after another request's
    /// refresh finished is simply sent again with the new token, so requests refused together
    /// cost one refresh however their answers are spread in time.
    credential_generation: Rc<Cell<u64>>,
}

impl<T: Transport> ArmClient<T> {
    /// A client sending to `endpoint` (e.g. `https://management.azure.com`).
    pub fn new(transport: T, endpoint: impl Into<String>) -> Self {
        let endpoint = endpoint.into().trim_end_matches('/').to_string();
        ArmClient {
            transport,
            graph_endpoint: endpoint.clone(),
            endpoint,
            policy: RetryPolicy::default(),
            graph_quota_wait: Rc::new(Cell::new(None)),
            credential_generation: Rc::new(Cell::new(0)),
        }
    }

    /// Retries with `policy` instead of the default one.
    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Sends Resource Graph queries to `endpoint` (the ARM endpoint unless configured apart).
    pub fn with_graph_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.graph_endpoint = endpoint.into().trim_end_matches('/').to_string();
        self
    }

    /// The ARM endpoint requests go to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The Resource Graph endpoint queries go to.
    pub fn graph_endpoint(&self) -> &str {
        &self.graph_endpoint
    }

    /// Takes the wait Resource Graph's quota asked for, if any (one caller waits it out; the
    /// window has reset by the time the others send).
    pub(crate) fn take_graph_quota_wait(&self) -> Option<Duration> {
        self.graph_quota_wait.take()
    }

    /// Records Resource Graph's quota headers: at 0 queries left, the next query waits for the
    /// reset.
    pub(crate) fn note_graph_quota(&self, response: &ArmResponse) {
        if let Some(wait) = super::retry::quota_wait(&response.headers) {
            self.graph_quota_wait.set(Some(wait));
        }
    }

    /// Whether `url` is on one of the configured endpoints' origins: the only places the bearer
    /// token may go. A `nextLink` or operation URL elsewhere is refused, not followed.
    pub fn is_own_origin(&self, url: &str) -> bool {
        let origin = origin_of(url);
        origin.is_some()
            && [&self.endpoint, &self.graph_endpoint]
                .iter()
                .any(|e| origin_of(e) == origin)
    }

    /// Sends a planned mutation (see [`super::actions`]).
    pub async fn send_planned(
        &self,
        planned: &super::actions::Planned,
    ) -> Result<ArmResponse, ArmError> {
        self.send(planned.request(&self.endpoint)).await
    }

    /// The transport (tests inspect what it recorded).
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The absolute URL of a path (or an absolute `nextLink`, returned as-is).
    pub fn url(&self, path_or_url: &str) -> String {
        if path_or_url.starts_with("https://") || path_or_url.starts_with("http://") {
            path_or_url.to_string()
        } else {
            format!("{}{}", self.endpoint, path_or_url)
        }
    }

    /// Sends a request, retrying as the policy says; any 2xx response is returned.
    pub async fn send(&self, request: ArmRequest) -> Result<ArmResponse, ArmError> {
        if !self.is_own_origin(&request.url) {
            return Err(ArmError::ForeignOrigin { url: request.url });
        }
        let mut retries = 0;
        let mut refreshed = false;
        loop {
            let sent_with = self.credential_generation.get();
            let outcome = self.transport.send(&request).await;
            let delay = match &outcome {
                Ok(r) if (200..300).contains(&r.status) => None,
                Ok(r) => self.policy.next_delay_jittered(
                    retries,
                    Attempt::Status(r.status, &r.headers),
                    self.transport.jitter(),
                ),
                Err(TransportError::SignIn(_)) => None,
                Err(_) => self.policy.next_delay_jittered(
                    retries,
                    Attempt::NoResponse,
                    self.transport.jitter(),
                ),
            };
            match (outcome, delay) {
                (Ok(r), None) if (200..300).contains(&r.status) => return Ok(r),
                (_, Some(wait)) => {
                    self.transport.sleep(wait).await;
                    retries += 1;
                }
                // An expired or revoked token: get a fresh one once, then give up (sign-in needed).
                // Refreshed by another request since this one was sent: just send it again.
                (Ok(r), None) if r.status == 401 && !refreshed => {
                    refreshed = true;
                    if self.credential_generation.get() != sent_with {
                        continue;
                    }
                    if !self.transport.refresh_credentials().await {
                        self.transport.sign_in_required();
                        return Err(ArmError::from_status(r.status, &r.body));
                    }
                    self.credential_generation.set(sent_with + 1);
                }
                // Refreshed and still refused: the sign-in itself is no longer accepted.
                (Ok(r), None) if r.status == 401 => {
                    self.transport.sign_in_required();
                    return Err(ArmError::from_status(r.status, &r.body));
                }
                (Ok(r), None) if r.status == 429 => {
                    return Err(ArmError::Throttled {
                        retry_after: super::retry::server_delay(&r.headers),
                    });
                }
                (Ok(r), None) => return Err(ArmError::from_status(r.status, &r.body)),
                (Err(TransportError::SignIn(why)), None) => {
                    self.transport.sign_in_required();
                    return Err(ArmError::SignIn(why));
                }
                (Err(e), None) => return Err(ArmError::Network(e.to_string())),
            }
        }
    }

    /// GETs one resource and decodes it.
    pub async fn get<R: DeserializeOwned>(&self, path: impl AsRef<str>) -> Result<R, ArmError> {
        let url = self.url(path.as_ref());
        let response = self.send(ArmRequest::get(url.clone())).await?;
        decode(&url, &response.body)
    }

    /// GETs every page of a list, following `nextLink`. A failure on any page fails the whole list,
    /// so half a list is never shown as complete.
    pub async fn list<R: DeserializeOwned>(
        &self,
        path: impl AsRef<str>,
    ) -> Result<Vec<R>, ArmError> {
        let first = self.url(path.as_ref());
        let mut next = Some(first.clone());
        let mut items = Vec::new();
        let mut pages = 0;
        while let Some(url) = next {
            if pages == MAX_PAGES {
                return Err(ArmError::TooManyPages { url: first, pages });
            }
            let response = self.send(ArmRequest::get(url.clone())).await?;
            let page: ArmList<R> = decode(&url, &response.body)?;
            items.extend(page.value);
            next = page
                .next_link
                .filter(|l| !l.is_empty())
                .map(|l| self.url(&l));
            pages += 1;
        }
        Ok(items)
    }
}

/// `scheme://host[:port]` of an absolute URL, lower-cased; `None` when it is not absolute https
/// (plain http only for loopback, which tests serve).
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    // A user-info part (`https://management.azure.com@evil.example`) would hide the real host.
    if authority.is_empty() || authority.contains('@') || authority.contains('\\') {
        return None;
    }
    let loopback = ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|h| authority == *h || authority.starts_with(&format!("{h}:")));
    match scheme.as_str() {
        "https" => Some(format!("https://{authority}")),
        "http" if loopback => Some(format!("http://{authority}")),
        _ => None,
    }
}

pub(crate) fn decode<R: DeserializeOwned>(url: &str, body: &str) -> Result<R, ArmError> {
    serde_json::from_str(&super::surrogates::repair(body)).map_err(|e| ArmError::Decode {
        url: url.to_string(),
        message: e.to_string(),
    })
}
