//! The prepared change (what will change, and the `If-Match` guard) and the step's messages
//! (progress, problem, outcome).

use crate::state::flows::quick_fix::FixStep;
use leptos::prelude::*;

/// What will change, once the change is prepared.
#[component]
pub fn ChangeReview(step: RwSignal<FixStep>) -> impl IntoView {
    move || {
        step.with(|s| s.prepared().cloned()).map(|p| {
            let etag = p.etag().unwrap_or("(no ETag)").to_string();
            view! {
                <section class="panel__section" aria-labelledby="fix-changes">
                    <h3 id="fix-changes" class="panel__subtitle">
                        "What will change"
                    </h3>
                    <table class="pane__table" data-testid="fix-changes">
                        <thead>
                            <tr>
                                <th scope="col">"Setting"</th>
                                <th scope="col">"Now"</th>
                                <th scope="col">"After"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {p
                                .changes
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <tr>
                                            <td>
                                                <code>{c.path}</code>
                                            </td>
                                            <td>{c.before}</td>
                                            <td>{c.after}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <p class="form-field__hint">
                        {format!(
                            "Everything else is sent back as read. The request carries \
                             If-Match: {}, so a change made by someone else since is refused, \
                             not overwritten.",
                            etag,
                        )}
                    </p>
                </section>
            }
        })
    }
}

/// The operation's progress, the problem of the last try, or the outcome.
#[component]
pub fn StepMessages(step: RwSignal<FixStep>) -> impl IntoView {
    view! {
        {move || {
            let progress = step.with(|s| s.progress().to_vec());
            (!progress.is_empty())
                .then(|| {
                    view! {
                        <ol class="panel__progress" role="status" aria-live="polite">
                            {progress.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ol>
                    }
                })
        }}
        {move || {
            step.with(|s| s.problem().map(String::from))
                .map(|e| {
                    view! {
                        <p class="banner banner--error" role="alert">
                            {e}
                        </p>
                    }
                })
        }}
        {move || {
            step.with(|s| s.done().map(String::from))
                .map(|m| {
                    view! {
                        <p class="banner banner--success" role="status">
                            {m}
                        </p>
                    }
                })
        }}
    }
}
