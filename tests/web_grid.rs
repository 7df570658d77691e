//! The findings grid in a real browser: virtualization at 50,000 rows, sorting, search,
//! keyboard navigation and selection.
#![cfg(target_arch = "wasm32")]

use aks_security_dashboard::domain::Level;
use aks_security_dashboard::domain::grid::{Row, Table, TableKind, ViewQuery};
use aks_security_dashboard::state::{Shared, ViewState};
use aks_security_dashboard::ui::grid::FindingsGrid;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{HtmlElement, HtmlInputElement};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `n` vulnerability findings; CVSS cycles 0.0–9.9 so sorting has something to do.
fn findings(n: usize) -> Table {
    let rows = (0..n)
        .map(|i| {
            let level = Level::ALL[i % 4];
            let cells = vec![
                level.label().to_string(),
                format!("CVE-2024-{i:05}"),
                format!("registry.example/app-{}:1.{}", i % 97, i % 7),
                format!("pkg-{}", i % 31),
                "1.0.0".into(),
                "1.0.1".into(),
                format!("{:.1}", (i % 100) as f64 / 10.0),
                "Fix available".into(),
                "None known".into(),
                "Unhealthy".into(),
                "2026-11-20".into(),
            ];
            Row::new(format!("finding-{i}"), level, cells, "", Vec::new())
        })
        .collect();
    Table::new(TableKind::VulnerabilityFindings, rows)
}

struct Mounted {
    root: HtmlElement,
    state: ViewState,
}

/// The test page has no stylesheet: give the viewport and rows the sizes style/grid.css gives
/// them, so scrolling behaves as in the app.
fn style_page() {
    let document = document();
    if document.get_element_by_id("grid-test-style").is_some() {
        return;
    }
    let style = document.create_element("style").unwrap();
    style.set_id("grid-test-style");
    style.set_text_content(Some(
        ".grid__viewport { height: 600px; overflow: auto; } \
         .grid { table-layout: fixed; border-spacing: 0; } \
         .grid th, .grid td { height: 36px; padding: 0; white-space: nowrap; overflow: hidden; } \
         .grid thead th { position: sticky; top: 0; }",
    ));
    document.head().unwrap().append_child(&style).unwrap();
}

async fn mount(table: Table) -> Mounted {
    style_page();
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let captured: Rc<Cell<Option<ViewState>>> = Rc::default();
    let out = captured.clone();
    let handle = mount_to(root.clone(), move || {
        let state = ViewState::from_view(ViewQuery {
            tab: aks_security_dashboard::domain::FindingType::Vulnerability,
            pivot: aks_security_dashboard::domain::grid::VulnPivot::Findings,
            ..ViewQuery::default()
        });
        provide_context(state);
        out.set(Some(state));
        let table = Shared::new(table.clone());
        let table = Memo::new(move |_| table.clone());
        let shown = Memo::new(move |_| {
            let query = state.query();
            table.with(|t| Shared::new(query.apply(t)))
        });
        view! { <FindingsGrid table=table shown=shown caption="Findings" no_data="Nothing" /> }
    });
    handle.forget();
    settle().await;
    Mounted {
        root,
        state: captured.get().unwrap(),
    }
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    // Row focus and scroll corrections run in animation frames.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }
    fn one(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into()
    }
    fn first_cell(&self, column: usize) -> String {
        self.all("tr.grid__row")[0]
            .children()
            .item(column as u32 + 1)
            .unwrap()
            .text_content()
            .unwrap()
    }
    fn key(&self, target: &HtmlElement, key: &str) {
        let init = leptos::web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            leptos::web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
                .unwrap();
        target.dispatch_event(&event).unwrap();
    }
}

