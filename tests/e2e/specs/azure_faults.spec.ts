import { expect, test, type Route } from '@playwright/test';
import { kindOf } from '../fakes/resource_graph';
import { DashboardPage } from '../pages/dashboard';
import { FakeArm } from '../fakes/arm';
import { openExampleCluster } from '../fakes/azure_session';
import { azureConfig } from '../fakes/entra';
import { seriousViolations } from '../pages/axe';
import { failOnCrashes } from '../fakes/no_crash';

failOnCrashes(test);

/** Resource Graph queries; the alerts query among them (the others go on to the fake). */
const GRAPH = '**/providers/Microsoft.ResourceGraph/resources**';
const isAlertsQuery = (route: Route) => kindOf(JSON.parse(route.request().postData() ?? '{}').query ?? '') === 'alerts';

test('a throttled list waits for Retry-After and then shows its data', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  arm.faults.push({ path: /\/alerts$/i, status: 429, headers: { 'retry-after': '1' }, times: 1 });
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
  const alerts = arm.requests.filter((r) => /\/alerts$/i.test(r.path) && r.graph);
  expect(alerts).toHaveLength(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a source that keeps failing shows its error in its own tab; the rest of the page works', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  // More failures than the client's retries (4), so the alerts source gives up.
  arm.faults.push({ path: /\/alerts$/i, status: 503, times: 10 });
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('Security alerts could not be read: Injected 503', { timeout: 30_000 });
  await expect(error).toContainText('What is shown is incomplete.');
  await expect(page.getByText('Incomplete: some data could not be read')).toBeVisible();
  await dashboard.tab('Misconfigurations').click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
  // Retry reads again; the source has recovered.
  arm.faults.length = 0;
  await dashboard.tab('Security alerts').click();
  await page.getByRole('tabpanel').getByRole('button', { name: 'Retry' }).click();
  await expect(dashboard.grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
});

test('malformed JSON in a list is that source\'s error, named with its URL; Retry recovers', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  arm.faults.push({ path: /\/alerts$/i, status: 200, body: '{"value": [', times: 1 });
  await openExampleCluster(page, context, baseURL!, arm);
  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('Security alerts could not be read: unexpected response from https://management.azure.com/providers/Microsoft.ResourceGraph/resources');
  await expect(error).toContainText('What is shown is incomplete.');
  await expect(page.getByText('Incomplete: some data could not be read')).toBeVisible();
  await page.getByRole('tabpanel').getByRole('button', { name: 'Retry' }).click();
  await expect(new DashboardPage(page).grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
});

test('valid JSON of the wrong shape is reported, not shown as an empty, complete tab', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  arm.faults.push({ path: /\/providers\/Microsoft\.Security\/assessments$/i, status: 200, body: '{"value": 5}', times: 1 });
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  await dashboard.tab('Misconfigurations').click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toContainText('Recommendations could not be read: unexpected response');
  await dashboard.tab('Security alerts').click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
});

test('a paging chain that fails on its second page shows no half list as complete', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  arm.pagedAlerts = true;
  arm.faults.push({ path: /\/alerts$/i, query: /skipToken=page2/, status: 503, headers: { 'retry-after': '0' }, times: 10 });
  await openExampleCluster(page, context, baseURL!, arm);
  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('Security alerts could not be read: Injected 503', { timeout: 30_000 });
  await expect(new DashboardPage(page).rowCount).toHaveText('0 items');
  await expect(page.getByText('Incomplete: some data could not be read')).toBeVisible();
  expect(arm.requests.filter((r) => /\/alerts$/i.test(r.path)).length, 'first page, then the second page and its retries').toBeGreaterThan(2);
});

test('a 403 on a read says which role to ask for', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  arm.faults.push({ path: /\/alerts$/i, status: 403, code: 'AuthorizationFailed', times: 1 });
  await openExampleCluster(page, context, baseURL!, arm);
  await expect(page.getByRole('tabpanel').getByRole('alert')).toContainText('needs the Security Reader (or Reader) role on the cluster\'s subscription');
});

