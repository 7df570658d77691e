//! The actions of the finding on screen, in the alert and recommendation panes.

use crate::domain::actions::Fix;
use crate::domain::{Alert, Recommendation};
use crate::state::session::{Panel, Session};
use leptos::prelude::*;

/// Change status and Create suppression rule, in the alert's pane.
pub fn alert_commands(alert: &Alert) -> Option<impl IntoView + use<>> {
    let actions = use_context::<Session>()?;
    let id = StoredValue::new(alert.id.clone());
    Some(view! {
        <div class="pane__commands" role="group" aria-label="Alert actions">
            <button
                type="button"
                class="button"
                on:click=move |_| actions.open(Panel::AlertStatus(vec![id.get_value()]))
            >
                "Change status"
            </button>
            <button
                type="button"
                class="button"
                on:click=move |_| actions.open(Panel::Suppress(id.get_value()))
            >
                "Create suppression rule"
            </button>
        </div>
    })
}

/// Quick Fix (or the guidance why there is none) and Assign owner, in the recommendation's pane.
pub fn recommendation_commands(r: &Recommendation) -> Option<impl IntoView + use<>> {
    let actions = use_context::<Session>()?;
    let id = StoredValue::new(r.id.clone());
    let fix = Fix::for_recommendation(r);
    let cspm_on = actions.data.with_untracked(|d| d.plan.cspm_on);
    let cspm_off = !cspm_on;
    Some(view! {
        <div class="pane__commands" role="group" aria-label="Recommendation actions">
            {fix
                .filter(|f| f.is_automatic())
                .map(|_| {
                    view! {
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=move |_| actions.open(Panel::QuickFix(id.get_value()))
                        >
                            "Quick Fix"
                        </button>
                    }
                })}
            <button
                type="button"
                class="button"
                on:click=move |_| actions.open(Panel::Exempt(vec![id.get_value()]))
            >
                "Exempt"
            </button>
            <button
                type="button"
                class="button"
                disabled=cspm_off
                title=if cspm_on {
                    ""
                } else {
                    "Assign owner needs Defender CSPM, which is off for this subscription."
                }
                on:click=move |_| actions.open(Panel::AssignOwner(vec![id.get_value()]))
            >
                "Assign owner"
            </button>
        </div>
        {fix
            .filter(|f| !f.is_automatic())
            .map(|f| {
                view! {
                    <p class="pane__text" data-testid="fix-guidance">
                        <strong>"No Quick Fix. "</strong>
                        {f.guidance()}
                    </p>
                }
            })}
    })
}
