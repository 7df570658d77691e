// A fake Azure Resource Graph (`POST /providers/Microsoft.ResourceGraph/resources`, 2024-04-01)
// over a list of ARM resources, answering the dashboard's four cluster queries as Resource Graph
// would over `securityresources`: it reads which type the query filters on and which cluster it
// names, selects the rows those filters select (an assessment belongs to the cluster when its id
// hangs under it or its resourceDetails.Id is it or under it: both candidates of API.md §L4),
// projects them as the query does, and pages with `$top` / `$skipToken`. Written apart from the
// app's own demo (src/arm/transport/demo/graph.rs), so a wrong query or mapping shows as a count
// that differs.
type Resource = { id: string; name: string; type: string; properties: any; location?: string; [k: string]: unknown };

const ASSESSMENTS = 'microsoft.security/assessments';
const ALERTS = 'microsoft.security/locations/alerts';
const OWNERS = 'microsoft.security/assessments/governanceassignments';
const COMPLIANCE = 'microsoft.security/regulatorycompliancestandards/regulatorycompliancecontrols/regulatorycomplianceassessments';
const STANDARD_ASSIGNMENTS = 'microsoft.security/standardassignments';
const POLICY_EXEMPTIONS = 'microsoft.authorization/policyexemptions';
const POLICY_STATES = 'microsoft.policyinsights/policystates';
const MCSB_INITIATIVE = '1f3afdf9-d0c9-4c3d-847f-89da613e70a8';
const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** The query kinds the dashboard sends, by the type its first filter names. */
export function kindOf(query: string): 'recommendations' | 'alerts' | 'owners' | 'compliance' | 'exemptions' | 'policyStates' | undefined {
  const first = query.split('"')[1];
  return ({ [ASSESSMENTS]: 'recommendations', [ALERTS]: 'alerts', [OWNERS]: 'owners', [COMPLIANCE]: 'compliance', [STANDARD_ASSIGNMENTS]: 'exemptions',
    [POLICY_STATES]: 'policyStates' } as const)[first];
}