#[wasm_bindgen_test]
async fn fifty_thousand_rows_keep_only_the_visible_window_in_the_dom() {
    let grid = mount(findings(50_000)).await;
    let table = grid.one("table.grid");
    assert_eq!(table.get_attribute("aria-rowcount").unwrap(), "50001");
    let rows = grid.all("tr.grid__row");
    assert!(
        !rows.is_empty() && rows.len() <= 72,
        "{} rows in the DOM",
        rows.len()
    );
    assert_eq!(
        grid.one("[data-testid='row-count']")
            .text_content()
            .unwrap(),
        "50000 items"
    );

    let viewport = grid.one(".grid__viewport");
    viewport.set_scroll_top(36 * 25_000);
    viewport
        .dispatch_event(&leptos::web_sys::Event::new("scroll").unwrap())
        .unwrap();
    settle().await;
    let positions: Vec<usize> = grid
        .all("tr.grid__row")
        .iter()
        .map(|r| r.get_attribute("data-pos").unwrap().parse().unwrap())
        .collect();
    assert!(positions.len() <= 72);
    assert!(
        positions.iter().any(|&p| (24_990..25_010).contains(&p)),
        "rows around 25,000 are rendered after scrolling: {:?}..{:?}",
        positions.first(),
        positions.last()
    );
}

#[wasm_bindgen_test]
async fn header_click_sorts_and_search_narrows_the_count() {
    let grid = mount(findings(2_000)).await;
    let cvss = grid
        .all("th button.grid__sort")
        .into_iter()
        .find(|b| b.text_content().unwrap().starts_with("CVSS"))
        .unwrap();
    cvss.click();
    settle().await;
    assert_eq!(grid.first_cell(6), "9.9", "numbers sort largest first");
    assert_eq!(
        cvss.parent_element()
            .unwrap()
            .get_attribute("aria-sort")
            .unwrap(),
        "descending"
    );

    let search: HtmlInputElement = grid.one("input[type='search']").unchecked_into();
    search.set_value("CVE-2024-00199");
    search
        .dispatch_event(&leptos::web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        grid.one("[data-testid='row-count']")
            .text_content()
            .unwrap(),
        "Showing 1 of 2000 items"
    );
    assert_eq!(grid.first_cell(1), "CVE-2024-00199");
}

#[wasm_bindgen_test]
async fn arrows_move_the_cursor_space_selects_and_enter_opens() {
    let grid = mount(findings(500)).await;
    let body = grid.one("tbody");
    grid.key(&body, "ArrowDown");
    grid.key(&body, "ArrowDown");
    settle().await;
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("data-pos").as_deref(), Some("2"));
    grid.key(&body, " ");
    settle().await;
    assert_eq!(
        grid.one("[data-testid='selected-count']")
            .text_content()
            .unwrap(),
        "1 item selected"
    );
    assert_eq!(grid.all("tr[aria-selected='true']").len(), 1);
    grid.key(&body, "End");
    grid.key(&body, "Enter");
    settle().await;
    assert_eq!(
        grid.state.open.get_untracked().as_deref(),
        Some("finding-499")
    );
    let last = document().active_element().unwrap();
    assert_eq!(last.get_attribute("data-pos").as_deref(), Some("499"));
}

#[wasm_bindgen_test]
async fn a_new_search_result_starts_at_the_top_even_when_scrolled_down() {
    // Regression: the rendered window went back to row 0 but the viewport stayed scrolled down,
    // showing blank space until the next scroll.
    let grid = mount(findings(20_000)).await;
    let viewport = grid.one(".grid__viewport");
    viewport.set_scroll_top(36 * 10_000);
    viewport
        .dispatch_event(&leptos::web_sys::Event::new("scroll").unwrap())
        .unwrap();
    settle().await;
    let search: HtmlInputElement = grid.one("input[type='search']").unchecked_into();
    search.set_value("CVE-2024-1");
    search
        .dispatch_event(&leptos::web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(viewport.scroll_top(), 0);
    assert_eq!(
        grid.all("tr.grid__row")[0]
            .get_attribute("data-pos")
            .as_deref(),
        Some("0")
    );
}
