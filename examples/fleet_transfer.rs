//! What the fleet view transfers: the demo tenant's fleet at `clusters` clusters (default
//! 5,000), loaded through the real client and loader; prints the requests sent and the bytes of
//! their response bodies, and writes the bodies to `out` (if given) so the benchmark can gzip
//! them as a server would send them.
//! `cargo run --release --example fleet_transfer [clusters] [out]`

use aks_security_dashboard::arm::fleet::FleetScope;
use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::arm::{ArmClient, ArmRequest, ArmResponse, Transport, TransportError};
use aks_security_dashboard::state::fleet::load_fleet;
use std::cell::RefCell;
use std::time::Duration;

/// The demo ARM, keeping every response body.
struct Recording {
    inner: DemoTransport,
    bodies: RefCell<Vec<String>>,
}

impl Transport for Recording {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        let response = self.inner.send(request).await?;
        self.bodies.borrow_mut().push(response.body.clone());
        Ok(response)
    }
    async fn sleep(&self, _duration: Duration) {}
}

fn main() {
    let mut args = std::env::args().skip(1);
    let clusters: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5_000);
    let out = args.next();
    let (demo, _) = DemoTransport::new().expect("the embedded demo parses");
    let transport = Recording {
        inner: demo
            .with_now("2026-11-28T12:00:00.000Z")
            .with_fleet_size(clusters),
        bodies: RefCell::new(Vec::new()),
    };
    let client = ArmClient::new(transport, "https://management.azure.com");
    let fleet = futures::executor::block_on(load_fleet(&client, &FleetScope::Tenant))
        .expect("the demo fleet loads");
    let bodies = client.transport().bodies.borrow();
    let bytes: usize = bodies.iter().map(String::len).sum();
    if let Some(path) = out {
        std::fs::write(path, bodies.concat()).expect("writes the bodies");
    }
    println!(
        "fleet_transfer clusters={} requests={} bytes={bytes}",
        fleet.clusters.len(),
        bodies.len()
    );
}
