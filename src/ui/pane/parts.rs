//! Small building blocks of the panes: fact lists, sections, safe links and sanitized markup.

use crate::browser::sanitize::safe_html;
use crate::domain::links::is_safe;
use crate::domain::{Level, Recommendation};
use crate::ui::actions::recommendation_commands;
use crate::ui::shown;
use leptos::prelude::*;

/// A titled section.
#[component]
pub fn Section(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="pane__section">
            <h3 class="pane__heading">{title}</h3>
            {children()}
        </section>
    }
}

/// Name/value facts; empty values are left out.
pub fn facts(items: Vec<(&'static str, String)>) -> impl IntoView + use<> {
    let items: Vec<_> = items.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    view! {
        <dl class="pane__facts">
            {items
                .into_iter()
                .map(|(k, v)| {
                    view! {
                        <dt>{k}</dt>
                        <dd>{shown(&v)}</dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// A recommendation with its owner and due date, and its commands (Assign owner, Quick Fix)
/// where its owners were read: for findings that belong to a recommendation (vulnerabilities,
/// compliance controls).
pub fn recommendation_owner(r: &Recommendation) -> impl IntoView + use<> {
    let (owner, due) = r.owner_and_due();
    let owner = match due.is_empty() {
        true => owner,
        false => format!("{owner}, due {due}"),
    };
    view! {
        <div class="pane__recommendation">
            <p>
                <strong>{shown(&r.name)}</strong>
            </p>
            <p>"Owner: "{shown(&owner)}</p>
            {r.owner_known.then(|| recommendation_commands(r))}
        </div>
    }
}

/// A level pill with its label (never colour alone).
pub fn level_pill(level: Level) -> impl IntoView + use<> {
    view! { <span class=format!("level-pill level--{}", level.as_str())>{level.label()}</span> }
}

/// A link opened in a new tab; a link from an API response that is not https is shown as
/// text instead (it could be `javascript:`).
pub fn external_link(label: String, url: String) -> AnyView {
    let label = shown(&label);
    if is_safe(&url) {
        view! {
            <a href=url target="_blank" rel="noopener noreferrer">
                {label}
            </a>
        }
        .into_any()
    } else {
        view! { <span>{label}</span> }.into_any()
    }
}

/// Azure's remediation markup, sanitized to links, lists, emphasis and code.
pub fn markup(dirty: &str) -> impl IntoView + use<> {
    view! { <div class="pane__markup" inner_html=safe_html(&shown(dirty))></div> }
}
