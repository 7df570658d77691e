//! Create a suppression rule: one `PUT /subscriptions/{sub}/providers/Microsoft.Security/
//! alertsSuppressionRules/{name}` from the validated form, then an activity entry, and every list
//! of rules on screen reads again. The panel previews with [`preview`] and runs with [`action`].

use crate::arm::actions::{Planned, suppression};
use crate::browser::clock;
use crate::domain::actions::{ActivityEntry, RequestPreview, SuppressionPlan};
use crate::state::actions::{Role, describe};
use crate::state::session::Session;
use leptos::prelude::*;

fn plan(actions: Session, rule: &SuppressionPlan) -> Planned {
    suppression::create(&actions.cluster().subscription_id, rule)
}

/// The exact request, as the panel previews it before it is sent.
pub fn preview(actions: Session, rule: &SuppressionPlan) -> RequestPreview {
    actions.preview(&plan(actions, rule))
}

/// The creation as a Leptos action: its value is what the panel says (created, or why not).
pub fn action() -> Action<SuppressionPlan, Result<String, String>> {
    let actions = Session::expect();
    Action::new_local(move |rule: &SuppressionPlan| {
        let (planned, client) = (plan(actions, rule), actions.client());
        let (name, request) = (rule.name.clone(), actions.preview(&planned));
        async move {
            let outcome = client
                .send_planned(&planned)
                .await
                .map(|_| {
                    format!(
                        "Rule {name} created: matching alerts of this type are dismissed \
                         automatically."
                    )
                })
                .map_err(|e| describe(&e, Role::SecurityAdmin));
            actions.record(ActivityEntry {
                time: clock::local_time(),
                what: "Create suppression rule".into(),
                target: name,
                outcome: outcome.clone(),
                requests: vec![request],
            });
            if outcome.is_ok() {
                actions.rule_created();
            }
            outcome
        }
    })
}