test('a 429 with Retry-After on a later page waits and then shows the whole list', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  arm.pagedAlerts = true;
  arm.faults.push({ path: /\/alerts$/i, query: /skipToken=page2/, status: 429, headers: { 'retry-after': '1' }, times: 1 });
  await openExampleCluster(page, context, baseURL!, arm);
  await expect(new DashboardPage(page).grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const pageTwo = arm.requests.filter((r) => /\/alerts$/i.test(r.path));
  expect(pageTwo.length, 'page 1, page 2 throttled, page 2 again').toBe(3);
});

test('a connection that fails outright is reported as unreachable for that source only', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  await openExampleCluster(page, context, baseURL!, arm, async () => {
    // Registered after the fake, so it answers first: the alert list never connects.
    await context.route(GRAPH, (route) => (isAlertsQuery(route) ? route.abort('connectionfailed') : route.fallback()));
  });
  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('Security alerts could not be read: Azure could not be reached', { timeout: 30_000 });
  const dashboard = new DashboardPage(page);
  await dashboard.tab('Misconfigurations').click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
  expect(dashboard.consoleErrors.filter((e) => /panicked|RuntimeError|unreachable/.test(e))).toEqual([]);
});

test('a response that never comes times out (requestTimeoutSeconds), is retried, then reported; the rest works', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  const arm = new FakeArm();
  await openExampleCluster(page, context, baseURL!, arm, async () => {
    await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...azureConfig(baseURL!), requestTimeoutSeconds: 1 }) }));
    // Never answered: the connection hangs.
    await context.route(GRAPH, (route) => (isAlertsQuery(route) ? undefined : route.fallback()));
  });
  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('Security alerts could not be read: Azure could not be reached: no response within 1s', { timeout: 60_000 });
  await new DashboardPage(page).tab('Misconfigurations').click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
});

test('a 401 mid-session: the token is refreshed once, then "Sign in again" opens a popup; the panel, its choice and the selection survive', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  const entra = await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  const panel = await dashboard.changeStatusOfFirst('Dismissed');
  // The session is revoked: ARM refuses every token from now on, even a freshly refreshed one.
  const refreshes = () => entra.grants.filter((g) => g === 'refresh_token').length;
  const before = refreshes();
  arm.faults.push({ path: /./, status: 401, code: 'InvalidAuthenticationToken', times: 1000,
    body: JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } }) });
  await panel.getByRole('button', { name: 'Apply' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Your sign-in has expired or was revoked' });
  await expect(banner).toBeVisible();
  await expect(panel.getByTestId('bulk-results')).toContainText('The access token is invalid. (HTTP 401, InvalidAuthenticationToken). Sign in again with the button at the top of the page');
  expect(refreshes() - before, 'one refresh, not a loop').toBe(1);
  const sent = arm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/dismiss'));
  expect(sent, 'sent with the old token, then once with the refreshed one').toHaveLength(2);
  expect(sent[1].authorization).toBe(`Bearer ${entra.issued[entra.issued.length - 1]}`);
  expect(sent[0].authorization).not.toBe(sent[1].authorization);
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  await expect(panel.getByRole('radio', { name: 'Dismissed' })).toBeChecked();

  // A sign-in that does not finish (here the user declines) says so and offers both ways again.
  entra.denyNext = true;
  await banner.getByRole('button', { name: 'Sign in again' }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'Sign-in did not finish: access_denied' });
  await expect(failed).toContainText('AADSTS65004: User declined to consent');
  await expect(failed.getByRole('button', { name: 'Sign in on this page instead' })).toBeVisible();
  expect(await seriousViolations(page), 'the sign-in banner over an open panel').toEqual([]);
  await expect(panel.getByRole('radio', { name: 'Dismissed' })).toBeChecked();

  // Signing in again happens in a popup (even at top level): the page does not navigate.
  arm.faults.length = 0;
  const url = page.url();
  const popup = page.waitForEvent('popup');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await popup;
  await expect(page.getByRole('status').filter({ hasText: 'Signed in again as dana.ops@contoso.com' })).toBeVisible();
  expect(page.url()).toBe(url);
  expect(entra.grants[entra.grants.length - 1]).toBe('authorization_code');
  await expect(panel.getByRole('radio', { name: 'Dismissed' }), 'the choice survived the sign-in').toBeChecked();
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText('1 of 1 updated');
  const after = arm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/dismiss'));
  expect(after[after.length - 1].authorization).toBe(`Bearer ${entra.issued[entra.issued.length - 1]}`);
});

