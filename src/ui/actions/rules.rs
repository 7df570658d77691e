//! The suppression rules that already exist for an alert type, read when shown: in the alert's
//! details pane (is this alert already covered?) and in the panel that creates one.

use crate::domain::actions::SuppressionRule;
use crate::domain::format;
use crate::state::actions::suppression::rules_for;
use crate::state::session::Session;
use crate::ui::load_error::InlineRetry;
use crate::ui::shown;
use leptos::prelude::*;

/// The list, with its own loading line, empty state and error with Retry; read once per alert
/// type and load (`Actions::known_rules`), and again when a rule is created.
#[component]
pub fn ExistingRules(alert_type: String) -> impl IntoView {
    let actions = Session::expect();
    let subscription = actions.cluster().subscription_id;
    let rules = LocalResource::new(move || {
        actions.rules_changed.track();
        let (client, subscription, alert_type) =
            (actions.client(), subscription.clone(), alert_type.clone());
        async move {
            if let Some(known) = actions.known_rules(&alert_type) {
                return Ok(known);
            }
            let read = rules_for(&client, &subscription, &alert_type).await;
            if let Ok(rules) = &read {
                actions.remember_rules(&alert_type, rules.clone());
            }
            read
        }
    });
    view! {
        <Suspense fallback=|| {
            view! { <p role="status">"Reading rules…"</p> }
        }>
            {move || Suspend::new(async move {
                match rules.await {
                    Ok(list) if list.is_empty() => view! { <p>"None yet."</p> }.into_any(),
                    Ok(list) => {
                        view! {
                            <ul class="panel__rules" data-testid="existing-rules">
                                {list
                                    .into_iter()
                                    .map(|rule| view! { <RuleLine rule=rule /> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    Err(e) => {
                        view! {
                            <InlineRetry
                                message=e
                                on_retry=Callback::new(move |()| rules.refetch())
                            />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// One rule: name, state, reason, expiry, its conditions and comment (Azure's text, as text).
#[component]
fn RuleLine(rule: SuppressionRule) -> impl IntoView {
    let expiry = match rule.expiry.is_empty() {
        true => "no expiry".to_string(),
        false => format!("expires {}", format::utc_date(&rule.expiry)),
    };
    let facts = format!(" · {} · {} · {expiry}", rule.state, rule.reason.label());
    let comment = (!rule.comment.is_empty()).then(|| shown(&rule.comment));
    view! {
        <li>
            <strong>{shown(&rule.name)}</strong>
            {facts}
            <ul>
                {rule
                    .conditions
                    .iter()
                    .map(|c| {
                        view! {
                            <li>
                                <code>{shown(c)}</code>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {comment.map(|c| view! { <p class="form-field__hint">{c}</p> })}
        </li>
    }
}
