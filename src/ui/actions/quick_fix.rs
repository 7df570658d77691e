//! Quick Fix: enter what the fix needs, review exactly what changes (fields, request, `az`
//! command), apply, watch the operation, and see the recommendation re-read.

mod buttons;
mod inputs;
mod review;

use super::panel::SidePanel;
use super::preview::RequestsPreview;
use crate::domain::actions::quick_fix::parse_ip_ranges;
use crate::domain::actions::{Fix, FixInput};
use crate::state::actions::quick_fix::upgrade_versions;
use crate::state::flows::quick_fix::QuickFixFlow;
use crate::state::session::Session;
use leptos::prelude::*;

#[component]
pub fn QuickFixPanel(recommendation_id: String) -> impl IntoView {
    let actions = Session::expect();
    let found = actions.data.with_untracked(|d| {
        let r = d
            .recommendations
            .iter()
            .find(|r| r.id == recommendation_id)?;
        Some((r.clone(), Fix::for_recommendation(r)?, d.cluster.clone()))
    });
    let Some((rec, fix, info)) = found else {
        return view! {
            <SidePanel on_close=Callback::new(move |()| actions.close()) title="Quick Fix">
                <p>
                    "This recommendation has no Quick Fix. See its remediation steps and \
                     \"Additional details\"."
                </p>
            </SidePanel>
        }
        .into_any();
    };
    if !fix.is_automatic() {
        return view! {
            <SidePanel on_close=Callback::new(move |()| actions.close()) title=fix.label()>
                <p data-testid="fix-guidance">{fix.guidance()}</p>
            </SidePanel>
        }
        .into_any();
    }
    let cluster = StoredValue::new(actions.cluster());
    let ranges = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let versions = LocalResource::new(move || {
        let (client, cluster) = (actions.client(), cluster.get_value());
        async move {
            match fix {
                Fix::UpgradeKubernetes => upgrade_versions(&client, &cluster).await,
                _ => Ok(Vec::new()),
            }
        }
    });
    let input = move || -> Result<FixInput, String> {
        match fix {
            Fix::AuthorizedIpRanges => parse_ip_ranges(&ranges.get()).map(FixInput::IpRanges),
            Fix::UpgradeKubernetes => match version.get() {
                v if v.is_empty() => Err("Choose a version.".into()),
                v => Ok(FixInput::Version(v)),
            },
            _ => Ok(FixInput::None),
        }
    };
    let input_error = RwSignal::new(None::<String>);
    let flow = QuickFixFlow::new(fix, (rec.id.clone(), rec.name.clone()));
    let step = flow.step;
    let has_prepared = move || step.with(|s| s.prepared().is_some());
    let review = move |()| match untrack(input) {
        Ok(input) => {
            input_error.set(None);
            flow.review(input);
        }
        Err(e) => input_error.set(Some(e)),
    };
    let info = StoredValue::new(info);
    let az = Signal::derive(move || {
        let input = input().ok()?;
        info.with_value(|i| fix.az_command(i, &input))
    });
    let previews = Signal::derive(move || {
        step.with(|s| {
            s.prepared()
                .map(|p| vec![p.preview.clone()])
                .unwrap_or_default()
        })
    });
    let footer = move || {
        view! { <buttons::FixButtons flow=flow on_review=Callback::new(review) /> }
    };
    view! {
        <SidePanel
            on_close=Callback::new(move |()| actions.close())
            title=format!("Quick Fix: {}", fix.label())
            footer=footer
        >
            <p class="panel__subject">{rec.name.clone()}</p>
            <p>{fix.guidance()}</p>
            <inputs::FixInputs
                fix=fix
                ranges=ranges
                version=version
                versions=versions
                error=input_error
                disabled=Signal::derive(has_prepared)
                now=info.with_value(|i| i.kubernetes_version.clone())
            />
            <review::ChangeReview step=step />
            <RequestsPreview requests=previews az=az />
            <review::StepMessages step=step />
        </SidePanel>
    }
    .into_any()
}
