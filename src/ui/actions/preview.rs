//! "Request preview": the exact request(s) an action sends, and the same as an `az` command.

use crate::browser::download::{DownloadError, copy_text};
use crate::domain::actions::RequestPreview;
use crate::ui::shown;
use leptos::prelude::*;

/// The first request in full, the rest by their first line; each with its `az rest` command.
#[component]
pub fn RequestsPreview(
    #[prop(into)] requests: Signal<Vec<RequestPreview>>,
    /// An `az` command that does the same (Quick Fix), shown above the REST ones.
    #[prop(optional, into)]
    az: Option<Signal<Option<String>>>,
    /// What the requests do, when the panel has more than one set (the summary names it).
    #[prop(optional)]
    what: Option<&'static str>,
) -> impl IntoView {
    view! {
        <details class="request-preview" data-testid="request-preview">
            <summary>
                {move || match (what, requests.with(Vec::len)) {
                    (Some(what), _) => format!("Request preview: {what}"),
                    (None, 0) => "Request preview".to_string(),
                    (None, 1) => "Request preview (1 request)".to_string(),
                    (None, n) => format!("Request preview ({n} requests, one per item)"),
                }}
            </summary>
            {az
                .map(|az| move || {
                    az.get()
                        .map(|command| {
                            view! {
                                <h3 class="request-preview__title">"Azure CLI"</h3>
                                <CopyableCode text=command />
                            }
                        })
                })}
            {move || {
                requests
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let headers = r
                            .headers
                            .iter()
                            .map(|(k, v)| format!("{k}: {v}\n"))
                            .collect::<String>();
                        let full = format!(
                            "{}\n{headers}{}",
                            r.line(),
                            r.body.clone().map(|b| format!("\n{b}")).unwrap_or_default(),
                        );
                        let az = r.az_rest();
                        view! {
                            <div class="request-preview__item">
                                {if i == 0 {
                                    view! {
                                        <h3 class="request-preview__title">"HTTP"</h3>
                                        <CopyableCode text=full />
                                    }
                                        .into_any()
                                } else {
                                    view! { <code class="request-preview__line">{r.line()}</code> }
                                        .into_any()
                                }}
                                {(i == 0)
                                    .then(|| {
                                        view! {
                                            <h3 class="request-preview__title">"az rest"</h3>
                                            <CopyableCode text=az />
                                        }
                                    })}
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </details>
    }
}

/// Preformatted text with a Copy button that says whether it worked.
#[component]
pub fn CopyableCode(text: String) -> impl IntoView {
    let copied = RwSignal::new(None::<Result<(), DownloadError>>);
    let to_copy = StoredValue::new(text.clone());
    view! {
        <div class="copyable">
            // Shown with hidden characters written out; Copy gives the exact text.
            <pre class="copyable__text">{shown(&text)}</pre>
            <button
                type="button"
                class="button button--subtle copyable__button"
                on:click=move |_| {
                    let text = to_copy.get_value();
                    leptos::task::spawn_local(async move {
                        copied.set(Some(copy_text(&text).await))
                    });
                }
            >
                "Copy"
            </button>
            <span class="copyable__status" role="status">
                {move || match copied.get() {
                    Some(Ok(())) => "Copied".to_string(),
                    Some(Err(e)) => e.to_string(),
                    None => String::new(),
                }}
            </span>
        </div>
    }
}
