//! "Download CSV report": the whole cluster or the current view, plain or for Excel.

mod outcome;

use crate::browser::{clock, download};
use crate::domain::csv::{CsvOptions, file_name, report_findings};
use crate::domain::grid::{describe, view_findings};
use crate::domain::{ClusterData, FindingRef};
use crate::state::ViewState;
use crate::state::export::export_csv;
use crate::ui::lazy::{deferred, lazy_part};
use leptos::prelude::*;
use outcome::{Outcome, OutcomeView};
use std::sync::Arc;

/// The export dialog as the dashboard mounts it: a lazy part (with the CSV writer), mounted from
/// its first opening on, so it keeps its choices and a running export when closed, as it did when
/// it was always mounted.
#[component]
pub fn LazyExportDialog(
    /// The cluster on screen (updated in place by actions).
    data: RwSignal<Arc<ClusterData>>,
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// A refresh is in progress: the data on screen is about to be replaced.
    refreshing: Signal<bool>,
) -> impl IntoView {
    let wanted = Memo::new(move |was: Option<&bool>| was == Some(&true) || open.get());
    move || {
        wanted.get().then(|| {
            deferred(
                "the CSV report dialog",
                load_export,
                move |status| waiting(open, status),
                move |show| show(data, open, refreshing),
            )
        })
    }
}

type Export = fn(RwSignal<Arc<ClusterData>>, RwSignal<bool>, Signal<bool>) -> AnyView;
lazy_part!(load_export, export_part -> Export = export_dialog);

fn export_dialog(
    data: RwSignal<Arc<ClusterData>>,
    open: RwSignal<bool>,
    refreshing: Signal<bool>,
) -> AnyView {
    view! { <ExportDialog data=data open=open refreshing=refreshing /> }.into_any()
}

/// While the dialog downloads (or if it cannot): a dialog of the same title that says so, and
/// closes as the dialog does.
fn waiting(open: RwSignal<bool>, status: AnyView) -> AnyView {
    let close = Callback::new(move |()| open.set(false));
    view! {
        <div hidden=move || !open.get()>
            <Frame on_escape=close>
                {status} <button type="button" class="button" on:click=move |_| close.run(())>
                    "Close"
                </button>
            </Frame>
        </div>
    }
    .into_any()
}

/// The dialog's frame, shared by the dialog and its stand-in while it downloads: backdrop,
/// title, and Escape.
#[component]
fn Frame(on_escape: Callback<()>, children: Children) -> impl IntoView {
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="export-title"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_escape.run(())
                    }
                }
            >
                <h2 id="export-title" class="dialog__title">
                    "Download CSV report"
                </h2>
                {children()}
            </div>
        </div>
    }
}