/** A resource's Resource Graph type (compliance resources by their id's shape). */
function typeOf(r: Resource): string {
  if (/\/regulatoryComplianceAssessments\//i.test(r.id)) return COMPLIANCE;
  if (/\/regulatoryComplianceControls\/[^/]+$/i.test(r.id)) return 'microsoft.security/regulatorycompliancestandards/regulatorycompliancecontrols';
  return lower(r.type);
}

function row(r: Resource) {
  const segment = (name: string) => {
    const parts = r.id.split('/');
    const i = parts.findIndex((p) => lower(p) === lower(name));
    return i >= 0 ? parts[i + 1] ?? '' : '';
  };
  return { id: r.id, name: r.name, type: typeOf(r), subscriptionId: segment('subscriptions'), resourceGroup: lower(segment('resourceGroups')), properties: r.properties };
}

/** Every row the query selects, in id order. */
export function rows(resources: Resource[], query: string): unknown[] | undefined {
  const kind = kindOf(query);
  const cluster = lower(query.split('"').find((s) => s.startsWith('/subscriptions/') && s.includes('/managedclusters/')));
  if (!kind || !cluster) return undefined;
  const under = (id: string | undefined) => lower(id) === cluster || lower(id).startsWith(cluster + '/');
  const assessments = resources.filter((r) => typeOf(r) === ASSESSMENTS &&
    (lower(r.id).startsWith(cluster + '/') || under(r.properties?.resourceDetails?.Id ?? r.properties?.resourceDetails?.id)));
  let out: any[];
  if (kind === 'recommendations') out = assessments.map(row);
  else if (kind === 'alerts') {
    out = resources.filter((r) => typeOf(r) === ALERTS).flatMap((r) =>
      (r.properties?.ResourceIdentifiers ?? []).filter((i: any) => lower(i?.AzureResourceId) === cluster).map(() => row(r)));
  } else if (kind === 'exemptions') {
    // Defender exemptions (effect Exempt) and Azure Policy's whose scope is the cluster, a
    // parent, or under it; the scope from the id (either Defender id shape, API.md §E2).
    const scopeOf = (id: string) => lower(id).match(/^(.*?)(\/providers)?\/microsoft\.security\/standardassignments\/[^/]+$/)?.[1]
      ?? lower(id).match(/^(.*)\/providers\/microsoft\.authorization\/policyexemptions\/[^/]+$/)?.[1];
    out = resources.filter((r) => (typeOf(r) === STANDARD_ASSIGNMENTS && lower(r.properties?.effect) === 'exempt') || typeOf(r) === POLICY_EXEMPTIONS)
      .filter((r) => { const s = scopeOf(r.id); return s !== undefined && (s === cluster || cluster.startsWith(s + '/') || s.startsWith(cluster + '/')); })
      .map(row);
  } else if (kind === 'policyStates') {
    // The Exempt panel's lookup: the benchmark initiative's compliance states on the cluster for
    // the definitions the query lists, one row per (definition, assignment, reference).
    const wanted = new Set(query.split('"').filter((s) => s.includes('/microsoft.authorization/policydefinitions/')));
    const found = new Map<string, any>();
    for (const r of resources.filter((x) => typeOf(x) === POLICY_STATES)) {
      const p = r.properties ?? {};
      const definition = lower(p.policyDefinitionId);
      if (!under(p.resourceId) || !lower(p.policySetDefinitionId).endsWith(MCSB_INITIATIVE) || !wanted.has(definition)) continue;
      const id = `${definition}|${p.policyAssignmentId}|${p.policyDefinitionReferenceId}`;
      found.set(id, { id, definition, assignment: p.policyAssignmentId, reference: p.policyDefinitionReferenceId });
    }
    out = [...found.values()];
  } else if (kind === 'owners') {
    const ids = new Set(assessments.map((a) => lower(a.id)));
    out = resources.filter((r) => typeOf(r) === OWNERS).flatMap((r) => {
      const assessmentId = lower(r.id.replace(/\/governanceAssignments\/[^/]+$/i, ''));
      return ids.has(assessmentId) ? [{ ...row(r), assessmentId }] : [];
    });
  } else {
    const keys = new Set(assessments.map((a) => lower(a.name)));
    out = resources.filter((r) => typeOf(r) === COMPLIANCE && keys.has(lower(r.name))).map((r) => {
      const [, standard, control] = r.id.match(/\/regulatoryComplianceStandards\/([^/]+)\/regulatoryComplianceControls\/([^/]+)\//i)!;
      const controlId = lower(r.id.replace(/\/regulatoryComplianceAssessments\/[^/]+$/i, ''));
      const description = resources.find((c) => lower(c.id) === controlId)?.properties?.description ?? '';
      return { id: r.id, standard, control, controlDescription: description, assessmentKey: lower(r.name), state: r.properties?.state };
    });
  }
  return out.sort((a, b) => (lower(a.id) < lower(b.id) ? -1 : lower(a.id) > lower(b.id) ? 1 : 0));
}

/** The response to one query request: a page of rows, with `$skipToken` while more follow. */
export function answer(resources: Resource[], body: any, pageSize = 1000, now = new Date().toISOString()): { status: number; body: unknown } {
  const query = String(body?.query ?? '');
  const fleet = fleetKindOf(query);
  const selected = fleet ? fleetRows(resources, fleet, now) : rows(resources, query);
  if (!selected) return { status: 400, body: { error: { code: 'BadRequest', message: 'This fake Resource Graph answers only the dashboard\'s cluster queries.' } } };
  const top = Math.min(pageSize, Number(body?.options?.$top ?? 1000));
  const skip = Number(body?.options?.$skipToken ?? 0);
  const data = selected.slice(skip, skip + top);
  const next = skip + top < selected.length ? String(skip + top) : undefined;
  return { status: 200, body: { totalRecords: selected.length, count: data.length, resultTruncated: 'false', facets: [], data, ...(next ? { $skipToken: next } : {}) } };
}

/** Resource Graph spells alert properties (and their identifiers) in PascalCase. */
export function pascalAlert<T extends Resource>(alert: T): T {
  const pascal = (o: any) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), v]));
  const properties = pascal(alert.properties);
  properties.ResourceIdentifiers = (properties.ResourceIdentifiers ?? []).map(pascal);
  return { ...alert, properties };
}

