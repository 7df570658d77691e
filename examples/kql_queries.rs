//! Prints, as JSON, every KQL text the app can send to Azure Resource Graph: the four cluster
//! queries (for the demo cluster and for a cluster whose name needs escaping), the raw-data
//! query by id, the fleet's three, and the Exempt panel's policy-assignment lookup. `tests/kql/check.cjs` parses and analyses each with
//! Microsoft's Kusto parser (`scripts/test.sh kql`).

use aks_security_dashboard::arm::ClusterId;
use aks_security_dashboard::arm::fleet::FleetQuery;
use aks_security_dashboard::arm::policy_assignments;
use aks_security_dashboard::arm::queries::{self, QueryKind};
use aks_security_dashboard::arm::transport::demo::DemoTransport;

fn main() {
    let (_, facts) = DemoTransport::new().expect("the embedded demo parses");
    let demo = ClusterId::parse(&facts.cluster_id).expect("the demo cluster id parses");
    // ARM allows quotes and backslashes in no resource name, but the query must not break if
    // one ever comes: the literal is escaped.
    let odd = ClusterId::parse(
        r#"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"x/providers/Microsoft.ContainerService/managedClusters/aks\"name"#,
    )
    .expect("parses");
    let mut out = Vec::new();
    for (label, cluster) in [("demo", &demo), ("escaped", &odd)] {
        for kind in QueryKind::ALL {
            out.push(serde_json::json!({
                "name": format!("{kind:?} ({label})"),
                "text": kind.query(cluster).text,
            }));
        }
    }
    out.push(serde_json::json!({
        "name": "raw data by id",
        "text": queries::by_id(&format!("{demo}/providers/Microsoft.Security/assessments/56a83a6e-c417-42ec-b567-1e6fcb3d09a9")).text,
    }));
    let definitions = [
        "/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4"
            .to_string(),
        "/providers/Microsoft.Authorization/policyDefinitions/x\"y".to_string(),
    ];
    for (label, cluster) in [("demo", &demo), ("escaped", &odd)] {
        out.push(serde_json::json!({
            "name": format!("policy assignments ({label})"),
            "text": policy_assignments::query(cluster, &definitions).text,
        }));
    }
    for query in FleetQuery::ALL {
        out.push(serde_json::json!({ "name": format!("fleet {query:?}"), "text": query.text() }));
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("serializes")
    );
}
