//! The ARM client's retry and paging, against a fake transport that records waits.

mod common;

use aks_security_dashboard::arm::{ArmClient, ArmError, TransportError};
use common::{FakeTransport, response};
use futures::executor::block_on;
use serde_json::Value;
use std::time::Duration;

const LIST: &str = "/subscriptions/s/providers/Microsoft.Security/alerts?api-version=2022-01-01";

fn page(items: &[&str], next: Option<&str>) -> String {
    let value: Vec<Value> = items
        .iter()
        .map(|i| serde_json::json!({ "id": i }))
        .collect();
    let mut body = serde_json::json!({ "value": value });
    if let Some(n) = next {
        body["nextLink"] = n.into();
    }
    body.to_string()
}

fn client(
    script: Vec<Result<aks_security_dashboard::arm::ArmResponse, TransportError>>,
) -> ArmClient<FakeTransport> {
    ArmClient::new(FakeTransport::new(script), "https://management.azure.com")
}

#[test]
fn throttled_request_waits_for_retry_after_then_succeeds() {
    let c = client(vec![
        response(429, &[("Retry-After", "7")], ""),
        response(200, &[], &page(&["a"], None)),
    ]);
    let items: Vec<Value> = block_on(c.list(LIST)).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(*c.transport().sleeps.borrow(), vec![Duration::from_secs(7)]);
}

#[test]
fn throttling_on_a_later_page_is_retried_on_that_page_only() {
    let next = "https://management.azure.com/subscriptions/s/providers/Microsoft.Security/alerts?api-version=2022-01-01&$skipToken=2";
    let c = client(vec![
        response(200, &[], &page(&["a", "b"], Some(next))),
        response(429, &[("x-ms-retry-after-ms", "250")], ""),
        response(200, &[], &page(&["c"], None)),
    ]);
    let items: Vec<Value> = block_on(c.list(LIST)).unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(
        c.transport().urls()[1..],
        [next.to_string(), next.to_string()]
    );
    assert_eq!(
        *c.transport().sleeps.borrow(),
        vec![Duration::from_millis(250)]
    );
}

#[test]
fn server_errors_back_off_exponentially_and_give_up_with_the_last_error() {
    let body = r#"{"error":{"code":"ServiceUnavailable","message":"The service is unavailable"}}"#;
    let c = client((0..5).map(|_| response(503, &[], body)).collect());
    let err = block_on(c.list::<Value>(LIST)).unwrap_err();
    assert_eq!(
        err,
        ArmError::Http {
            status: 503,
            code: "ServiceUnavailable".into(),
            message: "The service is unavailable".into()
        }
    );
    let waits: Vec<u128> = c
        .transport()
        .sleeps
        .borrow()
        .iter()
        .map(Duration::as_millis)
        .collect();
    assert_eq!(waits, [800, 1600, 3200, 6400]);
}

#[test]
fn network_failure_is_retried_then_reported() {
    let mut script: Vec<_> = (0..5)
        .map(|_| Err(TransportError::Network("connection refused".into())))
        .collect();
    script[4] = response(200, &[], &page(&[], None));
    let c = client(script);
    let items: Vec<Value> = block_on(c.list(LIST)).unwrap();
    assert!(items.is_empty());
    assert_eq!(c.transport().sleeps.borrow().len(), 4);
}

#[test]
fn a_failure_in_the_middle_of_paging_fails_the_whole_list() {
    let c = client(vec![
        response(
            200,
            &[],
            &page(&["a"], Some("https://management.azure.com/next")),
        ),
        response(
            403,
            &[],
            r#"{"error":{"code":"AuthorizationFailed","message":"No access"}}"#,
        ),
    ]);
    let err = block_on(c.list::<Value>(LIST)).unwrap_err();
    assert!(err.is_forbidden(), "{err}");
}

#[test]
fn forbidden_is_not_retried() {
    let c = client(vec![response(403, &[], "")]);
    let err = block_on(c.get::<Value>("/x")).unwrap_err();
    assert!(err.is_forbidden());
    assert!(c.transport().sleeps.borrow().is_empty());
}

