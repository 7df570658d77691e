//! The session's activity list: what was sent, when, and how it ended, with the requests.

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use crate::domain::actions::ActivityEntry;
use crate::state::session::Session;
use crate::ui::shown;
use leptos::prelude::*;

#[component]
pub fn ActivityPanel() -> impl IntoView {
    let actions = Session::expect();
    view! {
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title="Activity (this session)"
        >
            {move || {
                let entries = actions.activity.get();
                if entries.is_empty() {
                    return view! {
                        <p>
                            "Nothing changed yet in this session. Every action you take is listed \
                             here, with the requests it sent."
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <ol class="activity" data-testid="activity">
                        {entries
                            .into_iter()
                            .map(|entry| view! { <EntryLine entry=entry /> })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </SidePanel>
    }
}

/// One entry: when, what, on which item, how it ended, and the requests it sent.
#[component]
fn EntryLine(entry: ActivityEntry) -> impl IntoView {
    let failed = entry.outcome.is_err();
    let (said, text) = match entry.outcome {
        Ok(t) => ("Succeeded: ", t),
        Err(t) => ("Failed: ", t),
    };
    view! {
        <li class="activity__entry" class:activity__entry--failed=failed>
            <p class="activity__head">
                <time>{entry.time}</time>
                " · "
                <strong>{entry.what}</strong>
                " · "
                {shown(&entry.target)}
            </p>
            <p class="activity__outcome">{said}{text}</p>
            <RequestsPreview requests=Signal::stored(entry.requests) />
        </li>
    }
}
