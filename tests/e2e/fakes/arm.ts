// A fake Azure Resource Manager and Resource Graph answering from the official REST examples
// (tests/fixtures/azure-examples), recording every request (to check the bearer token, path and
// api-version of each).
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';

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

export type Recorded = { method: string; path: string; apiVersion: string | null; authorization: string | undefined; body: string | null };

export class FakeArm {
  readonly requests: Recorded[] = [];

  /** `tamper` may rewrite any answer (hostile-input tests). */
  constructor(private readonly tamper: (path: string, body: any) => any = (_, body) => body) {}

  /** Faults to inject: the first matching entry answers instead of the example, `times` times. */
  readonly faults: { path: RegExp; status: number; headers?: Record<string, string>; times: number }[] = [];

  async install(context: BrowserContext) {
    await context.route(`${ARM}/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const headers = await request.allHeaders();
      this.requests.push({ method: request.method(), path: url.pathname, apiVersion: url.searchParams.get('api-version'), authorization: headers['authorization'], body: request.postData() });
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization,content-type' };
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET,POST,PUT,DELETE' } });
      const fault = this.faults.find((f) => f.times > 0 && f.path.test(url.pathname));
      if (fault) {
        fault.times -= 1;
        return route.fulfill({
          status: fault.status, headers: { ...cors, ...fault.headers }, contentType: 'application/json',
          body: JSON.stringify({ error: { code: fault.status === 429 ? 'TooManyRequests' : 'InternalServerError', message: `Injected ${fault.status} for ${url.pathname}.` } }),
        });
      }
      const answer = this.answer(request.method(), url.pathname);
      const body = answer === undefined ? undefined : this.tamper(url.pathname.toLowerCase(), structuredClone(answer));
      return body === undefined
        ? route.fulfill({ status: 404, headers: cors, contentType: 'application/json', body: JSON.stringify({ error: { code: 'NotFound', message: `No ${url.pathname} in this fake.` } }) })
        : route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: JSON.stringify(body) });
    });
  }

  private answer(method: string, path: string): unknown {
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
    if (p.includes('/providers/microsoft.security/assessmentmetadata/')) return example('GetAssessmentsMetadata_example.json');
    if (p.endsWith('/subassessments')) return example('ListSubAssessments_example.json');
    if (p.endsWith('/governanceassignments')) return example('ListGovernanceAssignments_example.json');
    if (p.endsWith('/providers/microsoft.security/alerts')) {
      // The official alert, pointed at this cluster (the dashboard lists only the cluster's).
      const alert = structuredClone(example('GetAlertResourceGroupLocation_example.json'));
      alert.properties.resourceIdentifiers = [{ type: 'AzureResource', azureResourceId: CLUSTER.id }];
      return { value: [alert] };
    }
    if (p.endsWith('/providers/microsoft.security/regulatorycompliancestandards')) return { value: [] };
    return undefined;
  }
}
