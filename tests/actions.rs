//! Every action builds exactly the documented request: method, path, api-version and a body
//! equal to the official example's when given the same values. The demo ARM then runs the
//! actions end to end (ETag checks, operations, per-item results).

mod common;

use aks_security_dashboard::arm::actions::{
    Planned, alerts, exemption, governance, pricing, quick_fix, suppression,
};
use aks_security_dashboard::arm::transport::demo::DemoTransport;
use aks_security_dashboard::arm::{ArmClient, ClusterId, Method};
use aks_security_dashboard::domain::actions::{
    ExemptPlan, ExemptScope, Fix, FixInput, OwnerPlan, ScopeChoice, SuppressionPlan,
    SuppressionReason,
};
use aks_security_dashboard::domain::exemptions::Category;
use aks_security_dashboard::domain::{AlertStatus, Eta, RecommendationKind, Ticket};
use aks_security_dashboard::state::actions::FailureKind;
use aks_security_dashboard::state::actions::{
    BulkItem, Role, quick_fix as fix_flow, run_bulk, settings,
};
use futures::executor::block_on;
use serde_json::{Value, json};

const ARM: &str = "https://management.azure.com";

fn example(path: &str) -> Value {
    let file = common::examples_root().join(path);
    serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap()
}

fn url(planned: &Planned) -> String {
    planned.request(ARM).url
}

#[test]
fn alert_status_posts_the_action_on_the_alerts_own_id() {
    let ex = example(
        "security/resource-manager/Microsoft.Security/Security/stable/2022-01-01/examples/Alerts/UpdateAlertResourceGroupLocation_dismiss_example.json",
    );
    let p = &ex["parameters"];
    let id = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Security/locations/{}/alerts/{}",
        p["subscriptionId"].as_str().unwrap(),
        p["resourceGroupName"].as_str().unwrap(),
        p["ascLocation"].as_str().unwrap(),
        p["alertName"].as_str().unwrap()
    );
    let planned = alerts::change_status(&id, AlertStatus::Dismissed);
    assert_eq!(planned.method, Method::Post);
    assert_eq!(
        url(&planned),
        format!("{ARM}{id}/dismiss?api-version=2022-01-01")
    );
    assert_eq!(planned.body, None);
    for (status, action) in [
        (AlertStatus::Active, "activate"),
        (AlertStatus::InProgress, "inProgress"),
        (AlertStatus::Resolved, "resolve"),
    ] {
        assert!(url(&alerts::change_status(&id, status)).contains(&format!("/{action}?")));
    }
}

#[test]
fn assign_owner_matches_the_official_put_example() {
    let ex = example(
        "security/resource-manager/Microsoft.Security/preview/2022-01-01-preview/examples/GovernanceAssignments/PutGovernanceAssignment_example.json",
    );
    let p = &ex["parameters"];
    let sent = &p["governanceAssignment"]["properties"];
    let assessment = format!(
        "/{}/providers/Microsoft.Security/assessments/{}",
        p["scope"].as_str().unwrap(),
        p["assessmentName"].as_str().unwrap()
    );
    let plan = OwnerPlan {
        owner: sent["owner"].as_str().unwrap().into(),
        due_date: sent["remediationDueDate"].as_str().unwrap().into(),
        grace_period: true,
        remind_owner: true,
        remind_manager: true,
        eta: Some(Eta {
            date: sent["remediationEta"]["eta"].as_str().unwrap().into(),
            justification: sent["remediationEta"]["justification"]
                .as_str()
                .unwrap()
                .into(),
        }),
    };
    // The example changes an assignment that carries a ServiceNow ticket: the ticket is sent back.
    let data = &sent["additionalData"];
    let ticket = Ticket {
        number: data["ticketNumber"].as_u64().unwrap(),
        link: data["ticketLink"].as_str().unwrap().into(),
        status: data["ticketStatus"].as_str().unwrap().into(),
    };
    let key = p["assignmentKey"].as_str().unwrap();
    let planned = governance::assign(&assessment, key, &plan, Some(&ticket));
    assert_eq!(planned.method, Method::Put);
    assert_eq!(
        url(&planned),
        format!(
            "{ARM}/{}/providers/Microsoft.Security/assessments/{}/governanceAssignments/{}?api-version={}",
            p["scope"].as_str().unwrap(),
            p["assessmentName"].as_str().unwrap(),
            p["assignmentKey"].as_str().unwrap(),
            p["api-version"].as_str().unwrap()
        )
    );
    // The whole official body, ETA and ticket included.
    assert_eq!(planned.body.unwrap(), json!({ "properties": sent }));

    // A new assignment: no ETA, no ticket, and reminders off.
    let off = OwnerPlan {
        remind_owner: false,
        remind_manager: false,
        eta: None,
        ..plan
    };
    let body = governance::assign(&assessment, "k", &off, None)
        .body
        .unwrap();
    assert!(body["properties"].get("remediationEta").is_none());
    assert!(body["properties"].get("additionalData").is_none());
    assert_eq!(
        body["properties"]["governanceEmailNotification"],
        json!({ "disableManagerEmailNotification": true, "disableOwnerEmailNotification": true })
    );
    let removal = governance::remove(&format!("{assessment}/governanceAssignments/k"));
    assert_eq!((removal.method, removal.body), (Method::Delete, None));
}

