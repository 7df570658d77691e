//! A pill filter, as in the Azure portal: "Status : Active, In progress", a popover of the
//! column's values with their counts, and ✕ to remove the filter.

use super::context::GridContext;
use crate::domain::grid::{Column, GridQuery};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The filter pill of one column.
#[component]
pub fn FilterPill(column: &'static Column) -> impl IntoView {
    let grid = GridContext::expect();
    let popover_id = format!("pill-{}", column.id);
    let accepted = move || {
        grid.view
            .query()
            .filters
            .get(column.id)
            .cloned()
            .unwrap_or_default()
    };
    let summary = move || {
        let values = accepted();
        match values.len() {
            0 => "All".to_string(),
            1..=2 => values.into_iter().collect::<Vec<_>>().join(", "),
            n => format!("{n} selected"),
        }
    };
    let set = move |values: BTreeSet<String>| {
        grid.view.update_query(|q| q.set_filter(column.id, values));
    };
    let choices = move || {
        grid.table
            .with(|t| GridQuery::facet_values(t, column.id))
            .into_iter()
            .map(|(value, n)| {
                let v = StoredValue::new(value.clone());
                let checked = move || v.with_value(|v| accepted().contains(v));
                let on_change = move |_| {
                    let mut values = accepted();
                    let v = v.get_value();
                    if !values.remove(&v) {
                        values.insert(v);
                    }
                    set(values);
                };
                view! {
                    <label class="pill__choice">
                        <input type="checkbox" prop:checked=checked on:change=on_change />
                        <span>{value}</span>
                        <span class="pill__n">{n}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let anchor = format!("--{popover_id}");
    view! {
        <span class="pill" class:pill--active=move || !accepted().is_empty()>
            <button type="button" class="pill__open" popovertarget=popover_id.clone()
                style:anchor-name=anchor.clone()
                aria-label=move || format!("Filter {}: {}", column.label, summary())>
                {column.label}" : "<strong>{summary}</strong>
            </button>
            {move || (!accepted().is_empty()).then(|| view! {
                <button
                    type="button"
                    class="pill__remove"
                    aria-label=format!("Remove filter {}", column.label)
                    on:click=move |_| set(BTreeSet::new())
                >
                    "✕"
                </button>
            })}
            <div id=popover_id popover="auto" class="popover" style:position-anchor=anchor
                role="group" aria-label=format!("{} values", column.label)>
                {choices}
            </div>
        </span>
    }
}
