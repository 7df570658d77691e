//! The side panel every action opens in, as the Azure portal's context panes: from the right,
//! modal, titled, closed by its ✕ or Escape, focus moved in on open.

use crate::browser::focus;
use leptos::prelude::*;

/// A titled side panel; `footer` holds its own buttons (primary first), and a Close button
/// always ends it. It knows nothing of the app: `on_close` is what Close, ✕ and Escape do.
#[component]
pub fn SidePanel(
    #[prop(into)] title: String,
    on_close: Callback<()>,
    /// The panel's own buttons at the bottom (primary first); Close follows them.
    #[prop(optional, into)]
    footer: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    focus::focus_id_later("panel-title");
    // On the window, not the panel: a button that disables itself while its request runs drops
    // focus to the body, and Escape must still close the panel then.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <div class="panel-backdrop">
            <aside class="panel" role="dialog" aria-modal="true" aria-labelledby="panel-title">
                <header class="panel__header">
                    <h2 id="panel-title" class="panel__title" tabindex="-1">
                        {title}
                    </h2>
                    <button
                        type="button"
                        class="button button--subtle"
                        aria-label="Close panel"
                        on:click=move |_| on_close.run(())
                    >
                        "✕"
                    </button>
                </header>
                <div class="panel__body">{children()}</div>
                <footer class="panel__footer">
                    {footer.map(|f| move || f.run())}
                    <button type="button" class="button" on:click=move |_| on_close.run(())>
                        "Close"
                    </button>
                </footer>
            </aside>
        </div>
    }
}
