//! Misconfiguration details: description, remediation steps, threats, impact and effort, the
//! owner, and where to remediate (the Azure Policy definition for container checks).

use super::parts::{Section, external_link, facts, level_pill, markup};
use crate::domain::actions::Date;
use crate::domain::{RatingBasis, Recommendation, RecommendationKind, format, links};
use crate::ui::actions::recommendation_commands;
use leptos::prelude::*;

/// The recommendation's pane body.
pub fn details(r: &Recommendation, portal: &str, today: Date) -> impl IntoView + use<> {
    let basis = match r.rating.basis {
        RatingBasis::Risk => "Risk level (Defender CSPM)",
        RatingBasis::Severity => "Severity (no risk level: Defender CSPM is off)",
    };
    let (owner, due) = r.owner_and_due();
    let scope = match r.kind {
        RecommendationKind::Cluster => "Cluster (control plane)",
        _ => "Containers (workloads)",
    };
    let policy = r
        .policy_definition_id
        .as_deref()
        .filter(|_| r.kind == RecommendationKind::Workload)
        .map(|id| links::policy_definition(portal, id));
    let (description, remediation) = (markup(&r.description), markup(&r.remediation));
    let page = r.portal_link.clone();
    let assignment = r.owner.as_ref();
    let eta = assignment
        .and_then(|a| a.eta.as_ref())
        .map(|e| format!("{}: {}", format::utc_date(&e.date), e.justification))
        .unwrap_or_default();
    let ticket = assignment.and_then(|a| a.ticket.clone());
    let ticket_text = ticket
        .as_ref()
        .map(|t| match t.status.as_str() {
            "" => format!("Ticket {}", t.number),
            status => format!("Ticket {} ({status})", t.number),
        })
        .unwrap_or_default();
    let ticket_link = ticket.filter(|t| !t.link.is_empty()).map(|t| t.link);
    let commands = recommendation_commands(r);
    view! {
        <p class="pane__level">{level_pill(r.rating.level)}" "{basis}</p>
        {facts(
            vec![
                ("Scope", scope.into()),
                ("Severity", r.severity.label().into()),
                ("Risk factors", r.risk_factors.join(", ")),
                (
                    "Threats",
                    r.threats.iter().map(|t| format::sentence(t)).collect::<Vec<_>>().join(", "),
                ),
                ("User impact", r.user_impact.clone()),
                ("Implementation effort", r.implementation_effort.clone()),
                ("Owner", owner),
                ("Due date", due),
                ("Owner status", r.owner_status(today)),
                ("Last evaluated", format::utc_minutes(&r.last_evaluated)),
                (
                    "Exemption",
                    r
                        .exemption
                        .as_ref()
                        .map(|(c, until)| {
                            let category = c.map_or("Exempt", |c| c.label());
                            match until.as_str() {
                                "" => format!("{category}, no expiry"),
                                date => format!("{category}, until {}", format::utc_date(date)),
                            }
                        })
                        .unwrap_or_default(),
                ),
                ("Remediation ETA", eta),
                ("Ticket", ticket_text.clone()),
            ],
        )}
        <Section title="Description">{description}</Section>
        <Section title="Remediation steps">{remediation}</Section>
        <Section title="Remediate">
            {commands}
            <ul class="pane__links">
                {policy
                    .map(|link| {
                        view! {
                            <li>
                                {external_link(
                                    "Azure Policy definition to deploy (prevents new faulty \
                                     deployments)"
                                        .into(),
                                    link,
                                )}
                            </li>
                        }
                    })}
                {ticket_link.map(|link| view! { <li>{external_link(ticket_text, link)}</li> })}
                <li>{external_link("Additional details in the Azure portal".into(), page)}</li>
            </ul>
        </Section>
    }
}