#[test]
fn suppression_rule_matches_the_official_put_example() {
    let ex = example(
        "security/resource-manager/Microsoft.Security/Security/preview/2019-01-01-preview/examples/AlertsSuppressionRules/PutAlertsSuppressionRule_example.json",
    );
    let p = &ex["parameters"];
    let sent = &p["alertsSuppressionRule"]["properties"];
    let scope = &sent["suppressionAlertsScope"]["allOf"];
    let plan = SuppressionPlan {
        name: p["alertsSuppressionRuleName"].as_str().unwrap().into(),
        alert_type: sent["alertType"].as_str().unwrap().into(),
        scope: vec![
            ScopeChoice {
                field: "entities.ip.address".into(),
                value: "104.215.95.187".into(),
                contains: false,
                label: String::new(),
            },
            ScopeChoice {
                field: "entities.process.commandline".into(),
                value: scope[1]["contains"].as_str().unwrap().into(),
                contains: true,
                label: String::new(),
            },
        ],
        reason: SuppressionReason::FalsePositive,
        expiry: Some(sent["expirationDateUtc"].as_str().unwrap().into()),
        comment: sent["comment"].as_str().unwrap().into(),
    };
    let planned = suppression::create(p["subscriptionId"].as_str().unwrap(), &plan);
    assert_eq!(planned.method, Method::Put);
    assert_eq!(
        url(&planned),
        format!(
            "{ARM}/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/providers/Microsoft.Security/alertsSuppressionRules/dismissIpAnomalyAlerts?api-version=2019-01-01-preview"
        )
    );
    // The example's first condition lists two addresses; a rule made from one alert has one.
    let mut expected = sent.clone();
    expected["suppressionAlertsScope"]["allOf"][0]["in"] = json!(["104.215.95.187"]);
    assert_eq!(planned.body.unwrap(), json!({ "properties": expected }));
    // A hostile alert type cannot add query parameters to the list request.
    assert!(
        suppression::list_for_type("s", "K8S_X&api-version=1")
            .ends_with("AlertType=K8S_X%26api-version%3D1")
    );
}

#[test]
fn enabling_the_plan_matches_the_official_resource_pricing_example() {
    let ex = example(
        "security/resource-manager/Microsoft.Security/Security/stable/2026-07-01/examples/Pricings/PutResourcePricingByNameContainers_example.json",
    );
    let p = &ex["parameters"];
    let cluster = ClusterId::parse(p["scopeId"].as_str().unwrap()).unwrap();
    let sent = &p["pricing"]["properties"];
    let extensions: Vec<(String, bool, Option<Value>)> = sent["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().into(),
                true,
                e.get("additionalExtensionProperties").cloned(),
            )
        })
        .collect();
    let planned = pricing::set(&cluster, true, &extensions);
    assert_eq!(planned.method, Method::Put);
    assert_eq!(
        url(&planned),
        format!(
            "{ARM}/{}/providers/Microsoft.Security/pricings/Containers?api-version=2024-01-01",
            p["scopeId"].as_str().unwrap()
        )
    );
    assert_eq!(planned.body.unwrap(), p["pricing"]);
    let off = pricing::set(&cluster, false, &extensions).body.unwrap();
    assert_eq!(off, json!({ "properties": { "pricingTier": "Free" } }));
    assert_eq!(pricing::inherit(&cluster).method, Method::Delete);
}

