//! Security alert details: what was detected, how to respond, related entities, Defender's
//! extended properties, techniques and links.

use super::parts::{Section, external_link, facts, level_pill};
use crate::domain::{Alert, ClusterInfo, format, links};
use crate::ui::actions::{ExistingRules, alert_commands};
use crate::ui::shown;
use leptos::prelude::*;

/// The alert's pane body.
pub fn details(alert: &Alert, cluster: &ClusterInfo) -> impl IntoView + use<> {
    let steps = alert.remediation_steps.clone();
    let entities = alert.entities.clone();
    let properties = alert.extended_properties.clone();
    // Only where actions are wired (the dashboard): the rules are read with its client.
    let alert_type = alert.alert_type.clone();
    let rules = use_context::<crate::state::session::Session>().map(|_| {
        view! {
            <Section title="Suppression rules for this alert type">
                <ExistingRules alert_type=alert_type />
            </Section>
        }
    });
    let (logs, portal) = (
        links::cluster_logs(&cluster.portal, &cluster.id),
        alert.portal_link.clone(),
    );
    view! {
        <p class="pane__level">{level_pill(alert.severity)}" "{alert.status.label()}</p>
        {alert_commands(alert)}
        <p class="pane__text">{shown(&alert.description)}</p>
        {facts(
            vec![
                ("Affected entity", alert.entity.clone()),
                ("MITRE tactic", format::words(&alert.tactic)),
                ("Techniques", alert.techniques.join(", ")),
                ("Start time", format::utc_minutes(&alert.start_time)),
                ("Alert type", alert.alert_type.clone()),
            ],
        )}
        <Section title="Recommended steps">
            <ol class="pane__list">
                {steps.into_iter().map(|s| view! { <li>{shown(&s)}</li> }).collect_view()}
            </ol>
        </Section>
        <Section title="Related entities">
            <table class="pane__table">
                <thead>
                    <tr>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Entity"</th>
                    </tr>
                </thead>
                <tbody>
                    {entities
                        .into_iter()
                        .map(|e| {
                            view! {
                                <tr>
                                    <td>{shown(&e.kind)}</td>
                                    <td>{shown(&e.name)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Section>
        {rules}
        <Section title="Additional details">
            <dl class="pane__facts">
                {properties
                    .into_iter()
                    .map(|(k, v)| {
                        view! {
                            <dt>{shown(&k)}</dt>
                            <dd>{shown(&v)}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </Section>
        <Section title="Links">
            <ul class="pane__links">
                <li>{external_link("Open logs".into(), logs)}</li>
                <li>{external_link("View the alert in the Azure portal".into(), portal)}</li>
                <li>
                    {external_link(
                        "Configure security rules for the cluster".into(),
                        links::SECURITY_RULES_DOC.into(),
                    )}
                </li>
            </ul>
        </Section>
    }
}
