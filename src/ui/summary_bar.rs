//! "Security findings for this cluster": counts per finding type and level.

use crate::domain::{FindingType, RatingBasis, Summary, SummaryRow};
use crate::state::ViewState;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One card per finding type; each level count opens that tab filtered to that level.
#[component]
pub fn SummaryBar(
    /// The counts to show.
    summary: Summary,
    /// Finding types whose data could not all be read, and why: their counts are partial.
    incomplete: BTreeMap<FindingType, String>,
    /// Recommendations exempted (Not applicable, cause Exempt): out of the counts below.
    exempted: usize,
    /// The tab "Show exempted" opens: the first that has exempted findings.
    exempted_tab: FindingType,
) -> impl IntoView {
    let view_state = ViewState::expect();
    let show = move |_| {
        view_state.show_exempted.set(true);
        view_state.show_tab(exempted_tab);
    };
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="summary__title">
                "Security findings for this cluster"
            </h2>
            <p class="summary__scope" data-testid="exempted-count">
                {format!(
                    "{} exempted, not in the counts below. ",
                    crate::domain::format::plural(exempted, "recommendation"),
                )}
                <button type="button" class="button button--subtle" on:click=show>
                    "Show exempted"
                </button>
            </p>
            <div class="summary__cards">
                {summary
                    .rows
                    .into_iter()
                    .map(|row| {
                        let issue = incomplete.get(&row.finding_type).cloned();
                        view! { <SummaryCard row=row issue=issue /> }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

#[component]
fn SummaryCard(row: SummaryRow, issue: Option<String>) -> impl IntoView {
    let view_state = ViewState::expect();
    let kind = row.finding_type;
    let basis = match row.basis {
        RatingBasis::Risk => "by risk level",
        RatingBasis::Severity => "by severity",
    };
    let counts = row
        .counts
        .iter()
        .map(|&(level, n)| {
            view! {
                <li>
                    <button
                        type="button"
                        class=format!("summary__count level level--{}", level.as_str())
                        data-testid=format!("count-{}-{}", kind.as_str(), level.as_str())
                        on:click=move |_| view_state.drill_down(kind, Some(level))
                    >
                        // The name is the visible text plus the type for screen readers
                        // ("6 High Security alerts"), so voice control can say what it sees.
                        <span class="summary__number">{n}</span>
                        " "
                        <span class="summary__level">{level.label()}</span>
                        <span class="visually-hidden">" "{kind.tab_label()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let total = row.total();
    // A source that failed or is retired with nothing read is not a count of zero.
    let total_text = match (total, &issue) {
        (0, Some(_)) => "Not known".to_string(),
        _ => total.to_string(),
    };
    let prefix = (issue.is_some() && total > 0).then_some("At least ");
    view! {
        <article class="summary__card" aria-label=kind.tab_label()>
            <h3 class="summary__type">
                <button
                    type="button"
                    class="summary__open"
                    on:click=move |_| view_state.drill_down(kind, None)
                >
                    {kind.tab_label()}
                </button>
            </h3>
            <p class="summary__total">
                {prefix} <span data-testid=format!("total-{}", kind.as_str())>{total_text}</span>
                " issues · " {basis}
            </p>
            {issue
                .clone()
                .map(|why| {
                    view! {
                        <p class="summary__incomplete" title=why>
                            "Incomplete: some data could not be read"
                        </p>
                    }
                })}
            <ul class="summary__levels">{counts}</ul>
            {(total == 0 && issue.is_none())
                .then(|| view! { <p class="summary__none">"No open issues"</p> })}
        </article>
    }
}
