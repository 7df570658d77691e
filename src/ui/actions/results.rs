//! A bulk run's result, one line per item: what succeeded and, for what failed, why.

use crate::domain::actions::BulkOutcome;
use crate::ui::shown;
use leptos::prelude::*;

/// The outcome of a bulk run (or `running` while it goes).
#[component]
pub fn BulkResults(
    #[prop(into)] outcome: Signal<Option<BulkOutcome>>,
    /// Past tense of the action ("updated", "assigned").
    verb: &'static str,
) -> impl IntoView {
    move || {
        outcome.get().map(|o| {
            let failed = o.failed().count();
            view! {
                <div class="bulk-results" class:bulk-results--failed={failed > 0} data-testid="bulk-results">
                    <p role="status" class="bulk-results__summary">{o.summary(verb)}
                        {(failed > 0).then_some(" The failed items stay selected; fix the cause and apply again.")}</p>
                    <ul class="bulk-results__items">
                        {o.items.into_iter().map(|item| {
                            let ok = item.error.is_none();
                            view! {
                                <li class="bulk-results__item" class:bulk-results__item--failed=!ok>
                                    <span aria-hidden="true">{if ok { "✓ " } else { "✕ " }}</span>
                                    <span class="visually-hidden">{if ok { "Succeeded: " } else { "Failed: " }}</span>
                                    {shown(&item.label)}
                                    {item.error.map(|e| view! { <span class="bulk-results__error">" — "{e}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
