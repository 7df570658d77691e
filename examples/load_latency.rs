//! The Azure data path under network latency: the dashboard's whole load of the demo cluster,
//! each request answered after `latency` ms (default 100), printing the requests sent, the time
//! until every tab has data, and the critical-path depth (requests that had to wait for one
//! another). `cargo run --release --example load_latency [latency_ms] [page_size]`: page size
//! 100 (the demo's, so paging is exercised) or 1000 (ARM's usual maximum).

use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::arm::{
    ArmClient, ArmRequest, ArmResponse, ClusterId, Transport, TransportError,
};
use aks_security_dashboard::state::load_cluster;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// A future that is ready after `duration`, woken by a sleeping thread (no runtime needed).
struct Delay(Arc<Mutex<(bool, Option<Waker>)>>);

fn delay(duration: Duration) -> Delay {
    let shared = Arc::new(Mutex::new((false, None::<Waker>)));
    let thread = shared.clone();
    std::thread::spawn(move || {
        std::thread::sleep(duration);
        let mut state = thread.lock().unwrap();
        state.0 = true;
        if let Some(w) = state.1.take() {
            w.wake();
        }
    });
    Delay(shared)
}

impl Future for Delay {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.0.lock().unwrap();
        if state.0 {
            Poll::Ready(())
        } else {
            state.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// The demo ARM behind a network with fixed latency; records when each request was sent.
struct Slow {
    inner: DemoTransport,
    latency: Duration,
    started: Instant,
    sent_at: RefCell<Vec<Duration>>,
}

impl Transport for Slow {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        self.sent_at.borrow_mut().push(self.started.elapsed());
        delay(self.latency).await;
        self.inner.send(request).await
    }
    async fn sleep(&self, duration: Duration) {
        delay(duration).await;
    }
}

fn main() {
    let latency_ms: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let arm_pages = std::env::args().nth(2).as_deref() == Some("1000");
    let (demo, facts) = match arm_pages {
        // The same 313 image findings, served 1,000 to a page.
        true => DemoTransport::scaled(313),
        false => DemoTransport::new(),
    }
    .expect("demo");
    let cluster = ClusterId::parse(&facts.cluster_id).expect("cluster id");
    let latency = Duration::from_millis(latency_ms);
    let client = ArmClient::new(
        Slow {
            inner: demo,
            latency,
            started: Instant::now(),
            sent_at: RefCell::default(),
        },
        "https://management.azure.com",
    );
    let data = futures::executor::block_on(load_cluster(&client, &cluster)).expect("loads");
    let total = client.transport().started.elapsed();
    let sent = client.transport().sent_at.borrow();
    // A request sent during round trip k (k latencies after the start) waited for k others.
    let depth = sent
        .iter()
        .map(|t| (t.as_secs_f64() / latency.as_secs_f64()).floor() as u32 + 1)
        .max()
        .unwrap_or(0);
    assert!(data.issues.is_empty(), "the demo loads completely");
    println!(
        "azure-path latency_ms={latency_ms} page_size={} requests={} critical_path={depth} all_tabs_ms={}",
        if arm_pages { 1000 } else { 100 },
        sent.len(),
        total.as_millis()
    );
}