#[test]
fn quick_fix_changes_only_its_fields_of_the_official_cluster() {
    let ex = example(
        "containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2026-08-01/examples/ManagedClustersGet.json",
    );
    let cluster = ex["responses"]["200"]["body"].clone();
    let (after, changes) =
        quick_fix::apply(&cluster, Fix::AzurePolicyAddon, &FixInput::None).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0].path,
        "properties.addonProfiles.azurepolicy.enabled"
    );
    assert_eq!(changes[0].after, "true");
    let mut expected = cluster.clone();
    quick_fix::put_pointer(
        &mut expected,
        "/properties/addonProfiles/azurepolicy/enabled",
        json!(true),
    );
    assert_eq!(after, expected, "nothing else changes");

    let ranges = FixInput::IpRanges(vec!["203.0.113.0/24".into()]);
    let (after, changes) = quick_fix::apply(&cluster, Fix::AuthorizedIpRanges, &ranges).unwrap();
    assert_eq!(
        after["properties"]["apiServerAccessProfile"]["authorizedIPRanges"],
        json!(["203.0.113.0/24"])
    );
    assert_eq!(changes[0].before, "(not set)");

    let planned = quick_fix::put(
        &ClusterId::parse(cluster["id"].as_str().unwrap()).unwrap(),
        after,
        Some("\"etag-1\"".into()),
    );
    let request = planned.request(ARM);
    assert_eq!(
        request.headers,
        vec![("If-Match".to_string(), "\"etag-1\"".to_string())]
    );
    assert!(request.url.ends_with("?api-version=2025-10-01"));

    // RBAC is chosen at creation: guidance, not a change.
    let err = quick_fix::apply(&cluster, Fix::Rbac, &FixInput::None).unwrap_err();
    assert!(err.contains("can only be chosen when a cluster is created"));
}

fn demo() -> (ArmClient<DemoTransport>, ClusterId) {
    let (transport, facts) = DemoTransport::new().unwrap();
    (
        ArmClient::new(transport, ARM),
        ClusterId::parse(&facts.cluster_id).unwrap(),
    )
}

#[test]
fn every_cluster_level_misconfiguration_of_the_demo_has_a_fix_or_guidance() {
    let data = common::demo_data();
    let cluster: Vec<_> = data
        .misconfigurations()
        .filter(|r| r.kind == RecommendationKind::Cluster)
        .map(|r| (r.name.clone(), Fix::for_recommendation(r)))
        .collect();
    assert_eq!(cluster.len(), 6, "{cluster:?}");
    assert!(cluster.iter().all(|(_, f)| f.is_some()), "{cluster:?}");
    let automatic = cluster
        .iter()
        .filter(|(_, f)| f.unwrap().is_automatic())
        .count();
    assert_eq!(
        automatic, 5,
        "Defender, Azure Policy, IP ranges, local accounts, version"
    );
}

