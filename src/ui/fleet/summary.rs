//! The fleet's summary bar, in the dashboard's card style: clusters, then open alerts,
//! vulnerability findings and misconfigurations summed over the clusters whose counts are
//! known, by level, and overdue owners. Clusters not known are said, never counted as zero.

use crate::domain::Level;
use crate::domain::fleet::{Counts, Fleet, FleetTotals};
use crate::domain::format::plural;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FleetSummary(fleet: Arc<Fleet>) -> impl IntoView {
    let totals = FleetTotals::of(&fleet.clusters);
    let unknown = totals.clusters - totals.known;
    let scope = match unknown {
        0 => format!("Across all {}", plural(totals.clusters, "cluster")),
        n => format!(
            "Across {} of {} ({} not known)",
            totals.known,
            plural(totals.clusters, "cluster"),
            n
        ),
    };
    view! {
        <section class="summary" aria-labelledby="summary-title" data-testid="fleet-summary">
            <h2 id="summary-title" class="summary__title">
                "Security findings across the fleet"
            </h2>
            <p class="summary__scope" data-testid="fleet-scope">
                {scope}
            </p>
            <div class="summary__cards">
                <Card title="Open alerts" id="alerts" counts=totals.alerts />
                <Card title="Vulnerabilities" id="cves" counts=totals.cves />
                <Card
                    title="Misconfigurations"
                    id="misconfigurations"
                    counts=totals.misconfigurations
                />
                <article class="summary__card" aria-label="Overdue owners">
                    <h3 class="summary__type">"Overdue owners"</h3>
                    <p class="summary__total">
                        <span data-testid="fleet-total-overdue">{totals.overdue.to_string()}</span>
                        " recommendations past their due date"
                    </p>
                </article>
            </div>
        </section>
    }
}

/// One kind's total and its count per level (levels with none left out).
#[component]
fn Card(title: &'static str, id: &'static str, counts: Counts) -> impl IntoView {
    let levels = Level::ALL
        .into_iter()
        .filter(|l| counts.at(*l) > 0)
        .map(|l| {
            view! {
                <li
                    class=format!("summary__count level level--{}", l.as_str())
                    data-testid=format!("fleet-{id}-{}", l.as_str())
                >
                    <span class="summary__number">{counts.at(l).to_string()}</span>
                    " "
                    <span class="summary__level">{l.label()}</span>
                    <span class="visually-hidden">" "{title}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="summary__card" aria-label=title>
            <h3 class="summary__type">{title}</h3>
            <p class="summary__total">
                <span data-testid=format!("fleet-total-{id}")>{counts.total().to_string()}</span>
                " issues"
            </p>
            <ul class="summary__levels">{levels}</ul>
        </article>
    }
}
