//! What an action did: a bulk run's result, one line per item (what succeeded and, for what
//! failed, why), or a single request's outcome.

use crate::domain::actions::{BulkOutcome, ItemResult};
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
            let failed = o.failed().count() > 0;
            let advice = " The failed items stay selected; fix the cause and apply again.";
            view! {
                <div
                    class="bulk-results"
                    class:bulk-results--failed=failed
                    data-testid="bulk-results"
                >
                    <p role="status" class="bulk-results__summary">
                        {o.summary(verb)}
                        {failed.then_some(advice)}
                    </p>
                    <ul class="bulk-results__items">
                        {o
                            .items
                            .into_iter()
                            .map(|item| view! { <ItemLine item=item /> })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// One item's line: a mark (and its words for screen readers), the item, and its error.
#[component]
fn ItemLine(item: ItemResult) -> impl IntoView {
    let failed = item.error.is_some();
    let (mark, said) = if failed {
        ("\u{2715} ", "Failed: ")
    } else {
        ("\u{2713} ", "Succeeded: ")
    };
    view! {
        <li class="bulk-results__item" class:bulk-results__item--failed=failed>
            <span aria-hidden="true">{mark}</span>
            <span class="visually-hidden">{said}</span>
            {shown(&item.label)}
            {item.error.map(|e| view! { <span class="bulk-results__error">" \u{2014} "{e}</span> })}
        </li>
    }
}

/// A single request's outcome: success as a status, failure as an alert.
#[component]
pub fn OutcomeBanner(outcome: Result<String, String>) -> impl IntoView {
    let (class, role, text) = match outcome {
        Ok(text) => ("banner banner--success", "status", text),
        Err(text) => ("banner banner--error", "alert", text),
    };
    view! {
        <p class=class role=role>
            {text}
        </p>
    }
}
