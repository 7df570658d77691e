//! Which mechanism the Exempt panel will use, said before anything is sent: Azure Policy
//! exemptions for the policy-based recommendations whose assignment was found, Defender
//! exemptions for the rest, and why when a policy-based one falls back.

use crate::domain::exemptions::PolicyReference;
use crate::domain::format::plural;
use crate::state::flows::exemption::{ExemptTarget, reference_for};
use crate::ui::load_error::InlineRetry;
use crate::ui::shown;
use leptos::prelude::*;

#[component]
pub fn PolicyNotice(
    targets: Signal<Vec<ExemptTarget>>,
    policy: Memo<Vec<PolicyReference>>,
    looking: Memo<bool>,
    /// Why the assignments could not be read.
    failed: Signal<Option<String>>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let counts = move || {
        let found = policy.get();
        let targets = targets.get();
        let based = targets.iter().filter(|t| t.policy_definition.is_some());
        let with_assignment = based
            .clone()
            .filter(|t| reference_for(&found, t).is_some())
            .count();
        (based.count(), with_assignment, found)
    };
    move || {
        let (based, with_assignment, found) = counts();
        if based == 0 {
            return ().into_any();
        }
        if looking.get() {
            let text = format!(
                "Finding the Azure Policy assignment of {}…",
                plural(based, "policy-based recommendation")
            );
            return view! {
                <p class="form-field__hint" role="status">
                    {text}
                </p>
            }
            .into_any();
        }
        if let Some(reason) = failed.get() {
            let text = format!(
                "{reason} They would get Defender exemptions, which Microsoft says might not \
                 take effect for policy-based recommendations."
            );
            return view! { <InlineRetry message=text on_retry=on_retry /> }.into_any();
        }
        let assignments = found
            .iter()
            .map(|p| {
                p.assignment
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
            .join(", ");
        let mut text = String::new();
        let one = |n: usize, single: &'static str, many: &'static str| match n {
            1 => single,
            _ => many,
        };
        if with_assignment > 0 {
            text = format!(
                "{} {} from Azure Policy (assignment {assignments}): {} an Azure Policy \
                 exemption, on the cluster (Azure Policy cannot exempt a single container). ",
                plural(with_assignment, "recommendation"),
                one(with_assignment, "comes", "come"),
                one(with_assignment, "it gets", "they get"),
            );
        }
        let missing = based - with_assignment;
        if missing > 0 {
            text.push_str(&format!(
                "{} {} no Azure Policy compliance state on this cluster yet: Defender exemptions \
                 instead, which Microsoft says might not take effect for policy-based \
                 recommendations.",
                plural(missing, "policy-based recommendation"),
                one(missing, "has", "have"),
            ));
        }
        view! {
            <p class="form-field__hint" data-testid="exempt-mechanism">
                {shown(&text)}
            </p>
        }
        .into_any()
    }
}
