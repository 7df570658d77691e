// The demo cluster's wire data (demo/cluster.json: every finding type, in the live model) served
// as Azure Resource Manager and Resource Graph over intercepted HTTPS, for Azure-mode specs that
// need alerts, vulnerabilities, misconfigurations and compliance at once. REST: a GET by id, or a
// collection's direct children, with the `name in (…)` filter the dashboard sends. Resource
// Graph: the fake of resource_graph.ts over the same resources, `pageSize` rows a page.
// `tamper` may rewrite every resource first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { answer, fleetKindOf, kindOf } from './resource_graph';

type Resource = { id: string; name: string; type: string; properties: any; [k: string]: unknown };
const ARM = 'https://management.azure.com';
const doc = JSON.parse(readFileSync(join(__dirname, '../../../demo/cluster.json'), 'utf8'));
export const DEMO_CLUSTER: string = doc.clusterId;

export class WireArm {
  readonly resources: Resource[];
  /** Every request, as method and path (a Resource Graph query as `POST graph:<kind>`), and
   * the authorization it carried. */
  readonly requests: string[] = [];
  readonly sent: { url: string; authorization?: string }[] = [];
  /** Rows per Resource Graph page (the service's maximum by default). */
  pageSize = 1000;
  /** Headers added to every Resource Graph answer (quota). */
  graphHeaders: Record<string, string> = {};
  /** Answers that come first, once each: a status and headers (and body) for a query kind. */
  readonly graphFaults: { kind: string; status: number; headers?: Record<string, string>; body?: unknown }[] = [];
  /** Rewrites a Resource Graph answer (a hostile nextLink or skip token, say). */
  graphTamper: (kind: string, body: any) => any = (_, body) => body;

  /** REST paths answered 403 AuthorizationFailed (Defender data the user cannot read). */
  readonly forbidden: RegExp[] = [];
  /** Writes answered with an error instead, once each: a method, a path and a status. */
  readonly writeFaults: { method: string; path: RegExp; status: number; code: string }[] = [];
  /** The bodies of the writes accepted, by method and path. */
  readonly writes: { method: string; path: string; body: any }[] = [];

  /** `resources`: a tenant's resources instead of the demo cluster's. */
  constructor(tamper: (r: Resource) => Resource = (r) => r, resources: Resource[] = doc.resources) {
    this.resources = (structuredClone(resources) as Resource[]).map(tamper);
  }

  async install(context: BrowserContext) {
    await context.route(`${ARM}/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const headers = await request.allHeaders();
      this.sent.push({ url: request.url(), authorization: headers['authorization'] });
      const cors = {
        'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization,content-type,if-match',
        'access-control-expose-headers': 'retry-after,x-ms-user-quota-remaining,x-ms-user-quota-resets-after',
      };
      if (request.method() === 'POST' && url.pathname.toLowerCase() === '/providers/microsoft.resourcegraph/resources') {
        const body = JSON.parse(request.postData() ?? '{}');
        const fleet = fleetKindOf(String(body.query ?? ''));
        const kind = fleet ? `fleet-${fleet}` : kindOf(String(body.query ?? '')) ?? 'unknown';
        this.requests.push(`POST graph:${kind}`);
        const fault = this.graphFaults.findIndex((f) => f.kind === kind);
        if (fault >= 0) {
          const [f] = this.graphFaults.splice(fault, 1);
          return route.fulfill({ status: f.status, headers: { ...cors, ...f.headers }, contentType: 'application/json', body: JSON.stringify(f.body ?? { error: { code: 'RateLimiting', message: `Injected ${f.status}.` } }) });
        }
        const { status, body: page } = answer(this.resources, body, this.pageSize);
        return route.fulfill({ status, headers: { ...cors, ...this.graphHeaders }, contentType: 'application/json', body: JSON.stringify(this.graphTamper(kind, page)) });
      }
      this.requests.push(`${request.method()} ${url.pathname}`);
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET,POST,PUT,DELETE' } });
      const reply = (status: number, body?: unknown) => route.fulfill({ status, headers: cors, contentType: 'application/json', body: body === undefined ? '' : JSON.stringify(body) });
      const path = url.pathname.toLowerCase();
      if (this.forbidden.some((f) => f.test(path))) {
        return reply(403, { error: { code: 'AuthorizationFailed', message: `The client does not have authorization to perform action 'Microsoft.Security/pricings/read' over scope '${url.pathname}'.` } });
      }
      if (request.method() === 'POST' && /\/alerts\/[^/]+\/(activate|dismiss|resolve|inprogress)$/.test(path)) return reply(204);
      const fault = this.writeFaults.findIndex((f) => f.method === request.method() && f.path.test(path));
      if (fault >= 0) {
        const [f] = this.writeFaults.splice(fault, 1);
        return reply(f.status, { error: { code: f.code, message: `Injected ${f.status} for ${url.pathname}.` } });
      }
      // Exemptions, as ARM stores them: a PUT creates or replaces, a DELETE removes; later reads
      // (Resource Graph included) see the change.
      if (/\/(standardassignments|policyexemptions)\/[^/]+$/.test(path) && ['PUT', 'DELETE'].includes(request.method())) {
        const body = request.postData() ? JSON.parse(request.postData()!) : undefined;
        this.writes.push({ method: request.method(), path: url.pathname, body });
        const at = this.resources.findIndex((r) => r.id.toLowerCase() === path);
        if (request.method() === 'DELETE') {
          if (at >= 0) this.resources.splice(at, 1);
          return reply(at >= 0 ? 200 : 204);
        }
        const type = path.includes('/standardassignments/') ? 'Microsoft.Security/standardAssignments' : 'Microsoft.Authorization/policyExemptions';
        const resource = { id: url.pathname, name: url.pathname.split('/').pop()!, type, properties: body.properties };
        if (at >= 0) this.resources[at] = resource; else this.resources.push(resource);
        return reply(at >= 0 ? 200 : 201, resource);
      }
      if (request.method() !== 'GET') return reply(405, { error: { code: 'MethodNotAllowed', message: `${request.method()} is not in this fake.` } });
      const one = this.resources.find((r) => r.id.toLowerCase() === path);
      if (one) return reply(200, one);
      let members = this.resources.filter((r) => inCollection(r.id.toLowerCase(), path));
      const names = url.searchParams.get('$filter')?.match(/^name in \((.*)\)$/)?.[1].split(',').map((n) => n.trim());
      if (names) members = members.filter((r) => names.includes(r.name));
      if (members.length === 0 && !/\/(alerts|alertssuppressionrules|governanceassignments|subassessments|regulatorycompliance\w+)$/.test(path)) {
        return reply(404, { error: { code: 'ResourceNotFound', message: `The resource '${url.pathname}' was not found.` } });
      }
      return reply(200, { value: members });
    });
  }
}

function inCollection(id: string, collection: string): boolean {
  const scope = collection.match(/^(.*)\/providers\/microsoft\.security\/alerts$/)?.[1];
  if (scope !== undefined) {
    const rest = id.startsWith(`${scope}/providers/microsoft.security/locations/`) ? id.slice(scope.length).split('/') : [];
    return rest.length === 7 && rest[5] === 'alerts';
  }
  return id.slice(0, id.lastIndexOf('/')) === collection;
}
