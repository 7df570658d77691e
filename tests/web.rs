//! Components in a real browser (headless Chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use aks_security_dashboard::App;
use aks_security_dashboard::domain::grid::VulnPivot;
use aks_security_dashboard::domain::{FindingType, Level, RatingBasis, Summary, SummaryRow};
use aks_security_dashboard::state::ViewState;
use aks_security_dashboard::ui::summary_bar::SummaryBar;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::HtmlElement;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let document = document();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn by_test_id(root: &HtmlElement, id: &str) -> HtmlElement {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn summary_bar_shows_counts_and_a_click_opens_the_tab_filtered_to_that_level() {
    let summary = Summary {
        rows: vec![
            SummaryRow {
                finding_type: FindingType::Alert,
                basis: RatingBasis::Severity,
                counts: vec![(Level::High, 2)],
            },
            SummaryRow {
                finding_type: FindingType::Vulnerability,
                basis: RatingBasis::Severity,
                counts: vec![(Level::Critical, 7), (Level::Low, 1)],
            },
        ],
    };
    let root = container();
    let state: Rc<Cell<Option<ViewState>>> = Rc::default();
    let captured = state.clone();
    let _handle = mount_to(root.clone(), move || {
        // Not `provide()`: that would write the view into this test page's URL, and the next
        // test's App reads its starting view from there.
        let state = ViewState::from_view(Default::default());
        provide_context(state);
        captured.set(Some(state));
        view! {
            <SummaryBar
                summary=summary
                incomplete=Default::default()
                exempted=2
                exempted_tab=FindingType::Misconfiguration
            />
        }
    });
    let state = state.get().unwrap();

    assert_eq!(
        by_test_id(&root, "total-vulnerability")
            .text_content()
            .unwrap(),
        "8"
    );
    let critical = by_test_id(&root, "count-vulnerability-critical");
    assert_eq!(
        critical.text_content().unwrap(),
        "7 Critical Vulnerability assessment"
    );
    assert!(
        root.query_selector("[data-testid='count-vulnerability-high']")
            .unwrap()
            .is_none(),
        "empty levels are not shown"
    );

    critical.click();
    leptos::task::tick().await;
    assert_eq!(state.tab.get_untracked(), FindingType::Vulnerability);
    assert_eq!(state.pivot.get_untracked(), VulnPivot::Findings);
    let query = untrack(|| state.query());
    assert_eq!(query.filters["level"], ["Critical".to_string()].into());
}

#[wasm_bindgen_test]
async fn app_loads_the_demo_cluster_and_switches_tabs_with_the_keyboard() {
    let root = container();
    let _handle = mount_to(root.clone(), App);
    // The demo transport answers on later tasks, as a network would: wait up to 10 s.
    for _ in 0..500 {
        if root.query_selector("h1").unwrap().is_some() {
            break;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    let title = root
        .query_selector("h1")
        .unwrap()
        .expect("the dashboard rendered");
    assert_eq!(title.text_content().unwrap(), "aks-payments-prod-weu");
    let selected = || {
        root.query_selector("[role='tab'][aria-selected='true']")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(selected(), "Security alerts");

    let tab: HtmlElement = root
        .query_selector("[role='tab']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let init = leptos::web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event = leptos::web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .unwrap();
    tab.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    assert_eq!(selected(), "Vulnerability assessment");
}

/// The demo ARM with alert reads forbidden, as for a user without Security Reader on alerts.
struct AlertsForbidden(aks_security_dashboard::arm::transport::demo::DemoTransport);

impl aks_security_dashboard::arm::Transport for AlertsForbidden {
    async fn send(
        &self,
        request: &aks_security_dashboard::arm::ArmRequest,
    ) -> Result<aks_security_dashboard::arm::ArmResponse, aks_security_dashboard::arm::TransportError>
    {
        // The alerts are read by their Resource Graph query.
        let alerts_query = request.body.as_deref().is_some_and(|b| {
            b.contains(aks_security_dashboard::arm::queries::ALERTS)
                && !b.contains(aks_security_dashboard::arm::queries::ASSESSMENTS)
        });
        if alerts_query {
            return Ok(aks_security_dashboard::arm::ArmResponse {
                status: 403,
                headers: Vec::new(),
                body:
                    r#"{"error":{"code":"AuthorizationFailed","message":"No access to alerts."}}"#
                        .into(),
            });
        }
        self.0.send(request).await
    }
    async fn sleep(&self, _: std::time::Duration) {}
}

#[wasm_bindgen_test]
async fn a_failed_source_shows_its_error_in_its_own_tab_and_the_rest_still_works() {
    use aks_security_dashboard::arm::transport::demo::DemoTransport;
    use aks_security_dashboard::arm::{ArmClient, ClusterId};
    use aks_security_dashboard::ui::Dashboard;
    let (demo, facts) = DemoTransport::new().unwrap();
    let cluster = ClusterId::parse(&facts.cluster_id).unwrap();
    let client = ArmClient::new(AlertsForbidden(demo), "https://management.azure.com");
    let data = std::sync::Arc::new(
        aks_security_dashboard::state::load_cluster(&client, &cluster)
            .await
            .unwrap(),
    );
    let actions_client = ArmClient::new(
        aks_security_dashboard::arm::transport::any::AnyTransport::new(
            client.transport().0.clone(),
        ),
        "https://management.azure.com",
    );
    let root = container();
    let retried = Rc::new(Cell::new(0));
    let count = retried.clone();
    let _handle = mount_to(root.clone(), move || {
        provide_context(ViewState::from_view(Default::default()));
        let count = count.clone();
        let on_refresh = send_wrapper::SendWrapper::new(move || count.set(count.get() + 1));
        view! {
            <Dashboard
                data=data
                client=actions_client.clone()
                cluster=cluster.clone()
                source=aks_security_dashboard::ui::header::DataSourceLabel::Demo
                refreshing=Signal::stored(false)
                on_refresh=move || on_refresh()
            />
        }
    });
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Incomplete: some data could not be read"),
        "{text}"
    );
    let alert = root
        .query_selector(".tab-panel [role='alert']")
        .unwrap()
        .expect("the alerts tab shows its error");
    assert!(alert.text_content().unwrap().contains(
        "Security alerts could not be read: No access to alerts. (HTTP 403, AuthorizationFailed)"
    ));
    let retry: HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    retry.click();
    assert_eq!(retried.get(), 1, "Retry reloads");

    let vulnerabilities: HtmlElement = root
        .query_selector("#tab-vulnerability")
        .unwrap()
        .unwrap()
        .unchecked_into();
    vulnerabilities.click();
    leptos::task::tick().await;
    assert!(
        root.query_selector(".tab-panel [role='alert']")
            .unwrap()
            .is_none(),
        "the other tabs are complete"
    );
    assert!(root.query_selector_all("tr.grid__row").unwrap().length() > 0);
}

#[wasm_bindgen_test]
async fn a_crash_shows_a_reload_link_and_copyable_details_as_text() {
    // The panic hook's screen; a panic itself would end the test run (wasm aborts).
    let details = "panicked at src/x.rs:1:1: <img src=x onerror=alert(1)>";
    aks_security_dashboard::browser::crash::show(details);
    let screen = document()
        .query_selector(".crash[role='alertdialog']")
        .unwrap()
        .expect("the crash screen");
    assert!(
        screen.query_selector("img").unwrap().is_none(),
        "the message is text, not markup"
    );
    let reload = screen.query_selector("a").unwrap().unwrap();
    assert_eq!(reload.text_content().unwrap(), "Reload");
    assert_eq!(
        reload.get_attribute("href").unwrap(),
        window().location().href().unwrap()
    );
    let area: leptos::web_sys::HtmlTextAreaElement = screen
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(area.value(), details);
    assert!(area.read_only());
    screen.remove();
}