// The fleet's three queries (src/arm/fleet.rs), answered over the same resources as Resource
// Graph would: one row per cluster (or per plan), written here apart from the app's demo
// (src/arm/transport/demo/fleet_rows.rs).
export type FleetKind = 'clusters' | 'plans' | 'posture';

/** Which fleet query `query` is, by the table and type it starts with. */
export function fleetKindOf(query: string): FleetKind | undefined {
  if (/^resources\s*\n\| where type =~ "microsoft\.containerservice\/managedclusters"/.test(query)) return 'clusters';
  if (/^securityresources\s*\n\| where type =~ "microsoft\.security\/pricings"/.test(query)) return 'plans';
  if (query.startsWith(`securityresources\n| where type =~ "${ALERTS}"`) && /\bby cluster\b/.test(query)) return 'posture';
  return undefined;
}

const CLUSTER_ID = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+)(\/|$)/;
const clusterOf = (id: string | undefined) => lower(id).match(CLUSTER_ID)?.[1];
const LEVEL_NAMES = ['critical', 'high', 'medium', 'low', 'informational'];
/** A wire severity or risk level's index (Critical first), as the dashboard reads levels. */
const levelIndex = (text: unknown): number | undefined => {
  const t = lower(typeof text === 'string' ? text : undefined);
  const i = LEVEL_NAMES.indexOf(t === 'moderate' ? 'medium' : t === 'info' ? 'informational' : t);
  return i >= 0 ? i : undefined;
};
const GROUPED = ['c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5', '24a15fbd-cfe4-4dff-b2be-1c367a6b2031'];
const VULNERABILITY_KEYS = [...GROUPED, 'e9acaf48-d2cf-45a3-a6e7-3caa2ef769e0', '41503391-efa5-47ee-9282-4eff6131462c'];
const byId = (a: any, b: any) => (lower(a.id) < lower(b.id) ? -1 : lower(a.id) > lower(b.id) ? 1 : 0);

