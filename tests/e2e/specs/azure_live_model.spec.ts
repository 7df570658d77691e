import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { openCluster } from '../fakes/azure_session';
import { DEMO_CLUSTER, WireArm } from '../fakes/wire_arm';
import { TABS, expected, type FindingType } from '../fixtures/demo_expectations';
import { failOnCrashes } from '../fakes/no_crash';

failOnCrashes(test);

// The dashboard against a fake Azure Resource Graph answering from the demo cluster's wire data in
// today's live model (individual recommendations, PascalCase alerts in two resource groups,
// container-level checks): every number on screen equals what the fixtures imply, computed
// independently (fixtures/demo_expectations.ts).

const rowsOf = (type: FindingType) => (type === 'vulnerability' ? expected.vulnerability.components : expected[type].rows);
const totalOf = (type: FindingType) => Object.values(expected[type].counts).reduce((a, b) => a + b, 0);
const GROUPED = 'c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5';

test('live model over paged Resource Graph: every tab and summary count equals the fixtures; the alert in another resource group is shown', async ({ page, context, baseURL }) => {
  const arm = new WireArm();
  arm.pageSize = 100; // the recommendations span 3 pages: the list must come back whole
  const dashboard = new DashboardPage(page);
  await openCluster(page, context, baseURL!, arm, DEMO_CLUSTER);
  for (const type of Object.keys(TABS) as FindingType[]) {
    await expect(dashboard.total(type), type).toHaveText(String(totalOf(type)));
  }
  for (const type of Object.keys(TABS) as FindingType[]) {
    await dashboard.tab(TABS[type]).click();
    await dashboard.expectCount(rowsOf(type));
    await expect(page.getByTestId('data-source')).toContainText('Azure Resource Graph');
  }
  const pages = arm.requests.filter((r) => r === 'POST graph:recommendations').length;
  expect(pages, 'one query, several pages').toBeGreaterThanOrEqual(3);
  // One round of requests: 5 queries (pages aside) and 3 REST reads; no per-key metadata.
  const distinct = new Set(arm.requests.filter((r) => !r.startsWith('OPTIONS')));
  expect([...distinct].filter((r) => r.startsWith('POST graph:')).sort()).toEqual(['POST graph:alerts', 'POST graph:compliance', 'POST graph:exemptions', 'POST graph:owners', 'POST graph:recommendations']);
  expect(arm.requests.filter((r) => r.startsWith('GET '))).toHaveLength(3);
  expect(arm.requests.some((r) => /assessmentmetadata|subassessments/i.test(r))).toBe(false);

  // The alert filed in the node resource group is there.
  expect(expected.alert.elsewhere.length).toBeGreaterThan(0);
  await dashboard.tab(TABS.alert).click();
  await page.getByRole('searchbox', { name: 'Search items' }).fill(expected.alert.elsewhere[0]);
  await expect(dashboard.rows.first()).toContainText(expected.alert.elsewhere[0]);
  await expect(page.getByTestId('data-source')).toContainText('Read from: Security alerts, Azure Resource Graph');
});

test('a throttled query (429 with quota headers) is waited out and retried; the data then arrives whole', async ({ page, context, baseURL }) => {
  const arm = new WireArm();
  arm.graphFaults.push({
    kind: 'alerts', status: 429,
    headers: { 'retry-after': '1', 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:01' },
  });
  const dashboard = new DashboardPage(page);
  await openCluster(page, context, baseURL!, arm, DEMO_CLUSTER);
  await expect(dashboard.total('alert')).toHaveText(String(totalOf('alert')));
  await dashboard.expectCount(expected.alert.rows);
  expect(arm.requests.filter((r) => r === 'POST graph:alerts'), 'throttled, then answered').toHaveLength(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a cluster that still has the retired grouped recommendation, whose list now answers 404, shows "Not known", never 0', async ({ page, context, baseURL }) => {
  // Resource Graph still lists the grouped recommendation (it can lag days behind) and has no
  // individual findings yet; the sub-assessment list is gone.
  const arm = new WireArm();
  const vulnerable = (r: any) => ['SoftwareUpdate', 'ServiceUpgrade'].includes(r.properties?.metadata?.recommendationCategory);
  arm.resources.splice(0, arm.resources.length, ...arm.resources.filter((r) => !vulnerable(r)));
  arm.resources.push({
    id: `${DEMO_CLUSTER}/providers/Microsoft.Security/assessments/${GROUPED}`, name: GROUPED, type: 'Microsoft.Security/assessments',
    properties: {
      displayName: 'Azure running container images should have vulnerabilities resolved', resourceDetails: { Source: 'Azure', Id: DEMO_CLUSTER },
      status: { code: 'Unhealthy' }, metadata: { displayName: 'Azure running container images should have vulnerabilities resolved', severity: 'High' },
    },
  });
  const dashboard = new DashboardPage(page);
  await openCluster(page, context, baseURL!, arm, DEMO_CLUSTER, async () => {
    await context.route(/\/subAssessments\?/i, (route) => route.fulfill({
      status: 404, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ error: { code: 'ResourceNotFound', message: 'The sub-assessments were not found.' } }),
    }));
  });
  await expect(dashboard.total('vulnerability')).toHaveText('Not known');
  await dashboard.tab(TABS.vulnerability).click();
  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('retired grouped vulnerability recommendations on 2026-07-31');
  await expect(error).toContainText('this count is not known');
  await expect(page.getByRole('tabpanel').getByText('this is not a count of zero')).toBeVisible();
  await expect(page.getByText('No vulnerability found')).toHaveCount(0);
});

test('a nextLink to another origin is refused: no request, no token leaves for it, and the source says why', async ({ page, context, baseURL }) => {
  const arm = new WireArm();
  const stolen: string[] = [];
  const dashboard = new DashboardPage(page);
  await openCluster(page, context, baseURL!, arm, DEMO_CLUSTER, async () => {
    await context.route('https://attacker.example/**', (route) => { stolen.push(route.request().headers()['authorization'] ?? 'no token'); return route.abort(); });
    // The subscription's plan list answers with a next page on the attacker's host.
    await context.route(/\/subscriptions\/[^/]+\/providers\/Microsoft\.Security\/pricings\?/i, (route) => route.fulfill({
      status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ value: [], nextLink: 'https://attacker.example/subscriptions/x/providers/Microsoft.Security/pricings?$skipToken=2' }),
    }));
  });
  await expect(page.getByText(/The Defender plans could not be read: refused to follow https:\/\/attacker\.example\//)).toBeVisible();
  expect(stolen, 'nothing was sent to the foreign origin').toEqual([]);
  expect(dashboard.offOriginRequests.filter((u) => u.includes('attacker.example'))).toEqual([]);
  expect(arm.sent.every((r) => new URL(r.url).origin === 'https://management.azure.com')).toBe(true);
  // The rest of the dashboard loaded.
  await expect(dashboard.total('alert')).toHaveText(String(totalOf('alert')));
});
