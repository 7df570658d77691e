// A fake Azure Resource Graph (`POST /providers/Microsoft.ResourceGraph/resources`, 2024-04-01)
// over a list of ARM resources, answering the dashboard's four cluster queries as Resource Graph
// would over `securityresources`: it reads which type the query filters on and which cluster it
// names, selects the rows those filters select (an assessment belongs to the cluster when its id
// hangs under it or its resourceDetails.Id is it or under it: both candidates of API.md §L4),
// projects them as the query does, and pages with `$top` / `$skipToken`. Written apart from the
// app's own demo (src/arm/transport/demo/graph.rs), so a wrong query or mapping shows as a count
// that differs.
type Resource = { id: string; name: string; type: string; properties: any; [k: string]: unknown };

const ASSESSMENTS = 'microsoft.security/assessments';
const ALERTS = 'microsoft.security/locations/alerts';
const OWNERS = 'microsoft.security/assessments/governanceassignments';
const COMPLIANCE = 'microsoft.security/regulatorycompliancestandards/regulatorycompliancecontrols/regulatorycomplianceassessments';
const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** The query kinds the dashboard sends, by the type its first filter names. */
export function kindOf(query: string): 'recommendations' | 'alerts' | 'owners' | 'compliance' | undefined {
  const first = query.split('"')[1];
  return ({ [ASSESSMENTS]: 'recommendations', [ALERTS]: 'alerts', [OWNERS]: 'owners', [COMPLIANCE]: 'compliance' } as const)[first];
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
export function answer(resources: Resource[], body: any, pageSize = 1000): { status: number; body: unknown } {
  const selected = rows(resources, String(body?.query ?? ''));
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
