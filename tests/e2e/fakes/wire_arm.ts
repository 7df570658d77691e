// The demo cluster's wire data (demo/cluster.json: every finding type, as ARM returns it) served
// as Azure Resource Manager over intercepted HTTPS, for Azure-mode specs that need alerts,
// vulnerabilities, misconfigurations and compliance at once. It answers as the in-browser demo
// ARM does: a GET by id, or a collection's direct children (alerts under any location), with the
// `name in (…)` filter the dashboard sends. `tamper` may rewrite every resource first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';

type Resource = { id: string; name: string; type: string; properties: any; [k: string]: unknown };
const ARM = 'https://management.azure.com';
const doc = JSON.parse(readFileSync(join(__dirname, '../../../demo/cluster.json'), 'utf8'));
export const DEMO_CLUSTER: string = doc.clusterId;

export class WireArm {
  readonly resources: Resource[];
  /** Every request, as method and path. */
  readonly requests: string[] = [];

  constructor(tamper: (r: Resource) => Resource = (r) => r) {
    this.resources = (structuredClone(doc.resources) as Resource[]).map(tamper);
  }

  async install(context: BrowserContext) {
    await context.route(`${ARM}/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      this.requests.push(`${request.method()} ${url.pathname}`);
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization,content-type,if-match' };
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET,POST,PUT,DELETE' } });
      const reply = (status: number, body?: unknown) => route.fulfill({ status, headers: cors, contentType: 'application/json', body: body === undefined ? '' : JSON.stringify(body) });
      const path = url.pathname.toLowerCase();
      if (request.method() === 'POST' && /\/alerts\/[^/]+\/(activate|dismiss|resolve|inprogress)$/.test(path)) return reply(204);
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
