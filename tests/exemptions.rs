//! Exemptions over the demo cluster: read through its Resource Graph query, each state the
//! inventory tells apart, and the recommendations they exempt.

mod common;

use aks_security_dashboard::domain::actions::Date;
use aks_security_dashboard::domain::exemptions::{Category, ExemptionState, Mechanism};

#[test]
fn the_demo_has_an_exemption_in_each_state_and_its_exempted_recommendations() {
    let data = common::demo_data();
    let today = Date::parse("2026-11-28").unwrap();
    assert!(data.issues.exemptions.is_none());
    let mut states: Vec<(String, ExemptionState)> = data
        .exemptions
        .iter()
        .map(|e| {
            let s = e.state(&data.exemptions, &data.recommendations, today);
            (e.display_name.clone(), s)
        })
        .collect();
    states.sort();
    let state_of = |tag: &str| {
        states
            .iter()
            .find(|(n, _)| n.ends_with(&format!("({tag})")) || n == tag)
            .map(|(_, s)| *s)
            .unwrap_or_else(|| panic!("no exemption {tag}: {states:?}"))
    };
    assert_eq!(state_of("platform namespaces"), ExemptionState::Active);
    assert_eq!(
        state_of("platform namespaces, again"),
        ExemptionState::Duplicate
    );
    assert_eq!(
        state_of("limits via LimitRange"),
        ExemptionState::ExpiringSoon
    );
    assert_eq!(state_of("diagnostics to SIEM"), ExemptionState::Expired);
    assert_eq!(
        state_of("RBAC during migration"),
        ExemptionState::NowHealthy
    );
    assert_eq!(
        state_of("Debug tools run privileged in kube-system"),
        ExemptionState::Active
    );
    assert_eq!(state_of("ingress behind WAF"), ExemptionState::Active);
    assert_eq!(states.len(), 7);
    let policy = data
        .exemptions
        .iter()
        .find(|e| e.mechanism == Mechanism::Policy)
        .unwrap();
    assert_eq!(policy.category, Some(Category::Mitigated));
    assert!(
        policy.justification.contains("just-in-time"),
        "metadata.reason is the justification"
    );
    let exempted: Vec<&str> = data
        .recommendations
        .iter()
        .filter(|r| r.exempted)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(exempted.len(), 3, "{exempted:?}");
    assert!(
        data.recommendations
            .iter()
            .filter(|r| r.exempted)
            .all(|r| !r.unhealthy)
    );
    // A week later the expiring one has expired.
    let later = Date::parse("2026-12-07").unwrap();
    let limits = data
        .exemptions
        .iter()
        .find(|e| e.display_name.ends_with("(limits via LimitRange)"))
        .unwrap();
    assert_eq!(
        limits.state(&data.exemptions, &data.recommendations, later),
        ExemptionState::Expired
    );
}

/// After exempting from the dashboard, the finding is still unhealthy until Defender applies the
/// exemption: the grid says "applied", and the CSV report's exemption columns say so too.
#[test]
fn an_exemption_just_made_shows_as_applied_in_the_grid_and_the_csv() {
    use aks_security_dashboard::domain::FindingRef;
    use aks_security_dashboard::domain::actions::{ExemptPlan, ExemptScope};
    use aks_security_dashboard::domain::csv::record;
    use aks_security_dashboard::state::flows::exemption::{ExemptRequest, ExemptTarget, patch};
    let mut data = common::demo_data();
    let today = Date::parse("2026-11-28").unwrap();
    let r = data
        .recommendations
        .iter()
        .find(|r| r.unhealthy && r.owner.is_none())
        .unwrap()
        .clone();
    let plan = ExemptPlan {
        category: Category::Mitigated,
        scope: ExemptScope::Cluster,
        expires_on: Some("2027-01-31T00:00:00.000Z".into()),
        justification: "Mitigated by the admission policy".into(),
    };
    let cluster = data.cluster.id.clone();
    let target = ExemptTarget::new(&r, "0c5b1a2e-9d4f-4e3a-8b7c-6d5e4f3a2b1c".into());
    let request = ExemptRequest {
        targets: vec![target.clone()],
        plan,
        policy: Vec::new(),
    };
    patch(
        &mut data,
        &target,
        &request,
        &cluster,
        "2026-11-28T09:00:00.000Z",
    );
    assert!(data.applied.contains(&r.id));
    let patched = data.recommendations.iter().find(|x| x.id == r.id).unwrap();
    let row = record(FindingRef::Misconfiguration(patched), today);
    assert_eq!(row.exempted, "applied, pending re-evaluation");
    assert_eq!(row.exemption_category, "Mitigated");
    assert_eq!(row.exemption_expires, "2027-01-31T00:00:00Z");
    let added = data.exemptions.last().unwrap();
    assert_eq!(added.scope, cluster);
    assert_eq!(
        added.state(&data.exemptions, &data.recommendations, today),
        ExemptionState::Active
    );
}
