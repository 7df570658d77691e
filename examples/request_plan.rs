//! Prints how many ARM requests one dashboard load of the demo cluster sends, by kind.
//! `cargo run --example request_plan`

use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::arm::{
    ArmClient, ArmRequest, ArmResponse, ClusterId, Transport, TransportError,
};
use aks_security_dashboard::state::load_cluster;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::Duration;

/// The demo ARM, counting what it is asked, by the path's last resource-type segment.
struct Counting {
    inner: DemoTransport,
    kinds: RefCell<BTreeMap<String, usize>>,
    total: RefCell<usize>,
}

impl Transport for Counting {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        let path = request.url.split('?').next().unwrap_or_default();
        let kind = path
            .rsplit('/')
            .find(|s| s.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && !s.contains('-'))
            .unwrap_or("other")
            .to_string();
        *self.kinds.borrow_mut().entry(kind).or_default() += 1;
        *self.total.borrow_mut() += 1;
        self.inner.send(request).await
    }
    async fn sleep(&self, _: Duration) {}
}

fn main() {
    let (demo, facts) = DemoTransport::new().expect("demo");
    let cluster = ClusterId::parse(&facts.cluster_id).expect("cluster id");
    let transport = Counting {
        inner: demo,
        kinds: RefCell::default(),
        total: RefCell::default(),
    };
    let client = ArmClient::new(transport, "https://management.azure.com");
    futures::executor::block_on(load_cluster(&client, &cluster)).expect("load");
    let t = client.transport();
    println!("requests for one demo dashboard load: {}", t.total.borrow());
    for (kind, n) in t.kinds.borrow().iter() {
        println!("  {kind:<32} {n}");
    }
}
