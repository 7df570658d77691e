//! Small building blocks of the panes: fact lists, sections, safe links and sanitized markup.

use crate::browser::sanitize::safe_html;
use crate::domain::links::is_safe;
use crate::domain::{Level, Recommendation};
use crate::ui::actions::recommendation_commands;
use crate::ui::load_error::InlineRetry;
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

thread_local! {
    /// Bumped by any markup section's Retry, so every section on screen loads the sanitizer
    /// again together. Reference-counted: no pane's disposal takes it away.
    static SANITIZER_ATTEMPT: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// Azure's remediation markup, sanitized to links, lists, emphasis and code. The sanitizer is
/// loaded on first use: until then the section says so, and if it cannot be loaded it says why
/// with a Retry (the markup is never shown unsanitized).
pub fn markup(dirty: &str) -> impl IntoView + use<> {
    let dirty = shown(dirty);
    let attempt = SANITIZER_ATTEMPT.with(ArcRwSignal::clone);
    let html = LocalResource::new({
        let attempt = attempt.clone();
        move || {
            attempt.track();
            let dirty = dirty.clone();
            async move { safe_html(&dirty).await }
        }
    });
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    let loading = || {
        view! {
            <p class="pane__markup" aria-busy="true">
                "Loading…"
            </p>
        }
    };
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match html.await {
                    Ok(html) => {
                        view! { <div class="pane__markup" inner_html=html></div> }.into_any()
                    }
                    Err(e) => {
                        view! { <InlineRetry message=e.to_string() on_retry=retry /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