test('a burst of 500 and 503 answers is retried with backoff; the data then arrives whole, with no error left on screen', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  arm.faults.push(
    { path: /\/providers\/Microsoft\.Security\/assessments$/i, status: 500, times: 1 },
    { path: /\/providers\/Microsoft\.Security\/assessments$/i, status: 503, headers: { 'retry-after': '1' }, times: 1 },
    { path: /\/alerts$/i, status: 503, times: 2 },
  );
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
  await dashboard.tab('Misconfigurations').click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Incomplete: some data could not be read')).toHaveCount(0);
  const reads = (re: RegExp) => arm.requests.filter((r) => (r.method === 'GET' || r.graph) && re.test(r.path)).length;
  expect(reads(/\/providers\/Microsoft\.Security\/assessments$/i), 'two failures, then the answer').toBe(3);
  expect(reads(/\/alerts$/i)).toBe(3);
});

test('a Refresh that fails keeps the data, the search, the selection and the open pane, says so, and Retry recovers', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  const search = page.getByRole('searchbox', { name: 'Search items' });
  await search.fill('test alert');
  await dashboard.rows.first().getByRole('checkbox').check();
  await dashboard.rows.first().click();
  await expect(dashboard.pane.getByRole('heading', { level: 2 })).toHaveText('Azure Security Center test alert (not a threat)');
  // Everything is refused now (no retries for a 403): the Refresh fails as a whole.
  arm.faults.push({ path: /./, method: 'GET', status: 403, code: 'AuthorizationFailed', times: 1000 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Refresh failed:' });
  await expect(banner).toContainText('The data below is from the previous load.');
  await expect(banner).toContainText('Security Reader');
  await expect(dashboard.grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
  await expect(search).toHaveValue('test alert');
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  await expect(dashboard.pane.getByRole('heading', { level: 2 })).toHaveText('Azure Security Center test alert (not a threat)');
  arm.faults.length = 0;
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toHaveCount(0);
  await expect(search).toHaveValue('test alert');
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  await expect(dashboard.pane.getByRole('heading', { level: 2 })).toHaveText('Azure Security Center test alert (not a threat)');
});

test('a Refresh that loses one source keeps that tab\'s previous findings, labelled, with the selection; the other tabs refresh', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  await dashboard.rows.first().getByRole('checkbox').check();
  arm.faults.push({ path: /\/alerts$/i, method: 'GET', status: 403, code: 'AuthorizationFailed', times: 1000 });
  const before = arm.requests.length;
  await page.getByRole('button', { name: 'Refresh' }).click();
  const error = page.getByRole('tabpanel').getByRole('alert');
  await expect(error).toContainText('Security alerts could not be read: Injected 403');
  await expect(error).toContainText('The findings shown are from the previous load.');
  await expect(dashboard.grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  await expect(page.getByText('Incomplete: some data could not be read')).toBeVisible();
  expect(arm.requests.slice(before).some((r) => r.path.endsWith('/assessments')), 'the rest was read again').toBe(true);
});

test('an access token that expires mid-session is refreshed once for all the requests it failed together', async ({ page, context, baseURL }) => {
  const arm = new FakeArm();
  const entra = await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  const refreshes = () => entra.grants.filter((g) => g === 'refresh_token').length;
  // The Refresh's first wave of reads (about ten in parallel) all meet an expired token.
  const before = arm.requests.length;
  arm.faults.push({ path: /./, method: 'GET', status: 401, code: 'ExpiredAuthenticationToken', times: 6 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(dashboard.grid.getByRole('gridcell', { name: 'Azure Security Center test alert (not a threat)', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const refused = arm.requests.slice(before).filter((r) => (r.method === 'GET' || r.graph) && r.authorization === `Bearer ${entra.issued[0]}`).length;
  expect(refused, 'several reads were refused together').toBeGreaterThanOrEqual(6);
  expect(refreshes(), 'one token request for all of them').toBe(1);
  expect(entra.issued).toHaveLength(2);
});
