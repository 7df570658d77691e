//! A failed source empties only what depends on it, and says so; the rest loads in full.

mod common;

use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::domain::{FindingType, Summary};

#[test]
fn forbidden_alerts_leave_the_other_tabs_complete() {
    let full = common::demo_data();
    let data = common::demo_failing(vec!["graph:Alerts"], 403).unwrap();
    assert!(data.alerts.is_empty());
    let reason = &data.issues.tabs[&FindingType::Alert];
    assert!(
        reason.starts_with("Security alerts could not be read:"),
        "{reason}"
    );
    assert!(
        reason.contains("AuthorizationFailed"),
        "names the missing permission: {reason}"
    );
    assert!(
        reason.contains("needs the Security Reader (or Reader) role"),
        "a 403 on a read says which role to ask for: {reason}"
    );
    assert_eq!(data.issues.tabs.len(), 1, "{:?}", data.issues.tabs);
    assert_eq!(data.vulnerabilities, full.vulnerabilities);
    assert_eq!(data.recommendations, full.recommendations);
    assert_eq!(data.compliance, full.compliance);
    assert_eq!(data.plan, full.plan);
    assert!(data.issues.plans.is_none() && data.issues.cluster.is_none());
}

#[test]
fn failed_recommendations_mark_every_tab_that_needs_them() {
    let data = common::demo_failing(vec!["graph:Recommendations"], 500).unwrap();
    let tabs: Vec<FindingType> = data.issues.tabs.keys().copied().collect();
    assert_eq!(
        tabs,
        [
            FindingType::Vulnerability,
            FindingType::Misconfiguration,
            FindingType::Compliance
        ]
    );
    assert!(
        !data.alerts.is_empty(),
        "alerts do not depend on recommendations"
    );
    // Summary counts of the incomplete tabs are partial, and the UI labels them so.
    let summary = Summary::of(&data);
    assert!(
        summary
            .rows
            .iter()
            .any(|r| r.finding_type == FindingType::Alert && r.total() > 0)
    );
}

#[test]
fn failed_plans_make_the_status_unknown_not_off() {
    let data = common::demo_failing(vec!["/pricings"], 503).unwrap();
    let reason = data.issues.plans.as_deref().unwrap();
    assert!(
        reason.starts_with("The Defender plans could not be read"),
        "{reason}"
    );
    assert!(data.issues.tabs.is_empty());
}

#[test]
fn failed_owners_show_as_unknown_and_say_so() {
    let data = common::demo_failing(vec!["graph:Owners"], 500).unwrap();
    assert!(
        data.issues.tabs[&FindingType::Misconfiguration]
            .starts_with("Owners and due dates could not be read")
    );
    assert!(data.recommendations.iter().all(|r| !r.owner_known));
    assert!(
        data.recommendations
            .iter()
            .any(|r| r.unhealthy && r.owner_and_due().0 == "Unknown")
    );
}

#[test]
fn failed_compliance_marks_only_its_tab() {
    let data = common::demo_failing(vec!["graph:Compliance"], 500).unwrap();
    let tabs: Vec<FindingType> = data.issues.tabs.keys().copied().collect();
    assert_eq!(tabs, [FindingType::Compliance]);
    assert!(data.compliance.is_empty());
}

#[test]
fn when_nothing_can_be_read_the_load_fails_with_the_cause() {
    let error = common::demo_failing(
        vec!["/subscriptions/", "/providers/Microsoft.ResourceGraph/"],
        403,
    )
    .unwrap_err();
    assert!(error.is_forbidden(), "{error}");
}

#[test]
fn a_refresh_that_loses_a_whole_tab_keeps_the_previous_findings_of_that_tab_labelled() {
    // A cloud still serving the grouped model: alerts and compliance refused this time, and
    // the grouped image findings: the alert and compliance tabs come back empty, the
    // vulnerability tab partly read (the individual findings).
    let grouped = || {
        let (demo, facts) = DemoTransport::new().unwrap();
        demo.into_grouped_model(&facts.cluster_id)
    };
    let previous = common::demo_data_from(grouped());
    let refreshed = common::demo_failing_in(
        grouped(),
        vec![
            "graph:Alerts",
            "graph:Compliance",
            "c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5/subAssessments",
        ],
        403,
    )
    .unwrap();
    assert!(refreshed.alerts.is_empty() && refreshed.compliance.is_empty());
    let partial_vulns = refreshed.vulnerabilities.clone();
    assert!(!partial_vulns.is_empty() && partial_vulns.len() < previous.vulnerabilities.len());
    let shown = refreshed.keeping_previous(&previous);
    assert_eq!(shown.alerts, previous.alerts);
    assert_eq!(shown.compliance, previous.compliance);
    assert_eq!(
        shown.recommendations, previous.recommendations,
        "read afresh"
    );
    assert_eq!(
        shown.vulnerabilities, partial_vulns,
        "what was read is shown as read, not mixed with the previous load"
    );
    for tab in [FindingType::Alert, FindingType::Compliance] {
        assert!(
            shown.issues.tabs[&tab].ends_with("The findings shown are from the previous load."),
            "{tab:?}: {}",
            shown.issues.tabs[&tab]
        );
    }
    assert!(!shown.issues.tabs[&FindingType::Vulnerability].contains("previous load"));
    // A complete refresh replaces everything.
    let fresh = common::demo_data_from(grouped()).keeping_previous(&shown);
    assert!(fresh.issues.is_empty());
    assert_eq!(fresh.alerts, previous.alerts);
}
