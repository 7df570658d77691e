//! The browser transport: `fetch` through gloo-net with a bearer token from the sign-in layer.

use super::{ArmRequest, ArmResponse, Method, Transport, TransportError};
use crate::auth::{TokenError, TokenSource};
use std::time::Duration;

/// Sends ARM requests from the browser. It cannot be built without a token source: the
/// unauthorised state has no way to reach Azure.
#[derive(Debug, Clone)]
pub struct FetchTransport<S> {
    tokens: S,
    timeout: Duration,
}

impl<S: TokenSource> FetchTransport<S> {
    /// A transport that asks `tokens` for an ARM access token before each request and gives up
    /// on a response after `timeout`.
    pub fn new(tokens: S, timeout: Duration) -> Self {
        FetchTransport { tokens, timeout }
    }
}

impl<S: TokenSource> Transport for FetchTransport<S> {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        let token = self.tokens.arm_token().await.map_err(|e| match e {
            TokenError::SignInRequired(why) => TransportError::SignIn(why),
            TokenError::Failed(why) => TransportError::Network(why),
        })?;
        let builder = match request.method {
            Method::Get => gloo_net::http::Request::get(&request.url),
            Method::Put => gloo_net::http::Request::put(&request.url),
            Method::Post => gloo_net::http::Request::post(&request.url),
            Method::Patch => gloo_net::http::Request::patch(&request.url),
            Method::Delete => gloo_net::http::Request::delete(&request.url),
        }
        .header("Authorization", &format!("Bearer {token}"));
        let builder = request
            .headers
            .iter()
            .fold(builder, |b, (k, v)| b.header(k, v));
        // The timeout covers the whole exchange, body included: a stalled stream is a hang too.
        let millis = u32::try_from(self.timeout.as_millis()).unwrap_or(u32::MAX);
        let signal = web_sys::AbortSignal::timeout_with_u32(millis);
        let failed = |e: gloo_net::Error| match signal.aborted() {
            true => TransportError::Timeout(self.timeout),
            false => TransportError::Network(e.to_string()),
        };
        let builder = builder.abort_signal(Some(&signal));
        let sent = match &request.body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body.clone()),
            None => builder.build(),
        }
        .map_err(|e| TransportError::Network(e.to_string()))?
        .send()
        .await
        .map_err(failed)?;
        let headers = sent
            .headers()
            .entries()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        let status = sent.status();
        let body = sent.text().await.map_err(failed)?;
        Ok(ArmResponse {
            status,
            headers,
            body,
        })
    }

    async fn sleep(&self, duration: Duration) {
        crate::browser::timer::sleep(duration).await;
    }

    fn jitter(&self) -> f64 {
        js_sys::Math::random()
    }

    async fn refresh_credentials(&self) -> bool {
        self.tokens.refresh().await
    }

    fn sign_in_required(&self) {
        self.tokens.sign_in_required();
    }
}