#[test]
fn malformed_json_is_a_decode_error_naming_the_url() {
    let c = client(vec![response(200, &[], "{\"value\": [")]);
    match block_on(c.list::<Value>(LIST)).unwrap_err() {
        ArmError::Decode { url, .. } => {
            assert!(url.starts_with("https://management.azure.com/subscriptions/s/"))
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn an_endless_paging_chain_stops_at_the_cap_and_says_so() {
    let pages = aks_security_dashboard::arm::client::MAX_PAGES;
    let c = client(
        (0..pages)
            .map(|_| {
                response(
                    200,
                    &[],
                    &page(&["a"], Some("https://management.azure.com/again")),
                )
            })
            .collect(),
    );
    match block_on(c.list::<Value>(LIST)).unwrap_err() {
        ArmError::TooManyPages { pages: n, .. } => assert_eq!(n, pages),
        other => panic!("expected TooManyPages, got {other:?}"),
    }
}

const EXPIRED: &str = r#"{"error":{"code":"ExpiredAuthenticationToken","message":"The access token expiry UTC time is earlier than current UTC time."}}"#;

fn refreshing_client(
    script: Vec<Result<aks_security_dashboard::arm::ArmResponse, TransportError>>,
    refresh_works: bool,
) -> ArmClient<FakeTransport> {
    let transport = FakeTransport {
        refresh_works,
        ..FakeTransport::new(script)
    };
    ArmClient::new(transport, "https://management.azure.com")
}

#[test]
fn a_401_refreshes_the_token_once_and_resends() {
    let c = refreshing_client(
        vec![
            response(401, &[], EXPIRED),
            response(200, &[], &page(&["a"], None)),
        ],
        true,
    );
    let items: Vec<Value> = block_on(c.list(LIST)).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(c.transport().refreshes.get(), 1);
    assert_eq!(c.transport().requests.borrow().len(), 2);
    assert!(
        c.transport().sleeps.borrow().is_empty(),
        "no backoff for a 401"
    );
}

#[test]
fn a_second_401_after_the_refresh_is_the_answer_sign_in_is_needed() {
    let c = refreshing_client(
        vec![response(401, &[], EXPIRED), response(401, &[], EXPIRED)],
        true,
    );
    let error = block_on(c.list::<Value>(LIST)).unwrap_err();
    assert!(
        matches!(error, ArmError::Http { status: 401, .. }),
        "{error}"
    );
    assert_eq!(
        c.transport().refreshes.get(),
        1,
        "refreshed once, not in a loop"
    );
    assert_eq!(c.transport().requests.borrow().len(), 2);
    assert!(error.needs_sign_in());
    assert_eq!(
        c.transport().sign_ins_required.get(),
        1,
        "the page is told to offer sign-in"
    );
}

#[test]
fn a_401_that_the_refresh_fixes_does_not_ask_for_sign_in() {
    let c = refreshing_client(
        vec![
            response(401, &[], EXPIRED),
            response(200, &[], &page(&[], None)),
        ],
        true,
    );
    block_on(c.list::<Value>(LIST)).unwrap();
    assert_eq!(c.transport().sign_ins_required.get(), 0);
}

#[test]
fn no_token_at_all_is_not_retried_and_asks_for_sign_in() {
    let c = client(vec![Err(TransportError::SignIn(
        "No access token: interaction_required".into(),
    ))]);
    let error = block_on(c.list::<Value>(LIST)).unwrap_err();
    assert_eq!(
        error,
        ArmError::SignIn("No access token: interaction_required".into())
    );
    assert!(error.needs_sign_in());
    assert_eq!(c.transport().requests.borrow().len(), 1, "not retried");
    assert!(c.transport().sleeps.borrow().is_empty());
    assert_eq!(c.transport().sign_ins_required.get(), 1);
}

#[test]
fn a_failed_refresh_gives_the_401_without_resending() {
    let c = refreshing_client(vec![response(401, &[], EXPIRED)], false);
    let error = block_on(c.list::<Value>(LIST)).unwrap_err();
    assert!(
        matches!(error, ArmError::Http { status: 401, .. }),
        "{error}"
    );
    assert_eq!(c.transport().requests.borrow().len(), 1);
    assert_eq!(c.transport().sign_ins_required.get(), 1);
}

#[test]
fn a_lone_surrogate_in_one_alert_does_not_blind_the_whole_list() {
    // The official alert, its command line carrying a lone UTF-16 surrogate escape (valid JSON
    // text, not valid Unicode): the list still decodes and the character reads as U+FFFD.
    let file = common::examples_root().join(
        "security/resource-manager/Microsoft.Security/Security/stable/2022-01-01/examples/Alerts/GetAlertResourceGroupLocation_example.json",
    );
    let example: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let mut alert = example["responses"]["200"]["body"].clone();
    alert["properties"]["alertDisplayName"] = Value::String("MARKER".into());
    let text = serde_json::to_string(&alert)
        .unwrap()
        .replace("MARKER", r"kubectl exec \ud800 -- sh");
    let c = client(vec![response(
        200,
        &[],
        &format!(r#"{{"value":[{text}]}}"#),
    )]);
    let alerts: Vec<aks_security_dashboard::arm::models::Alert> = block_on(c.list(LIST)).unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(
        alerts[0].properties.alert_display_name,
        "kubectl exec \u{fffd} -- sh"
    );
}

#[test]
fn a_next_link_on_another_origin_is_refused_and_gets_no_request() {
    for hostile in [
        "https://evil.example/subscriptions/s/providers/Microsoft.Security/alerts?$skipToken=2",
        "https://management.azure.com.evil.example/x?$skipToken=2",
        "https://management.azure.com@evil.example/x",
        "http://management.azure.com/subscriptions/s/providers/Microsoft.Security/alerts",
    ] {
        let c = client(vec![response(200, &[], &page(&["a"], Some(hostile)))]);
        let error = block_on(c.list::<Value>(LIST)).unwrap_err();
        assert!(
            matches!(error, ArmError::ForeignOrigin { .. }),
            "{hostile}: {error}"
        );
        assert_eq!(
            c.transport().requests.borrow().len(),
            1,
            "{hostile}: only the first page was sent"
        );
    }
}

#[test]
fn an_operation_url_on_another_origin_is_refused_before_any_poll() {
    use aks_security_dashboard::arm::actions::operation;
    let c = client(Vec::new());
    let started = aks_security_dashboard::arm::ArmResponse {
        status: 201,
        headers: vec![(
            "azure-asyncoperation".into(),
            "https://attacker.example/operations/1".into(),
        )],
        body: "{}".into(),
    };
    let error = block_on(operation::follow(&c, &started, "/x", |_| {})).unwrap_err();
    assert!(matches!(error, ArmError::ForeignOrigin { .. }), "{error}");
    assert!(
        c.transport().requests.borrow().is_empty(),
        "no token was sent anywhere"
    );
}

#[test]
fn requests_refused_together_cost_one_refresh_even_when_their_answers_come_apart() {
    // Both are sent with the old token and refused; the first refresh serves the second too,
    // although the second's 401 is handled only after that refresh has finished.
    let transport = FakeTransport {
        refresh_works: true,
        interleave: true,
        ..FakeTransport::new(vec![
            response(401, &[], EXPIRED),
            response(401, &[], EXPIRED),
            response(200, &[], &page(&["a"], None)),
            response(200, &[], &page(&["b"], None)),
        ])
    };
    let c = ArmClient::new(transport, "https://management.azure.com");
    let (a, b) = block_on(async { futures::join!(c.list::<Value>(LIST), c.list::<Value>(LIST)) });
    assert_eq!(a.unwrap().len() + b.unwrap().len(), 2);
    assert_eq!(c.transport().refreshes.get(), 1, "one refresh for both");
    assert_eq!(c.transport().requests.borrow().len(), 4);
    assert_eq!(c.transport().sign_ins_required.get(), 0);
}
