// A fake Azure Resource Manager and Resource Graph answering from the official REST examples
// (tests/fixtures/azure-examples), recording every request (to check the bearer token, path and
// api-version of each). A Resource Graph query is answered with the fixture of the REST list it
// stands for (its "source path": the cluster's assessments, the alerts, the owners, compliance),
// turned into Resource Graph rows (alerts in PascalCase); faults and `tamper` address it by that
// path, and it is recorded as `POST <source path>` with `graph: true`. The fleet's queries are
// recorded as `POST fleet:<kind>`.
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { type FleetKind, fleetKindOf, fleetRows, kindOf, pascalAlert } from './resource_graph';

const ROOT = join(__dirname, '../../fixtures/azure-examples');
const files = execSync(`find ${ROOT} -name '*.json'`, { encoding: 'utf8' }).trim().split('\n');
/** The 200 response body of an official example, by file name. */
export function example(name: string): any {
  const file = files.find((f) => f.endsWith(`/${name}`));
  if (!file) throw new Error(`no official example ${name}`);
  return JSON.parse(readFileSync(file, 'utf8')).responses['200'].body;
}

export const CLUSTER = example('ManagedClustersGet.json');
const ARM = 'https://management.azure.com';

export type Recorded = { method: string; path: string; apiVersion: string | null; authorization: string | undefined; body: string | null; ifMatch?: string; graph?: boolean; skipToken?: string };

/** The REST list a Resource Graph query of the dashboard stands for. */
export function sourcePath(kind: ReturnType<typeof kindOf>): string | undefined {
  const c = CLUSTER.id.toLowerCase();
  return kind && {
    recommendations: `${c}/providers/microsoft.security/assessments`,
    alerts: `${c.split('/providers/')[0]}/providers/microsoft.security/alerts`,
    owners: `${c}/providers/microsoft.security/governanceassignments`,
    compliance: `${c.split('/resourcegroups/')[0]}/providers/microsoft.security/regulatorycompliancestandards`,
    exemptions: `${c}/providers/microsoft.security/standardassignments`,
  }[kind];
}

export class FakeArm {
  readonly requests: Recorded[] = [];

  /** `tamper` may rewrite any answer (hostile-input tests). */
  constructor(private readonly tamper: (path: string, body: any) => any = (_, body) => body) {}

  /** Faults to inject: the first matching entry answers instead of the example, `times` times. */
  readonly faults: { path: RegExp; query?: RegExp; method?: string; status: number; headers?: Record<string, string>; times: number; code?: string; body?: string }[] = [];

  /** Serve the alert list as two pages (the alert on the second), to test a paging chain. */
  pagedAlerts = false;

  /** Resource Graph quota headers sent with every query answer (none by default). */
  quotaHeaders: Record<string, string> = {};

  /** Writes the fake accepted, by ARM id (lower case): what a later GET returns. */
  readonly written = new Map<string, any>();

