//! "Raw data" in a details pane: the Resource Graph row a finding was mapped from, read when the
//! section is opened, shown as text (never as markup), with the query that read it.

use crate::domain::links;
use crate::state::raw::{self, RawData};
use crate::state::session::Session;
use crate::ui::actions::CopyableCode;
use leptos::prelude::*;

/// The raw data of the resource `id`, read when first opened.
#[component]
pub fn RawDataSection(id: String, portal: String) -> impl IntoView {
    let actions = Session::expect();
    let id = raw::source_id(&id).to_string();
    let read = Action::new_local(move |id: &String| {
        let (client, id) = (actions.client(), id.clone());
        async move { raw::read(&client, &id).await }
    });
    let shown = RwSignal::new(false);
    let toggle = move |_| {
        shown.update(|s| *s = !*s);
        // Read once, when first shown; again only after a failure.
        let failed = read.value().with_untracked(|v| matches!(v, Some(Err(_))));
        let unread = read.value().with_untracked(Option::is_none);
        if shown.get_untracked() && (unread || failed) && !read.pending().get_untracked() {
            read.dispatch(id.clone());
        }
    };
    let body = move || match shown.get().then(|| read.value().get()).flatten() {
        None if shown.get() && read.pending().get() => {
            view! { <p role="status">"Reading…"</p> }.into_any()
        }
        None => ().into_any(),
        Some(Err(e)) => view! {
            <p class="pane__error" role="alert">
                {e}
            </p>
        }
        .into_any(),
        Some(Ok(RawData { query, json })) => {
            let explorer = links::resource_graph_explorer(&portal, &query);
            let json = match json {
                Some(j) => view! { <CopyableCode text=j /> }.into_any(),
                None => view! {
                    <p>
                        "Resource Graph has no row with this id (it may not have caught \
                        up yet)."
                    </p>
                }
                .into_any(),
            };
            view! {
                {json}
                <p>"Read with:"</p>
                <CopyableCode text=query />
                <a href=explorer target="_blank" rel="noopener noreferrer">
                    "Open in Resource Graph Explorer"
                </a>
            }
            .into_any()
        }
    };
    view! {
        <section class="pane__section pane__raw">
            <h3 class="pane__heading">"Raw data"</h3>
            <button
                type="button"
                class="button button--subtle"
                aria-expanded=move || shown.get().to_string()
                on:click=toggle
            >
                {move || if shown.get() { "Hide raw JSON" } else { "Show raw JSON" }}
            </button>
            {body}
        </section>
    }
}
