//! What the Assign owner panel says before its form: why it cannot assign, what assigning
//! replaces, and the current owner.

use crate::domain::Assignment;
use crate::domain::actions::Date;
use crate::domain::format::{self, plural};
use leptos::prelude::*;

#[component]
pub fn OwnerNotices(
    cspm_on: bool,
    /// How many of the targets already have an owner.
    already: usize,
    count: usize,
    /// The one target's owner now, when the panel is for one recommendation.
    current: Option<Assignment>,
    today: Date,
) -> impl IntoView {
    let replaces = (already > 0 && count > 1).then(|| {
        format!(
            "{} already assigned: assigning replaces their owner and due date.",
            plural(already, "recommendation"),
        )
    });
    let current = current.map(|a| {
        let eta = a
            .eta
            .as_ref()
            .map(|e| format!(" ETA {}: {}.", format::utc_date(&e.date), e.justification))
            .unwrap_or_default();
        let ticket = a
            .ticket
            .as_ref()
            .map(|t| format!(" Ticket {} ({}).", t.number, t.status))
            .unwrap_or_default();
        format!(
            "Currently assigned to {}, due {}{}: {}.{eta}{ticket}",
            a.owner,
            format::utc_date(&a.due_date),
            if a.grace_period {
                ", with grace period"
            } else {
                ""
            },
            a.state(today).label(),
        )
    });
    view! {
        <Show when=move || !cspm_on>
            <p class="banner banner--warning" role="alert">
                "Assigning owners (governance) needs Defender CSPM on the subscription, and it is \
                off. Turn it on in the subscription's Environment settings."
            </p>
        </Show>
        {replaces.map(|text| view! { <p class="banner banner--info">{text}</p> })}
        {current
            .map(|text| {
                view! {
                    <p class="panel__current" data-testid="current-owner">
                        {text}
                    </p>
                }
            })}
    }
}
