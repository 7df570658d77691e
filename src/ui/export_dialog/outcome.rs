//! What the export dialog shows after an export: the result and the fallbacks for a blocked
//! download.

use crate::browser::download::{self, SavedFile};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;

/// The result of one export. The file lives in the browser (a Blob); Copy and Open read it from
/// there, so the app does not keep a second copy of a large export.
#[derive(Clone)]
pub enum Outcome {
    Done {
        name: String,
        rows: usize,
        size: usize,
        millis: f64,
        file: Arc<SendWrapper<SavedFile>>,
    },
    Failed(String),
}

impl Outcome {
    /// A finished export.
    pub fn done(name: String, rows: usize, size: usize, file: SavedFile, millis: f64) -> Outcome {
        Outcome::Done {
            name,
            rows,
            size,
            millis,
            file: Arc::new(SendWrapper::new(file)),
        }
    }
}

/// The result line, and Copy CSV / Open CSV for browsers or frames that block downloads.
#[component]
pub fn OutcomeView(
    /// The export's result.
    outcome: Outcome,
) -> impl IntoView {
    let note = RwSignal::new(String::new());
    match outcome {
        Outcome::Failed(message) => view! {
            <p class="banner banner--error" role="alert">
                {message}
            </p>
        }
        .into_any(),
        Outcome::Done {
            name,
            rows,
            size,
            millis,
            file,
        } => {
            let copy_file = file.clone();
            let copy = move |_| {
                let file = copy_file.clone();
                leptos::task::spawn_local(async move {
                    note.set(match download::copy_file_text(&file).await {
                        Ok(()) => "Copied to the clipboard.".into(),
                        Err(e) => e.to_string(),
                    });
                });
            };
            let open = move |_| {
                if let Err(e) = file.open() {
                    note.set(e.to_string());
                }
            };
            view! {
                <div role="status" class="dialog__result">
                    <p>
                        {format!(
                            "Exported {name}: {rows} rows, {} KB, in {:.0} ms.",
                            size.div_ceil(1024),
                            millis,
                        )}
                    </p>
                    <p>
                        "No file in your downloads? Some browsers and embedding pages block \
                         downloads: copy or open the CSV instead."
                    </p>
                    <div class="dialog__actions">
                        <button type="button" class="button" on:click=copy>
                            "Copy CSV"
                        </button>
                        <button type="button" class="button" on:click=open>
                            "Open CSV"
                        </button>
                    </div>
                    <p>{move || note.get()}</p>
                </div>
            }
            .into_any()
        }
    }
}