  async install(context: BrowserContext) {
    await context.route(`${ARM}/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const headers = await request.allHeaders();
      const query = request.method() === 'POST' && url.pathname.toLowerCase() === '/providers/microsoft.resourcegraph/resources'
        ? JSON.parse(request.postData() ?? '{}') : undefined;
      const fleet = query && fleetKindOf(String(query.query ?? ''));
      const source = query && !fleet ? sourcePath(kindOf(String(query.query ?? ''))) : undefined;
      const skipToken: string | undefined = query?.options?.$skipToken;
      this.requests.push({
        method: request.method(), path: source ?? (fleet ? `fleet:${fleet}` : url.pathname), apiVersion: url.searchParams.get('api-version'), authorization: headers['authorization'],
        body: request.postData(), ifMatch: headers['if-match'], graph: !!source || !!fleet, skipToken,
      });
      const cors = {
        'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization,content-type,if-match',
        'access-control-expose-headers': 'azure-asyncoperation,location,retry-after,etag',
      };
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET,POST,PUT,DELETE' } });
      const path = source ?? url.pathname;
      const search = source ? (skipToken ? `?$skipToken=${skipToken}` : '') : url.search;
      const fault = this.faults.find((f) => f.times > 0 && f.path.test(path) && (!f.query || f.query.test(search)) && (!f.method || f.method === request.method() || (source && f.method === 'GET')));
      if (fault) {
        fault.times -= 1;
        return route.fulfill({
          status: fault.status, headers: { ...cors, ...fault.headers }, contentType: 'application/json',
          body: fault.body ?? JSON.stringify({ error: { code: fault.code ?? (fault.status === 429 ? 'TooManyRequests' : 'InternalServerError'), message: `Injected ${fault.status} for ${url.pathname}.` } }),
        });
      }
      if (fleet) {
        const data = this.fleet(fleet);
        const body = { totalRecords: data.length, count: data.length, resultTruncated: 'false', facets: [], data };
        return route.fulfill({ status: 200, headers: { ...cors, ...this.quotaHeaders }, contentType: 'application/json', body: JSON.stringify(body) });
      }
      if (source) {
        const answer = this.graph(source, skipToken);
        return route.fulfill({ status: 200, headers: { ...cors, ...this.quotaHeaders }, contentType: 'application/json', body: JSON.stringify(answer) });
      }
      if (request.method() !== 'GET' && !url.pathname.toLowerCase().endsWith('/microsoft.resourcegraph/resources')) {
        const { status, body, headers } = this.mutate(request.method(), url.pathname, request.postData());
        return route.fulfill({ status, headers: { ...cors, ...headers }, contentType: 'application/json', body: body === undefined ? '' : JSON.stringify(body) });
      }
      const written = this.written.get(url.pathname.toLowerCase());
      const answer = written ?? this.answer(request.method(), url.pathname, url.searchParams.get('$skipToken'));
      const body = answer === undefined ? undefined : this.tamper(url.pathname.toLowerCase(), structuredClone(answer));
      return body === undefined
        ? route.fulfill({ status: 404, headers: cors, contentType: 'application/json', body: JSON.stringify({ error: { code: 'NotFound', message: `No ${url.pathname} in this fake.` } }) })
        : route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: JSON.stringify(body) });
    });
  }

  /** A fleet query's rows over this fake's tenant: the example cluster (its findings are the
   * lists the dashboard's queries stand for, hung under it) and a second cluster with none. */
  private fleet(kind: FleetKind): any[] {
    const sub = CLUSTER.id.split('/')[2];
    const shop = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-shop/providers/Microsoft.ContainerService/managedClusters/aks-shop';
    const resources: any[] = [
      CLUSTER,
      { ...CLUSTER, id: shop, name: 'aks-shop', location: 'westeurope' },
      // Both subscriptions' Containers and CloudPosture plans, as the official examples have them.
      ...[sub, '11111111-1111-1111-1111-111111111111'].flatMap((s) => ['GetPricingByNameContainers_example.json', 'PutPricingByName_example.json']
        .map((f) => example(f)).map((p: any) => ({ ...p, id: `/subscriptions/${s}/providers/Microsoft.Security/pricings/${p.name}` }))),
    ];
    for (const k of ['recommendations', 'alerts', 'owners'] as const) {
      for (const r of (this.graph(sourcePath(k)!, undefined) as any).data ?? []) {
        resources.push(k === 'recommendations' ? { ...r, id: `${CLUSTER.id}/providers/Microsoft.Security/assessments/${r.name}` } : r);
      }
    }
    return fleetRows(resources, kind, new Date().toISOString());
  }

  /** A query's answer: its source list's fixture as Resource Graph rows, one page of it. */
  private graph(source: string, skipToken: string | undefined): unknown {
    const list: any = this.tamper(source, structuredClone(this.answer('GET', source, null) ?? { value: [] }));
    let data: any[] = list.value ?? list;
    if (!Array.isArray(data)) return { totalRecords: 1, count: 1, resultTruncated: 'false', data }; // wrong shape: passed on as is
    if (source.endsWith('/alerts')) data = data.map(pascalAlert);
    if (source.endsWith('/assessments')) {
      // Resource Graph rows carry their metadata inline: the official metadata example's.
      const metadata = example('GetAssessmentsMetadata_example.json').properties;
      data = data.map((a: any) => (a?.properties && !a.properties.metadata ? { ...a, properties: { ...a.properties, metadata } } : a));
    }
    if (source.endsWith('/governanceassignments')) {
      // As the per-recommendation lists answered before: the official assignment on each
      // unhealthy recommendation of the cluster (and what this fake accepted since).
      const recommendations: any[] = (this.graph(sourcePath('recommendations')!, undefined) as any).data ?? [];
      const [official, ...accepted] = data;
      data = [
        ...recommendations.filter((a) => a?.properties?.status?.code === 'Unhealthy')
          .map((a) => ({ ...official, id: `${a.id}/governanceAssignments/${official.name}` })),
        ...accepted,
      ].map((g: any) => ({ ...g, assessmentId: g.id.toLowerCase().replace(/\/governanceassignments\/[^/]+$/, '') }));
    }
    if (source.endsWith('/alerts') && this.pagedAlerts && !skipToken) return { totalRecords: data.length, count: 0, resultTruncated: 'false', data: [], $skipToken: 'page2' };
    return { totalRecords: data.length, count: data.length, resultTruncated: 'false', facets: [], data };
  }

  /** PUT, POST and DELETE as ARM answers them (the body echoed with its id, 204 for actions). */
  private mutate(method: string, path: string, sent: string | null): { status: number; body?: unknown; headers?: Record<string, string> } {
    const p = path.toLowerCase();
    const body = sent ? JSON.parse(sent) : undefined;
    const name = path.split('/').pop()!;
    if (method === 'POST' && /\/alerts\/[^/]+\/(activate|dismiss|resolve|inprogress)$/.test(p)) return { status: 204 };
    if (method === 'DELETE') {
      const existed = this.written.delete(p);
      return { status: existed ? 200 : 204 };
    }
    if (method === 'PUT' && p === CLUSTER.id.toLowerCase()) {
      // AKS: accepted, updating, followed through Azure-AsyncOperation.
      const updated = { ...body, eTag: 'after-fix', properties: { ...body.properties, provisioningState: 'Updating' } };
      this.written.set(p, { ...updated, properties: { ...updated.properties, provisioningState: 'Succeeded' } });
      const operation = `${ARM}/subscriptions/${CLUSTER.id.split('/')[2]}/providers/Microsoft.ContainerService/locations/${CLUSTER.location}/operations/op-1?api-version=2025-10-01`;
      this.written.set(new URL(operation).pathname.toLowerCase(), { name: 'op-1', status: 'Succeeded' });
      return { status: 200, body: updated, headers: { 'azure-asyncoperation': operation, 'retry-after': '0' } };
    }
    if (method === 'PUT') {
      const type = p.includes('/governanceassignments/') ? 'Microsoft.Security/assessments/governanceAssignments'
        : p.includes('/alertssuppressionrules/') ? 'Microsoft.Security/alertsSuppressionRules'
        : p.includes('/pricings/') ? 'Microsoft.Security/pricings' : 'unknown';
      const resource = { id: path, name, type, properties: { ...body.properties, ...(type === 'Microsoft.Security/pricings' ? { inherited: 'False', inheritedFrom: null } : {}) } };
      const existed = this.written.has(p);
      this.written.set(p, resource);
      return { status: existed ? 200 : 201, body: resource };
    }
    return { status: 405, body: { error: { code: 'MethodNotAllowed', message: `${method} ${path} is not in this fake.` } } };
  }

  private answer(method: string, path: string, _skipToken: string | null = null): unknown {
    const p = path.toLowerCase();
    const cluster = CLUSTER.id.toLowerCase();
    if (method === 'POST' && p === '/providers/microsoft.resourcegraph/resources') {
      // The official QueryResponse shape, with managed-cluster rows.
      const page = example('ResourcesFirstPageQuery.json');
      const rows = [
        { id: CLUSTER.id, name: CLUSTER.name, resourceGroup: 'rg1', subscriptionId: '00000000-0000-0000-0000-000000000000', location: CLUSTER.location },
        { id: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-shop/providers/Microsoft.ContainerService/managedClusters/aks-shop', name: 'aks-shop', resourceGroup: 'rg-shop', subscriptionId: '11111111-1111-1111-1111-111111111111', location: 'westeurope' },
      ];
      return { ...page, totalRecords: rows.length, count: rows.length, $skipToken: undefined, data: rows };
    }
    if (p === cluster) return CLUSTER;
    if (p === `${cluster}/providers/microsoft.security/pricings/containers`) return example('GetResourcePricingByNameContainers_example.json');
    if (p.endsWith('/providers/microsoft.security/pricings')) return example('ListPricingsWithPlanFilter_example.json');
    if (p === `${cluster}/providers/microsoft.security/assessments`) return example('ListAssessments_example.json');
    if (p.startsWith(`${cluster}/providers/microsoft.security/assessments/`) && !p.split('/assessments/')[1].includes('/')) {
      // One assessment (re-read after a fix): as the (possibly tampered) list has it.
      const list = this.tamper(`${cluster}/providers/microsoft.security/assessments`, structuredClone(example('ListAssessments_example.json')));
      return list.value.find((a: any) => a.name.toLowerCase() === p.split('/').pop());
    }
    if (p.includes('/providers/microsoft.security/assessmentmetadata/')) return example('GetAssessmentsMetadata_example.json');
    if (p.endsWith('/subassessments')) return example('ListSubAssessments_example.json');
    if (p.endsWith('/governanceassignments')) {
      // The official assignment, and those this fake accepted.
      const written = [...this.written.entries()].filter(([k]) => k.includes('/governanceassignments/')).map(([, v]) => v);
      return { value: [...example('ListGovernanceAssignments_example.json').value, ...written] };
    }
    if (p.endsWith('/providers/microsoft.security/alerts')) {
      // The official alert, pointed at this cluster (the dashboard lists only the cluster's).
      const alert = structuredClone(example('GetAlertResourceGroupLocation_example.json'));
      alert.properties.resourceIdentifiers = [{ type: 'AzureResource', azureResourceId: CLUSTER.id }];
      return { value: [alert] };
    }
    if (p.endsWith('/providers/microsoft.security/regulatorycompliancestandards')) return { value: [] };
    if (p.endsWith('/providers/microsoft.security/alertssuppressionrules')) {
      return { value: [...this.written.entries()].filter(([k]) => k.includes('/alertssuppressionrules/')).map(([, v]) => v) };
    }
    return undefined;
  }
}