#[test]
fn quick_fix_runs_end_to_end_on_the_demo_and_refuses_a_stale_etag() {
    let (client, cluster) = demo();
    let id = cluster.clone();
    let data = common::demo_data();
    let rec = data
        .misconfigurations()
        .find(|r| Fix::for_recommendation(r) == Some(Fix::UpgradeKubernetes))
        .unwrap();
    let versions = block_on(fix_flow::upgrade_versions(&client, &id)).unwrap();
    assert_eq!(
        versions,
        ["1.31.5", "1.30.10"],
        "newest first, previews left out"
    );
    let input = FixInput::Version(versions[0].clone());
    let prepared = block_on(fix_flow::prepare(
        &client,
        &id,
        Fix::UpgradeKubernetes,
        &input,
    ))
    .unwrap();
    assert_eq!(prepared.changes[0].path, "properties.kubernetesVersion");
    assert_eq!(
        (
            prepared.changes[0].before.as_str(),
            prepared.changes[0].after.as_str()
        ),
        ("1.30.6", "1.31.5")
    );
    assert_eq!(
        prepared.preview.headers,
        vec![("If-Match".to_string(), "a3f9c2d1".to_string())]
    );
    // Someone else changes the cluster in between: the prepared PUT must not overwrite it.
    let other = block_on(fix_flow::prepare(
        &client,
        &id,
        Fix::AzurePolicyAddon,
        &FixInput::None,
    ))
    .unwrap();
    block_on(fix_flow::apply(&client, &other, |_| {})).unwrap();
    let stale = block_on(fix_flow::apply(&client, &prepared, |_| {})).unwrap_err();
    assert_eq!(stale.kind, FailureKind::Stale);
    assert!(
        stale
            .message
            .starts_with("Someone changed the resource after it was read"),
        "{stale}"
    );
    // Prepared again, it goes through, with progress, and the demo re-evaluates.
    let prepared = block_on(fix_flow::prepare(
        &client,
        &id,
        Fix::UpgradeKubernetes,
        &input,
    ))
    .unwrap();
    let mut steps = Vec::new();
    block_on(fix_flow::apply(&client, &prepared, |s| steps.push(s))).unwrap();
    assert!(
        steps.iter().any(|s| s.contains("InProgress (check 1)")),
        "{steps:?}"
    );
    assert!(
        block_on(fix_flow::reread(&client, &rec.id)).unwrap(),
        "healthy after the fix"
    );
}

#[test]
fn bulk_status_change_reports_each_item_and_keeps_going_after_a_failure() {
    let (client, _) = demo();
    let data = common::demo_data();
    let mut items: Vec<BulkItem> = data
        .alerts
        .iter()
        .take(5)
        .map(|a| BulkItem {
            id: a.id.clone(),
            label: a.title.clone(),
            planned: alerts::change_status(&a.id, AlertStatus::Resolved),
        })
        .collect();
    let gone = format!("{}-deleted", items[2].id);
    items[2].planned = alerts::change_status(&gone, AlertStatus::Resolved);
    let mut heard = 0;
    let outcome = block_on(run_bulk(&client, items, Role::SecurityAdmin, |_| {
        heard += 1
    }));
    assert_eq!(heard, 5);
    assert_eq!(outcome.summary("updated"), "4 of 5 updated; 1 failed");
    assert_eq!(
        outcome.failed().next().unwrap().id,
        data.alerts[2].id,
        "results keep their items"
    );
    let reloaded = common::demo_data_from(client.transport().clone());
    let resolved = reloaded
        .alerts
        .iter()
        .filter(|a| a.status == AlertStatus::Resolved)
        .count();
    let before = data
        .alerts
        .iter()
        .filter(|a| a.status == AlertStatus::Resolved)
        .count();
    let newly = data
        .alerts
        .iter()
        .take(5)
        .enumerate()
        .filter(|(i, a)| *i != 2 && a.status != AlertStatus::Resolved)
        .count();
    assert_eq!(resolved, before + newly);
}

