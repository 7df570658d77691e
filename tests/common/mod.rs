//! Test doubles shared by the native integration tests.
#![allow(dead_code)]

use aks_security_dashboard::arm::{ArmRequest, ArmResponse, Transport, TransportError};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::Duration;

/// A future that is pending once, then ready: lets other futures of a `join!` run.
async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            std::task::Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await
}

/// A transport that answers from a script of responses and records requests and waits, so retry
/// and paging are tested without a network or a clock.
#[derive(Default)]
pub struct FakeTransport {
    pub script: RefCell<VecDeque<Result<ArmResponse, TransportError>>>,
    pub requests: RefCell<Vec<ArmRequest>>,
    pub sleeps: RefCell<Vec<Duration>>,
    /// Whether a credential refresh (after a 401) succeeds.
    pub refresh_works: bool,
    /// How many refreshes the client asked for.
    pub refreshes: std::cell::Cell<u32>,
    /// How many times the client said only a new sign-in can help.
    pub sign_ins_required: std::cell::Cell<u32>,
    /// Each send yields once before answering, so concurrent requests interleave as on a network.
    pub interleave: bool,
}

impl FakeTransport {
    pub fn new(script: Vec<Result<ArmResponse, TransportError>>) -> Self {
        FakeTransport {
            script: RefCell::new(script.into()),
            ..Default::default()
        }
    }
    pub fn urls(&self) -> Vec<String> {
        self.requests
            .borrow()
            .iter()
            .map(|r| r.url.clone())
            .collect()
    }
}

impl Transport for FakeTransport {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        self.requests.borrow_mut().push(request.clone());
        let answer = self
            .script
            .borrow_mut()
            .pop_front()
            .expect("the test scripted fewer responses than were requested");
        if self.interleave {
            yield_once().await;
        }
        answer
    }
    async fn sleep(&self, duration: Duration) {
        self.sleeps.borrow_mut().push(duration);
    }
    async fn refresh_credentials(&self) -> bool {
        self.refreshes.set(self.refreshes.get() + 1);
        self.refresh_works
    }
    fn sign_in_required(&self) {
        self.sign_ins_required.set(self.sign_ins_required.get() + 1);
    }
}

pub fn response(
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<ArmResponse, TransportError> {
    Ok(ArmResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.to_string(),
    })
}

/// The official examples' `specification/` folder (copied into `tests/fixtures/azure-examples`).
pub fn examples_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/azure-examples/azure-rest-api-specs/specification")
}

/// The embedded demo cluster, loaded through the real client and loader.
pub fn demo_data() -> aks_security_dashboard::domain::ClusterData {
    use aks_security_dashboard::arm::transport::demo::DemoTransport;
    use aks_security_dashboard::arm::{ArmClient, ClusterId};
    let (demo, facts) = DemoTransport::new().expect("the embedded demo parses");
    let cluster = ClusterId::parse(&facts.cluster_id).expect("the demo cluster id parses");
    let client = ArmClient::new(demo, "https://management.azure.com");
    futures::executor::block_on(aks_security_dashboard::state::load_cluster(
        &client, &cluster,
    ))
    .expect("the demo loads")
}

/// The data a demo store holds now (after mutations), loaded through the real loader.
pub fn demo_data_from(
    demo: aks_security_dashboard::arm::transport::demo::DemoTransport,
) -> aks_security_dashboard::domain::ClusterData {
    use aks_security_dashboard::arm::{ArmClient, ClusterId};
    let (_, facts) = aks_security_dashboard::arm::transport::demo::DemoTransport::new().unwrap();
    let cluster = ClusterId::parse(&facts.cluster_id).unwrap();
    let client = ArmClient::new(demo, "https://management.azure.com");
    futures::executor::block_on(aks_security_dashboard::state::load_cluster(
        &client, &cluster,
    ))
    .expect("the demo loads")
}

/// The demo ARM, except that requests whose URL contains one of `failing` get `status` with an
/// ARM error body; waits are recorded, not slept. For testing partial loads. A Resource Graph
/// query is matched as `graph:<kind>` (`graph:Alerts`, `graph:Recommendations`…).
pub struct FailingDemo {
    pub inner: aks_security_dashboard::arm::transport::demo::DemoTransport,
    pub failing: Vec<&'static str>,
    pub status: u16,
    pub failed: RefCell<Vec<String>>,
}

impl Transport for FailingDemo {
    async fn send(
        &self,
        request: &aks_security_dashboard::arm::ArmRequest,
    ) -> Result<ArmResponse, TransportError> {
        let path = request
            .url
            .split('?')
            .next()
            .unwrap_or_default()
            .to_string();
        let kind = request
            .body
            .as_deref()
            .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok())
            .and_then(|b| {
                aks_security_dashboard::arm::queries::QueryKind::of_text(b["query"].as_str()?)
            })
            .map(|k| format!("graph:{k:?}"))
            .unwrap_or_default();
        if self.failing.iter().any(|f| path.contains(f) || kind == *f) {
            self.failed.borrow_mut().push(path);
            let body = r#"{"error":{"code":"AuthorizationFailed","message":"The client 'ops@contoso.com' does not have authorization to perform action 'Microsoft.Security/alerts/read'."}}"#;
            return Ok(ArmResponse {
                status: self.status,
                headers: Vec::new(),
                body: body.into(),
            });
        }
        self.inner.send(request).await
    }
    async fn sleep(&self, _duration: Duration) {}
}

/// Loads the demo cluster with the requests matching `failing` answered by `status`.
pub fn demo_failing(
    failing: Vec<&'static str>,
    status: u16,
) -> Result<aks_security_dashboard::domain::ClusterData, aks_security_dashboard::arm::ArmError> {
    let (inner, _) = aks_security_dashboard::arm::transport::demo::DemoTransport::new()
        .expect("the embedded demo parses");
    demo_failing_in(inner, failing, status)
}

/// [`demo_failing`] over a given demo store (the grouped model, say).
pub fn demo_failing_in(
    inner: aks_security_dashboard::arm::transport::demo::DemoTransport,
    failing: Vec<&'static str>,
    status: u16,
) -> Result<aks_security_dashboard::domain::ClusterData, aks_security_dashboard::arm::ArmError> {
    use aks_security_dashboard::arm::transport::demo::DemoTransport;
    use aks_security_dashboard::arm::{ArmClient, ClusterId};
    let (_, facts) = DemoTransport::new().expect("the embedded demo parses");
    let cluster = ClusterId::parse(&facts.cluster_id).expect("the demo cluster id parses");
    let transport = FailingDemo {
        inner,
        failing,
        status,
        failed: RefCell::new(Vec::new()),
    };
    let client = ArmClient::new(transport, "https://management.azure.com");
    futures::executor::block_on(aks_security_dashboard::state::load_cluster(
        &client, &cluster,
    ))
}
