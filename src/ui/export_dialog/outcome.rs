//! What the export dialog shows after an export: the result and the fallbacks for a blocked download.

use crate::browser::download::{self, SavedFile};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;

/// The result of one export.
#[derive(Clone)]
pub enum Outcome {
    Done {
        name: String,
        rows: usize,
        size: usize,
        millis: f64,
        file: Arc<SendWrapper<Exported>>,
    },
    Failed(String),
}

/// The exported file, kept while the dialog shows it so Copy and Open still work. It holds a
/// browser object URL, so it lives behind a `SendWrapper` (the page is single-threaded).
pub struct Exported {
    text: String,
    saved: SavedFile,
}

impl Outcome {
    /// A finished export.
    pub fn done(
        name: String,
        rows: usize,
        bytes: Vec<u8>,
        saved: SavedFile,
        millis: f64,
    ) -> Outcome {
        let size = bytes.len();
        let body = bytes
            .strip_prefix(crate::domain::csv::BOM)
            .unwrap_or(&bytes);
        let text = String::from_utf8_lossy(body).into_owned();
        Outcome::Done {
            name,
            rows,
            size,
            millis,
            file: Arc::new(SendWrapper::new(Exported { text, saved })),
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
        Outcome::Failed(message) => {
            view! { <p class="banner banner--error" role="alert">{message}</p> }.into_any()
        }
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
                    note.set(match download::copy_text(&file.text).await {
                        Ok(()) => "Copied to the clipboard.".into(),
                        Err(e) => e,
                    });
                });
            };
            let open = move |_| {
                if let Err(e) = file.saved.open() {
                    note.set(e);
                }
            };
            view! {
                <div role="status" class="dialog__result">
                    <p>{format!("Downloaded {name}: {rows} rows, {} KB, in {:.0} ms.", size.div_ceil(1024), millis)}</p>
                    <p>"No file? Some browsers and embedded frames block downloads: copy or open the CSV instead."</p>
                    <div class="dialog__actions">
                        <button type="button" class="button" on:click=copy>"Copy CSV"</button>
                        <button type="button" class="button" on:click=open>"Open CSV"</button>
                    </div>
                    <p>{move || note.get()}</p>
                </div>
            }
            .into_any()
        }
    }
}