#[test]
fn settings_read_enforce_and_inheritance_and_save_back_every_extension() {
    let (client, cluster) = demo();
    let snapshot = block_on(settings::read(&client, &cluster)).unwrap();
    assert!(snapshot.view.plan_on && snapshot.view.inherited && !snapshot.view.enforced);
    assert_eq!(snapshot.view.azure_policy, Some(false));
    let mut choice = snapshot.view.choice();
    choice.set_extension("ContainerSensor", false);
    let planned = settings::plan_request(&cluster, &snapshot, &choice);
    let sent = planned.body.clone().unwrap();
    let names: Vec<&str> = sent["properties"]["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        5,
        "the two extensions the pane does not show are sent back: {names:?}"
    );
    let sensor = sent["properties"]["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "ContainerSensor")
        .unwrap();
    assert_eq!(sensor["isEnabled"], "False");
    block_on(client.send_planned(&planned)).unwrap();
    let after = block_on(settings::read(&client, &cluster)).unwrap();
    assert!(!after.view.inherited, "now the cluster's own setting");
    assert!(!after.view.choice().extension("ContainerSensor"));
    block_on(client.send_planned(&settings::inherit_request(&cluster))).unwrap();
    let back = block_on(settings::read(&client, &cluster)).unwrap();
    assert!(back.view.inherited && back.view.choice().extension("ContainerSensor"));
}

#[test]
fn scope_choices_come_from_the_alerts_entities_with_the_cluster_first() {
    use aks_security_dashboard::domain::actions::suppression::scope_choices;
    let data = common::demo_data();
    let alert = data.alerts.iter().find(|a| a.entities.len() > 2).unwrap();
    let choices = scope_choices(alert, &data.cluster.id, &data.cluster.name);
    assert_eq!(choices[0].field, "entities.azureresource.resourceid");
    assert!(choices[0].contains && choices[0].value == data.cluster.id);
    assert!(choices.len() > 1, "{choices:?}");
    for c in &choices[1..] {
        assert!(
            c.field.starts_with("entities.") && c.field == c.field.to_lowercase(),
            "{c:?}"
        );
        assert!(!c.contains && !c.value.is_empty());
    }
}

#[test]
fn exempting_matches_the_official_standard_assignment_example() {
    let ex = example(
        "security/resource-manager/Microsoft.Security/Security/stable/2024-08-01/examples/StandardAssignments/PutExemptionStandardAssignment.json",
    );
    let p = &ex["parameters"];
    let sent = &p["standardAssignment"]["properties"];
    let resource = format!("/{}", p["resourceId"].as_str().unwrap());
    let plan = ExemptPlan {
        category: Category::parse(sent["exemptionData"]["exemptionCategory"].as_str().unwrap())
            .unwrap(),
        scope: ExemptScope::Resource,
        expires_on: Some(sent["expiresOn"].as_str().unwrap().into()),
        justification: sent["description"].as_str().unwrap().into(),
    };
    let name = p["standardAssignmentName"].as_str().unwrap();
    let key = sent["exemptionData"]["assignedAssessment"]["assessmentKey"]
        .as_str()
        .unwrap();
    let planned = exemption::exempt(
        &resource,
        name,
        key,
        sent["displayName"].as_str().unwrap(),
        &plan,
    );
    assert_eq!(planned.method, Method::Put);
    assert_eq!(
        url(&planned),
        format!(
            "{ARM}{resource}/providers/Microsoft.Security/standardAssignments/{name}?api-version={}",
            p["api-version"].as_str().unwrap()
        )
    );
    assert_eq!(planned.body.unwrap(), json!({ "properties": sent }));

    // Renewing the example's answer (read back through the mapping) sends the same body with
    // the new expiry; removing is a DELETE of its id.
    let answer = &ex["responses"]["200"]["body"];
    let read = aks_security_dashboard::mapping::exemptions::exemption(answer).unwrap();
    assert_eq!(
        read.scope, resource,
        "the example's id has no /providers before Microsoft.Security"
    );
    let renewed = exemption::renew(&read, Some("2027-03-01T00:00:00.000Z"))
        .body
        .unwrap();
    let mut expected = sent.clone();
    expected["expiresOn"] = json!("2027-03-01T00:00:00.000Z");
    assert_eq!(renewed, json!({ "properties": expected }));
    assert_eq!(exemption::remove(&read).method, Method::Delete);
}

#[test]
fn renewing_a_policy_exemption_sends_the_official_body_back_whole() {
    let ex = example(
        "resources/resource-manager/Microsoft.Authorization/policy/preview/2022-07-01-preview/examples/createOrUpdatePolicyExemption.json",
    );
    let body = &ex["responses"]["200"]["body"];
    let read = aks_security_dashboard::mapping::exemptions::exemption(body).unwrap();
    let renewed = exemption::renew(&read, None);
    assert_eq!(renewed.method, Method::Put);
    assert!(url(&renewed).ends_with("?api-version=2022-07-01-preview"));
    assert_eq!(renewed.body.unwrap(), ex["parameters"]["parameters"]);
}

#[test]
fn the_demo_refuses_an_exemption_in_the_locked_down_node_resource_group_and_only_there() {
    let (client, cluster) = demo();
    let data = common::demo_data();
    // Four findings on images and one on the scale set of the node pool "apps", each exempted
    // on its own resource: the scale set is in the node resource group AKS locks down.
    let on_vmss = |r: &&aks_security_dashboard::domain::Recommendation| {
        r.resource_id.contains("/virtualMachineScaleSets/")
    };
    let vmss = data.recommendations.iter().find(on_vmss).unwrap();
    let images = data
        .recommendations
        .iter()
        .filter(|r| r.unhealthy && r.resource_id.contains("/containers/"))
        .take(4);
    let plan = ExemptPlan {
        category: Category::Mitigated,
        scope: ExemptScope::Resource,
        expires_on: None,
        justification: "Mitigated by the admission policy".into(),
    };
    let items: Vec<BulkItem> = images
        .chain([vmss])
        .enumerate()
        .map(|(i, r)| BulkItem {
            id: r.id.clone(),
            label: r.name.clone(),
            planned: exemption::exempt(&r.resource_id, &format!("{i}"), &r.key, &r.name, &plan),
        })
        .collect();
    let outcome = block_on(run_bulk(&client, items, Role::Exemptions, |_| {}));
    assert_eq!(outcome.summary("exempted"), "4 of 5 exempted; 1 failed");
    let failed = outcome.failed().next().unwrap();
    assert_eq!(failed.id, vmss.id);
    let error = failed.error.as_ref().unwrap();
    assert!(error.starts_with("A deny assignment refuses"), "{error}");
    // The same recommendation at the cluster's scope is accepted.
    let at_cluster = exemption::exempt(&cluster.to_string(), "c", &vmss.key, &vmss.name, &plan);
    let item = BulkItem {
        id: vmss.id.clone(),
        label: vmss.name.clone(),
        planned: at_cluster,
    };
    let outcome = block_on(run_bulk(&client, vec![item], Role::Exemptions, |_| {}));
    assert_eq!(outcome.summary("exempted"), "1 of 1 exempted");
}

#[test]
fn a_policy_exemption_matches_the_official_example() {
    let ex = example(
        "resources/resource-manager/Microsoft.Authorization/policy/preview/2022-07-01-preview/examples/createOrUpdatePolicyExemption.json",
    );
    let p = &ex["parameters"];
    let sent = &p["parameters"]["properties"];
    let text = |v: &Value| v.as_str().unwrap().to_string();
    let references: Vec<String> = sent["policyDefinitionReferenceIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    let target = exemption::PolicyTarget {
        assignment: &text(&sent["policyAssignmentId"]),
        references: &references,
        display_name: &text(&sent["displayName"]),
        description: &text(&sent["description"]),
        reason: &text(&sent["metadata"]["reason"]),
    };
    let plan = ExemptPlan {
        category: Category::parse(&text(&sent["exemptionCategory"])).unwrap(),
        scope: ExemptScope::Cluster,
        expires_on: None,
        justification: String::new(),
    };
    let scope = format!("/{}", text(&p["scope"]));
    let name = text(&p["policyExemptionName"]);
    let planned = exemption::exempt_policy(&scope, &name, &target, &plan);
    assert_eq!(planned.method, Method::Put);
    assert_eq!(
        url(&planned),
        format!(
            "{ARM}{scope}/providers/Microsoft.Authorization/policyExemptions/{name}\
             ?api-version={}",
            text(&p["api-version"])
        )
    );
    assert_eq!(planned.body.unwrap(), p["parameters"]);
}

#[test]
fn policy_based_recommendations_get_azure_policy_exemptions_on_the_assignment_that_evaluates_them()
{
    use aks_security_dashboard::state::flows::exemption::{
        self as exemption_flow, ExemptRequest, ExemptTarget, policy_references,
    };
    let (client, cluster) = demo();
    let data = common::demo_data();
    let by_name = |name: &str| {
        data.recommendations
            .iter()
            .find(|r| r.unhealthy && r.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let privileged = by_name("Privileged containers should be avoided");
    // A policy-based check with no compliance state yet, and a vulnerability finding's
    // recommendation (Defender's own): both get Defender exemptions.
    let version =
        by_name("Kubernetes Services should be upgraded to a non-vulnerable Kubernetes version");
    let image = data
        .recommendations
        .iter()
        .find(|r| r.unhealthy && r.kind == RecommendationKind::Vulnerability)
        .unwrap();
    let targets: Vec<ExemptTarget> = [privileged, version, image]
        .iter()
        .enumerate()
        .map(|(i, r)| ExemptTarget::new(r, format!("00000000-0000-4000-8000-00000000000{i}")))
        .collect();
    let definitions: Vec<String> = targets
        .iter()
        .filter_map(|t| t.policy_definition.clone())
        .collect();
    assert_eq!(
        definitions.len(),
        2,
        "privileged and version are policy-based"
    );
    let policy = block_on(policy_references(&client, &cluster, &definitions)).unwrap();
    let assignment = format!(
        "/subscriptions/{}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn",
        cluster.subscription_id
    );
    assert_eq!(policy.len(), 1, "{policy:?}");
    assert_eq!(policy[0].assignment, assignment);
    assert_eq!(policy[0].reference, "privilegedContainersShouldBeAvoided");
    let request = ExemptRequest {
        targets,
        plan: ExemptPlan {
            category: Category::Mitigated,
            scope: ExemptScope::Resource,
            expires_on: None,
            justification: "Break-glass debug pods only".into(),
        },
        policy,
    };
    let items = request.items(&cluster.to_string());
    let urls: Vec<String> = items.iter().map(|i| url(&i.planned)).collect();
    assert!(
        urls[0].starts_with(&format!(
            "{ARM}{cluster}/providers/Microsoft.Authorization/policyExemptions/"
        )),
        "on the cluster, not the container: {}",
        urls[0]
    );
    let body = items[0].planned.body.clone().unwrap();
    assert_eq!(body["properties"]["policyAssignmentId"], json!(assignment));
    assert_eq!(
        body["properties"]["policyDefinitionReferenceIds"],
        json!(["privilegedContainersShouldBeAvoided"])
    );
    assert_eq!(body["properties"]["exemptionCategory"], json!("Mitigated"));
    assert_eq!(
        body["properties"]["metadata"]["reason"],
        json!("Break-glass debug pods only")
    );
    for u in &urls[1..] {
        assert!(
            u.contains("/providers/Microsoft.Security/standardAssignments/"),
            "{u}"
        );
    }
    // Sent to the demo, all three are accepted and the inventory reads the policy one back.
    let outcome = block_on(run_bulk(&client, items, Role::Exemptions, |_| {}));
    assert_eq!(outcome.summary("exempted"), "3 of 3 exempted");
    let reloaded = common::demo_data_from(client.transport().clone());
    let made = reloaded
        .exemptions
        .iter()
        .find(|e| {
            e.id.ends_with("/policyExemptions/00000000-0000-4000-8000-000000000000")
        })
        .expect("read back");
    assert_eq!(
        made.policy,
        Some((
            assignment,
            vec!["privilegedContainersShouldBeAvoided".into()]
        ))
    );
    // What the dashboard shows at once is what Refresh reads back: a Renew before the next
    // Refresh sends the exemption back whole, so it must not drop or rewrite its words.
    let mut on_screen = common::demo_data();
    exemption_flow::patch(
        &mut on_screen,
        &request.targets[0],
        &request,
        &cluster.to_string(),
        "2026-11-28T00:00:00Z",
    );
    let shown = on_screen.exemptions.last().expect("patched in");
    let until = Some("2027-01-31T00:00:00Z");
    assert_eq!(
        exemption::renew(shown, until).body,
        exemption::renew(made, until).body
    );
}
