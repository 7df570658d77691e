import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { FakeEntra, USER, azureConfig } from '../fakes/entra';
import { CLUSTER, FakeArm } from '../fakes/arm';

// The api-version each family of ARM paths must carry (shared/azure/API.md).
const API_VERSIONS: [RegExp, string][] = [
  [/\/providers\/microsoft\.resourcegraph\/resources$/i, '2024-04-01'],
  [/\/subassessments$/i, '2019-01-01-preview'],
  [/\/governanceassignments$/i, '2022-01-01-preview'],
  [/\/assessments$|\/assessmentmetadata\//i, '2025-05-04'],
  [/\/pricings(\/containers)?$/i, '2024-01-01'],
  [/\/alerts$/i, '2022-01-01'],
  [/\/regulatorycompliancestandards$/i, '2019-01-01-preview'],
  [/\/managedclusters\/[^/]+$/i, '2025-10-01'],
];

test('a user signs in with the real MSAL redirect flow, picks a cluster and sees its data from ARM', async ({ page, context, baseURL }) => {
  const entra = new FakeEntra();
  const arm = new FakeArm();
  await entra.install(context);
  await arm.install(context);
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(azureConfig(baseURL!)) }));
  const dashboard = new DashboardPage(page);

  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page), 'sign-in page').toEqual([]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // MSAL redirects to the (fake) authorize endpoint, which redirects back with a code.
  // Without ?cluster= the fleet is the landing page.
  await expect(page.getByRole('heading', { name: 'AKS clusters' })).toBeVisible();
  expect(entra.calls).toEqual([
    `GET /${'72f988bf-86f1-41af-91ab-2d7cd011db47'}/oauth2/v2.0/authorize`,
    `POST /${'72f988bf-86f1-41af-91ab-2d7cd011db47'}/oauth2/v2.0/token`,
  ]);
  await expect(page.getByTestId('row-count')).toHaveText('2 items');
  expect(await seriousViolations(page), 'fleet').toEqual([]);
  await page.getByRole('searchbox', { name: 'Search items' }).fill('shop');
  await expect(page.getByTestId('row-count')).toHaveText('Showing 1 of 2 items');
  await page.getByRole('searchbox', { name: 'Search items' }).fill('');
  await page.getByRole('link', { name: CLUSTER.name }).click();

  await expect(dashboard.heading).toHaveText(CLUSTER.name);
  expect(new URL(page.url()).searchParams.get('cluster')).toBe(CLUSTER.id);
  await expect(dashboard.demoBadge).toHaveCount(0);
  await expect(page.getByText(USER.username)).toBeVisible();
  await expect(dashboard.grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();

  // Every ARM and Resource Graph call carried the signed-in user's token and the documented
  // api-version; sign-in made exactly one token request (the cache served the rest).
  expect(entra.issued).toHaveLength(1);
  const sent = arm.requests.filter((r) => r.method !== 'OPTIONS');
  // The fleet's 3 queries (on the fleet page's load), then the dashboard: 5 Resource Graph
  // queries and 3 REST reads.
  expect(sent.filter((r) => r.graph).map((r) => r.path.split('/').pop()).sort())
    .toEqual(['alerts', 'assessments', 'fleet:clusters', 'fleet:plans', 'fleet:posture', 'governanceassignments', 'regulatorycompliancestandards', 'standardassignments']);
  expect(sent.filter((r) => !r.graph && r.method === 'GET')).toHaveLength(3);
  for (const r of sent) {
    expect(r.authorization, r.path).toBe(`Bearer ${entra.issued[0]}`);
    const expected = r.graph ? API_VERSIONS[0] : API_VERSIONS.find(([re]) => re.test(r.path));
    expect(expected, `a known path: ${r.path}`).toBeTruthy();
    expect(r.apiVersion, r.path).toBe(expected![1]);
  }

  // Tokens stay in MSAL's sessionStorage cache: never in localStorage, cookies or the URL.
  const token = entra.issued[0];
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(local).not.toContain(token);
  expect((await context.cookies()).map((c) => c.value).join()).not.toContain(token);
  expect(page.url()).not.toContain(token);
  expect(dashboard.consoleErrors.join('\n')).not.toContain(token);
  expect(dashboard.consoleErrors, 'console errors').toEqual([]);

  // Sign out clears MSAL's cache and returns to the sign-in page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(entra.calls.at(-1)).toBe(`GET /72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/logout`);
  const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(session).not.toContain(token);
});

test('inside a frame, sign-in uses a popup that returns through the redirect bridge', async ({ page, context, baseURL }) => {
  const entra = new FakeEntra();
  const arm = new FakeArm();
  await entra.install(context);
  await arm.install(context);
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(azureConfig(baseURL!)) }));
  await page.goto('/__host/framed.html');
  const app = page.frameLocator('iframe[title="AKS dashboard"]');
  await expect(app.getByText('Sign-in opens in a popup window.')).toBeVisible();
  const [popup] = await Promise.all([page.waitForEvent('popup'), app.getByRole('button', { name: 'Sign in' }).click()]);
  await popup.waitForEvent('close', { timeout: 15_000 });
  await expect(app.getByRole('heading', { name: 'AKS clusters' })).toBeVisible();
  expect(entra.issued).toHaveLength(1);
  expect(page.url(), 'the host page never navigated').toContain('/__host/framed.html');
});

test('a broken config.json shows which field is wrong instead of a blank page', async ({ page, context }) => {
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ clientId: 'my-app', authority: 'https://login.microsoftonline.com/organizations' }) }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText("config.json: `clientId` must be the app registration's Application (client) ID, a GUID");
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});

// config.json is read from the page's first script (js/config_file.js), before the wasm runs:
// each outcome the app used to get from its own fetch is still told apart.
test('config.json: a 404 is the demo; a 500 and a failed request are errors with Retry, never the demo', async ({ page, context }) => {
  let answer: 'missing' | 'broken' | 'offline' = 'missing';
  await context.route('**/config.json', (route) => answer === 'offline'
    ? route.abort('failed')
    : route.fulfill({ status: answer === 'missing' ? 404 : 500, body: 'no' }));
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.demoBadge).toBeVisible();

  answer = 'broken';
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('config.json could not be read (HTTP 500)');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(dashboard.demoBadge).toHaveCount(0);

  answer = 'offline';
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('config.json could not be read: TypeError');
  await expect(dashboard.demoBadge).toHaveCount(0);

  // Retry reloads the page, which reads the file again.
  answer = 'missing';
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(dashboard.demoBadge).toBeVisible();
});