/// The export dialog. It never closes by itself, so the fallback buttons stay reachable.
#[component]
pub fn ExportDialog(
    /// The cluster on screen (updated in place by actions).
    data: RwSignal<Arc<ClusterData>>,
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// A refresh is in progress: the data on screen is about to be replaced.
    refreshing: Signal<bool>,
) -> impl IntoView {
    let view_state = ViewState::expect();
    let whole = RwSignal::new(true);
    let excel = RwSignal::new(false);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = move || progress.get().is_some();
    let partial = data.with_untracked(|data| {
        (!data.issues.tabs.is_empty()).then(|| {
            let tabs: Vec<&str> = data.issues.tabs.keys().map(|t| t.tab_label()).collect();
            tabs.join(", ")
        })
    });
    let is_partial = partial.is_some();
    // Copy, so the dialog's markup can be built again each time it opens.
    let partial = StoredValue::new(partial);
    // Memos: the whole report's size depends only on the data, the view's on tab and level;
    // each is counted once per change, not once per label render.
    let whole_count = Memo::new(move |_| data.with(|d| report_findings(d).len()));
    let view_count = Memo::new(move |_| {
        let view = view_state.view_query();
        data.with(|d| view_findings(d, &view).len())
    });
    let view_label = move || format!("Current view: {}", describe(&view_state.view_query()));
    let start = move |_| {
        let data = data.get_untracked();
        let view = view_state.view_query_untracked();
        let (whole, options, stale) = (
            whole.get_untracked(),
            CsvOptions {
                excel: excel.get_untracked(),
                as_of: data.today,
            },
            refreshing.get_untracked(),
        );
        outcome.set(None);
        progress.set(Some((0, 0)));
        leptos::task::spawn_local(async move {
            let findings: Vec<FindingRef> = if whole {
                report_findings(&data)
            } else {
                view_findings(&data, &view)
            };
            let scope = (!whole).then(|| match view.grid.is_default() {
                true => view.tab.as_str().to_string(),
                false => format!("{}-filtered", view.tab.as_str()),
            });
            let name = file_name(
                &data.cluster.name,
                scope.as_deref(),
                match (is_partial, stale) {
                    (true, true) => Some("partial-before-refresh"),
                    (true, false) => Some("partial"),
                    (false, true) => Some("before-refresh"),
                    (false, false) => None,
                },
                &clock::utc_compact_now(),
            );
            let started = clock::now_millis();
            let result = export_csv(&findings, options, |done, total| {
                progress.set(Some((done, total)))
            })
            .await;
            let millis = clock::now_millis() - started;
            progress.set(None);
            // The Blob takes the bytes; the wasm buffer is dropped here, so a large export is held
            // once (by the browser) while the dialog offers Copy and Open.
            let saved = result.and_then(|bytes| {
                download::download(&bytes, &name, "text/csv;charset=utf-8")
                    .map(|file| (bytes.len(), file))
                    .map_err(|e| e.to_string())
            });
            outcome.set(Some(match saved {
                Ok((size, file)) => Outcome::done(name, findings.len(), size, file, millis),
                Err(message) => Outcome::Failed(message),
            }));
        });
    };
    let close = move || {
        if !busy() {
            open.set(false);
            outcome.set(None);
        }
    };
    view! {
        <Show when=move || open.get()>
            <Frame on_escape=Callback::new(move |()| close())>
                <fieldset class="dialog__field">
                    <legend>"Rows"</legend>
                    <label>
                        <input
                            type="radio"
                            name="export-scope"
                            autofocus
                            prop:checked=move || whole.get()
                            on:change=move |_| whole.set(true)
                        />
                        {move || {
                            format!("Whole cluster report ({} findings)", whole_count.get())
                        }}
                    </label>
                    <label>
                        <input
                            type="radio"
                            name="export-scope"
                            prop:checked=move || !whole.get()
                            on:change=move |_| whole.set(false)
                        />
                        {move || format!("{} ({} findings)", view_label(), view_count.get())}
                    </label>
                </fieldset>
                <label class="dialog__field">
                    <input
                        type="checkbox"
                        prop:checked=move || excel.get()
                        on:change=move |ev| excel.set(event_target_checked(&ev))
                    />
                    "For Excel (UTF-8 BOM, formula protection, cells cut at 32,767 characters)"
                </label>
                {partial
                    .get_value()
                    .map(|tabs| {
                        view! {
                            <p class="banner banner--warning" role="status">
                                {format!(
                                    "Partial report: some data could not be read ({tabs}). The \
                                         file name says partial.",
                                )}
                            </p>
                        }
                    })}
                <Show when=move || refreshing.get()>
                    <p class="banner banner--warning" role="status">
                        "The data is being refreshed. Wait for it, or export the data on \
                         screen now (the file name will say before-refresh)."
                    </p>
                </Show>
                {move || {
                    progress
                        .get()
                        .map(|(done, total)| {
                            view! {
                                <p role="status">
                                    <progress max=total.max(1) value=done></progress>
                                    {format!(" Exporting {done} of {total} rows…")}
                                </p>
                            }
                        })
                }}
                {move || outcome.get().map(|o| view! { <OutcomeView outcome=o /> })}
                <div class="dialog__actions">
                    <button
                        type="button"
                        class="button button--primary"
                        disabled=busy
                        on:click=start
                    >
                        "Download"
                    </button>
                    <button type="button" class="button" disabled=busy on:click=move |_| close()>
                        "Close"
                    </button>
                </div>
            </Frame>
        </Show>
    }
}
