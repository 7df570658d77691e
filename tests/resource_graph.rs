//! Resource Graph paging against the official examples: the query is repeated with the
//! response's `$skipToken` until there is none, and every page carries the same query.

mod common;

use aks_security_dashboard::arm::ArmClient;
use aks_security_dashboard::arm::graph::{self, CLUSTERS_QUERY};
use common::FakeTransport;

fn example_body(name: &str) -> String {
    let path = common::examples_root().join(format!(
        "resourcegraph/resource-manager/Microsoft.ResourceGraph/stable/2024-04-01/examples/{name}"
    ));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["responses"]["200"]["body"].to_string()
}

#[derive(Debug, serde::Deserialize)]
struct Row {
    id: String,
}

#[test]
fn follows_skip_tokens_and_repeats_the_same_query() {
    let mut last_page: serde_json::Value =
        serde_json::from_str(&example_body("ResourcesFirstPageQuery.json")).unwrap();
    last_page.as_object_mut().unwrap().remove("$skipToken");
    let transport = FakeTransport::new(vec![
        common::response(200, &[], &example_body("ResourcesFirstPageQuery.json")),
        common::response(200, &[], &example_body("ResourcesNextPageQuery.json")),
        common::response(200, &[], &last_page.to_string()),
    ]);
    let client = ArmClient::new(transport, "https://management.azure.com");
    let rows: Vec<Row> = futures::executor::block_on(graph::query(
        &client,
        "https://management.azure.com",
        CLUSTERS_QUERY,
    ))
    .unwrap();
    assert_eq!(rows.len(), 9, "three pages of three rows");
    assert!(rows.iter().all(|r| r.id.starts_with("/subscriptions/")));
    let requests = client.transport().requests.borrow();
    assert_eq!(requests.len(), 3);
    let bodies: Vec<serde_json::Value> = requests
        .iter()
        .map(|r| serde_json::from_str(r.body.as_deref().unwrap()).unwrap())
        .collect();
    for (r, b) in requests.iter().zip(&bodies) {
        assert_eq!(
            r.url,
            "https://management.azure.com/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01"
        );
        assert_eq!(r.method.as_str(), "POST");
        assert_eq!(b["query"], CLUSTERS_QUERY);
        assert_eq!(b["options"]["resultFormat"], "objectArray");
    }
    assert!(
        bodies[0]["options"].get("$skipToken").is_none(),
        "the first page has no token"
    );
    let first: serde_json::Value =
        serde_json::from_str(&example_body("ResourcesFirstPageQuery.json")).unwrap();
    assert_eq!(bodies[1]["options"]["$skipToken"], first["$skipToken"]);
}

#[test]
fn a_failed_page_fails_the_whole_list() {
    let transport = FakeTransport::new(vec![
        common::response(200, &[], &example_body("ResourcesFirstPageQuery.json")),
        common::response(
            403,
            &[],
            r#"{"error":{"code":"AuthorizationFailed","message":"No read access."}}"#,
        ),
    ]);
    let client = ArmClient::new(transport, "https://management.azure.com");
    let error = futures::executor::block_on(graph::query::<_, Row>(
        &client,
        "https://management.azure.com",
        CLUSTERS_QUERY,
    ))
    .unwrap_err();
    assert!(error.is_forbidden(), "{error}");
}
