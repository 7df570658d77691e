//! Test doubles shared by the native integration tests.
#![allow(dead_code)]

use aks_security_dashboard::arm::{ArmRequest, ArmResponse, Transport, TransportError};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::Duration;

/// A transport that answers from a script of responses and records requests and waits, so retry
/// and paging are tested without a network or a clock.
#[derive(Default)]
pub struct FakeTransport {
    pub script: RefCell<VecDeque<Result<ArmResponse, TransportError>>>,
    pub requests: RefCell<Vec<ArmRequest>>,
    pub sleeps: RefCell<Vec<Duration>>,
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
        self.script
            .borrow_mut()
            .pop_front()
            .expect("the test scripted fewer responses than were requested")
    }
    async fn sleep(&self, duration: Duration) {
        self.sleeps.borrow_mut().push(duration);
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

/// `shared/azure/examples/azure-rest-api-specs/specification/` beside the repository.
pub fn examples_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/azure/examples/azure-rest-api-specs/specification")
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
