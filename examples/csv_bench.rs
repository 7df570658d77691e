//! Native CSV export benchmark: the scaled demo cluster (the same rows the browser benchmark
//! exports), loaded through the real client and loader, then written as the whole report.
//! Run: `cargo run --release --example csv_bench -- 10000 100000` (or `scripts/bench.sh csv`).

use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::arm::{ArmClient, ClusterId};
use aks_security_dashboard::domain::csv::{CsvOptions, CsvWriter, report_findings};
use aks_security_dashboard::state::load_cluster;
use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    for vulnerabilities in sizes {
        let (demo, facts) = DemoTransport::scaled(vulnerabilities).expect("the demo data loads");
        let client = ArmClient::new(demo, "https://management.azure.com");
        let cluster = ClusterId::parse(&facts.cluster_id).expect("the demo cluster id is valid");
        let data =
            futures::executor::block_on(load_cluster(&client, &cluster)).expect("the demo loads");
        let findings = report_findings(&data);
        for excel in [false, true] {
            let runs: Vec<(f64, usize)> = (0..5)
                .map(|_| {
                    let start = Instant::now();
                    let mut w = CsvWriter::new(CsvOptions {
                        excel,
                        ..CsvOptions::default()
                    })
                    .expect("writer");
                    for f in &findings {
                        w.write(*f).expect("row");
                    }
                    let bytes = w.finish().expect("finish").len();
                    (start.elapsed().as_secs_f64(), bytes)
                })
                .collect();
            let mut times: Vec<f64> = runs.iter().map(|r| r.0).collect();
            times.sort_by(f64::total_cmp);
            let median = times[times.len() / 2];
            println!(
                "native csv{:6} rows={:>7} median={:>7.1} ms rows/s={:>10.0} size={} KB",
                if excel { "-excel" } else { "" },
                findings.len(),
                median * 1000.0,
                findings.len() as f64 / median,
                runs[0].1 / 1024
            );
        }
    }
}
