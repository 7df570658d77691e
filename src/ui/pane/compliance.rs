//! Compliance details: the failing control and how to comply (the recommendation's steps).

use super::parts::{Section, external_link, facts, level_pill, markup, recommendation_owner};
use crate::domain::{ClusterData, ComplianceFinding, links};
use leptos::prelude::*;

/// The compliance row's pane body.
pub fn details(c: &ComplianceFinding, data: &ClusterData) -> impl IntoView + use<> {
    let recommendation = data
        .recommendations
        .iter()
        .find(|r| r.key.eq_ignore_ascii_case(&c.recommendation_key));
    let steps = markup(recommendation.map_or("", |r| r.remediation.as_str()));
    let owner = recommendation.map(recommendation_owner).map(|block| {
        view! { <Section title="Recommendation and owner">{block}</Section> }
    });
    let portal = c.portal_link.clone();
    let standards =
        links::compliance_standards(&data.cluster.portal, &data.cluster.subscription_id);
    view! {
        <p class="pane__level">{level_pill(c.severity)}</p>
        {facts(
            vec![
                ("Standard", c.standard.clone()),
                ("Control", format!("{} {}", c.control, c.control_description)),
            ],
        )}
        {owner}
        <Section title="Remediation steps">{steps}</Section>
        <Section title="Links">
            <ul class="pane__links">
                <li>
                    {external_link("Open the recommendation in the Azure portal".into(), portal)}
                </li>
                <li>{external_link("Configure compliance standards".into(), standards)}</li>
            </ul>
        </Section>
    }
}
