//! Resource Graph paging against the official examples: the query is repeated with the
//! response's `$skipToken` until there is none, and every page carries the same query.

mod common;

use aks_security_dashboard::arm::ArmClient;
use aks_security_dashboard::arm::graph::{self, GraphQuery};
use common::FakeTransport;

fn example_body(name: &str) -> String {
    let path = common::examples_root().join(format!(
        "resourcegraph/resource-manager/Microsoft.ResourceGraph/stable/2024-04-01/examples/{name}"
    ));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["responses"]["200"]["body"].to_string()
}

/// The official examples' query (ResourcesFirstPageQuery.json).
const EXAMPLE_QUERY: &str =
    "Resources | where name contains 'test' | project id, name, type, location";

#[derive(Debug, serde::Deserialize)]
struct Row {
    id: String,
}

#[test]
fn follows_skip_tokens_and_repeats_the_same_query() {
    let last_page = last_page();
    let transport = FakeTransport::new(vec![
        common::response(200, &[], &example_body("ResourcesFirstPageQuery.json")),
        common::response(200, &[], &example_body("ResourcesNextPageQuery.json")),
        common::response(200, &[], &last_page.to_string()),
    ]);
    let client = ArmClient::new(transport, "https://management.azure.com");
    let rows: Vec<Row> =
        futures::executor::block_on(graph::query(&client, &GraphQuery::tenant(EXAMPLE_QUERY)))
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
        assert_eq!(b["query"], EXAMPLE_QUERY);
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
        &GraphQuery::tenant(EXAMPLE_QUERY),
    ))
    .unwrap_err();
    assert!(error.is_forbidden(), "{error}");
}

fn page(body: &serde_json::Value) -> String {
    body.to_string()
}

/// The official first page without its `$skipToken`: a last page.
fn last_page() -> serde_json::Value {
    let mut last: serde_json::Value =
        serde_json::from_str(&example_body("ResourcesFirstPageQuery.json")).unwrap();
    last.as_object_mut().unwrap().remove("$skipToken");
    last
}

#[test]
fn a_spent_quota_makes_the_next_query_wait_for_the_reset() {
    let last = last_page();
    let spent = [
        ("x-ms-user-quota-remaining", "0"),
        ("x-ms-user-quota-resets-after", "00:00:04"),
    ];
    let transport = FakeTransport::new(vec![
        common::response(200, &spent, &page(&last)),
        common::response(200, &[("x-ms-user-quota-remaining", "14")], &page(&last)),
    ]);
    let client = ArmClient::new(transport, "https://management.azure.com");
    let q = GraphQuery::tenant(EXAMPLE_QUERY);
    futures::executor::block_on(graph::query::<_, Row>(&client, &q)).unwrap();
    assert!(
        client.transport().sleeps.borrow().is_empty(),
        "quota left: no wait"
    );
    futures::executor::block_on(graph::query::<_, Row>(&client, &q)).unwrap();
    assert_eq!(
        *client.transport().sleeps.borrow(),
        [std::time::Duration::from_secs(4)],
        "the second query waited out the window the first one spent"
    );
}

#[test]
fn a_throttled_query_is_retried_after_the_quota_reset() {
    let last = last_page();
    let transport = FakeTransport::new(vec![
        common::response(
            429,
            &[
                ("x-ms-user-quota-remaining", "0"),
                ("x-ms-user-quota-resets-after", "00:00:02"),
            ],
            r#"{"error":{"code":"RateLimiting","message":"Please provide below info when asking for support"}}"#,
        ),
        common::response(200, &[], &page(&last)),
    ]);
    let client = ArmClient::new(transport, "https://management.azure.com");
    let rows: Vec<Row> =
        futures::executor::block_on(graph::query(&client, &GraphQuery::tenant(EXAMPLE_QUERY)))
            .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        *client.transport().sleeps.borrow(),
        [std::time::Duration::from_secs(2)]
    );
}

#[test]
fn a_truncated_result_without_a_token_is_an_error_not_a_short_list() {
    let mut cut = last_page();
    cut["resultTruncated"] = "true".into();
    let transport = FakeTransport::new(vec![common::response(200, &[], &page(&cut))]);
    let client = ArmClient::new(transport, "https://management.azure.com");
    let error = futures::executor::block_on(graph::query::<_, Row>(
        &client,
        &GraphQuery::tenant(EXAMPLE_QUERY),
    ))
    .unwrap_err();
    assert!(error.to_string().contains("incomplete"), "{error}");
}

#[test]
fn subscriptions_and_the_graph_endpoint_go_into_the_request() {
    let last = last_page();
    let transport = FakeTransport::new(vec![common::response(200, &[], &page(&last))]);
    let client = ArmClient::new(transport, "https://management.usgovcloudapi.net")
        .with_graph_endpoint("https://management.usgovcloudapi.net/");
    let q = GraphQuery {
        text: EXAMPLE_QUERY.into(),
        subscriptions: vec!["3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40".into()],
        ..GraphQuery::default()
    };
    futures::executor::block_on(graph::query::<_, Row>(&client, &q)).unwrap();
    let requests = client.transport().requests.borrow();
    let body: serde_json::Value =
        serde_json::from_str(requests[0].body.as_deref().unwrap()).unwrap();
    assert_eq!(
        body["subscriptions"],
        serde_json::json!(["3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40"])
    );
    assert_eq!(body["options"]["$top"], 1000);
    assert!(
        requests[0]
            .url
            .starts_with("https://management.usgovcloudapi.net/providers/Microsoft.ResourceGraph/")
    );
}
