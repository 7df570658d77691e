//! The session's activity list: what was sent, when, and how it ended, with the requests.

use super::panel::SidePanel;
use super::preview::RequestsPreview;
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
                            "Nothing changed yet in this session. Every action you take is listed here, with the requests it sent."
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <ol class="activity" data-testid="activity">
                        {entries
                            .into_iter()
                            .map(|e| {
                                let ok = e.outcome.is_ok();
                                let text = match e.outcome {
                                    Ok(t) | Err(t) => t,
                                };
                                view! {
                                    <li class="activity__entry" class:activity__entry--failed=!ok>
                                    <p class="activity__head"><time>{e.time}</time>" · "<strong>{e.what}</strong>" · "{shown(&e.target)}</p>
                                    <p class="activity__outcome">{if ok { "Succeeded: " } else { "Failed: " }}{text}</p>
                                    <RequestsPreview requests=Signal::stored(e.requests)/>
                                </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </SidePanel>
    }
}