export function fleetRows(resources: Resource[], kind: FleetKind, now: string): any[] {
  if (kind === 'clusters') {
    const names = new Map(resources.filter((r) => lower(r.type) === 'microsoft.resources/subscriptions').map((s) => [lower(String(s.subscriptionId)), s.name]));
    return resources.filter((r) => lower(r.type) === 'microsoft.containerservice/managedclusters').map((c) => ({
      id: c.id, location: c.location, subscription: names.get(lower(c.id.split('/')[2])),
      version: c.properties?.currentKubernetesVersion ?? c.properties?.kubernetesVersion,
    })).sort(byId);
  }
  if (kind === 'plans') {
    return resources.filter((r) => lower(r.type) === 'microsoft.security/pricings' && ['containers', 'cloudposture'].includes(lower(r.name))).map((p) => ({
      id: p.id, subscriptionId: p.id.split('/')[2], plan: p.name, tier: p.properties?.pricingTier ?? '', inherited: p.properties?.inherited ?? '',
    })).sort(byId);
  }
  type Tally = { alerts: number[]; cves: number[]; misconfigurations: number[]; images: Set<string>; overdue: number; expiring: number };
  const tallies = new Map<string, Tally>();
  const tally = (c: string) => tallies.get(c) ?? tallies.set(c, { alerts: [0, 0, 0, 0, 0], cves: [0, 0, 0, 0, 0], misconfigurations: [0, 0, 0, 0, 0], images: new Set(), overdue: 0, expiring: 0 }).get(c)!;
  for (const a of resources.filter((r) => typeOf(r) === ALERTS && ['active', 'inprogress'].includes(lower(r.properties?.Status)))) {
    const level = levelIndex(a.properties.Severity);
    const named = new Set<string>((a.properties.ResourceIdentifiers ?? []).map((i: any) => lower(i?.AzureResourceId)).filter((id: string) => clusterOf(id) === id));
    if (level !== undefined) for (const c of named) tally(c).alerts[level]++;
  }
  const unhealthy = new Map<string, string>();
  for (const a of resources.filter((r) => typeOf(r) === ASSESSMENTS && lower(r.properties?.status?.code) === 'unhealthy')) {
    const assessed = lower(a.properties.resourceDetails?.Id ?? a.properties.resourceDetails?.id);
    const c = clusterOf(a.id) ?? clusterOf(assessed);
    if (!c) continue;
    unhealthy.set(lower(a.id), c);
    if (VULNERABILITY_KEYS.includes(lower(a.name))) continue;
    const category = a.properties.metadata?.recommendationCategory;
    const list = a.properties.additionalData?.CvesDetails;
    const recLevel = levelIndex(a.properties.metadata?.severity) ?? 2;
    if (!(category === 'SoftwareUpdate' || category === 'ServiceUpgrade' || (list !== undefined && list !== null))) {
      tally(c).misconfigurations[levelIndex(a.properties.risk?.level) ?? recLevel]++;
      continue;
    }
    let cves: any[] = [];
    try { cves = typeof list === 'string' ? JSON.parse(list) : Array.isArray(list) ? list : []; } catch { cves = []; }
    const named = cves.filter((x) => typeof x?.CveId === 'string' && x.CveId !== '');
    if (named.length === 0) tally(c).cves[recLevel]++;
    for (const cve of named) tally(c).cves[levelIndex(cve.Severity) ?? recLevel]++;
    if (category !== 'ServiceUpgrade') tally(c).images.add(assessed);
  }
  for (const s of resources.filter((r) => lower(r.type) === 'microsoft.security/assessments/subassessments')) {
    const key = lower(s.id.match(/\/assessments\/([^/]+)\/subassessments\//i)?.[1]);
    const c = clusterOf(s.id);
    if (!c || !GROUPED.includes(key) || lower(s.properties?.status?.code) !== 'unhealthy') continue;
    tally(c).cves[levelIndex(s.properties.status.severity) ?? 2]++;
    if (key !== GROUPED[1] && s.properties.resourceDetails?.id) tally(c).images.add(lower(s.properties.resourceDetails.id));
  }
  for (const g of resources.filter((r) => typeOf(r) === OWNERS && String(r.properties?.remediationDueDate ?? '') < now)) {
    const c = unhealthy.get(lower(g.id.replace(/\/governanceAssignments\/[^/]+$/i, '')));
    if (g.properties?.remediationDueDate && c) tally(c).overdue++;
  }
  // Exemptions on a cluster (or under it) that end within 14 days.
  const end = new Date(Date.parse(now) + 14 * 86_400_000).toISOString().slice(0, 10);
  for (const e of resources.filter((r) => (typeOf(r) === STANDARD_ASSIGNMENTS && lower(r.properties?.effect) === 'exempt') || typeOf(r) === POLICY_EXEMPTIONS)) {
    const expires = String(e.properties?.expiresOn ?? '');
    const c = clusterOf(e.id);
    if (c && expires && expires >= now && expires.slice(0, 10) <= end) tally(c).expiring++;
  }
  // A posture row names its cluster by subscription/group/name (lower case), as the query does.
  const key = (id: string) => { const p = id.split('/'); return `${p[2]}/${p[4]}/${p[8]}`; };
  return [...tallies.entries()].map(([id, t]) => ({ id: key(id), counts: [...t.alerts, ...t.cves, ...t.misconfigurations, t.images.size, t.overdue, t.expiring] })).sort(byId);
}
