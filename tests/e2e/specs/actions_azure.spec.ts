import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { CLUSTER, FakeArm, example, type Recorded } from '../fakes/arm';
import { openExampleCluster } from '../fakes/azure_session';
import { validate } from '../fakes/openapi';
import { failOnCrashes } from '../fakes/no_crash';

failOnCrashes(test);

// Every action against intercepted ARM: the exact method, path, api-version and body, each body
// checked against the official OpenAPI definition, and failures that keep what the user typed.

const POLICY_ADDON = '08e628db-e2ed-4793-bc91-d13e684401c3';
const cluster = CLUSTER.id.toLowerCase();

/** The official examples, plus what the actions need: one unhealthy cluster-level
 * recommendation (the Azure Policy add-on) and Defender CSPM on the subscription. */
function armWithFindings(): FakeArm {
  return new FakeArm((path, body) => {
    if (path === `${cluster}/providers/microsoft.security/assessments`) {
      const a = structuredClone(body.value[0]);
      a.id = `${CLUSTER.id}/providers/Microsoft.Security/assessments/${POLICY_ADDON}`;
      a.name = POLICY_ADDON;
      a.properties.displayName = 'Azure Kubernetes Service clusters should have the Azure Policy add-on for Kubernetes installed';
      a.properties.resourceDetails = { source: 'Azure', id: CLUSTER.id };
      a.properties.status = { code: 'Unhealthy' };
      body.value.push(a);
    }
    if (path.endsWith('/providers/microsoft.security/pricings')) body.value.push(example('GetPricingByNameCloudPosture_example.json'));
    return body;
  });
}

const panel = (page: Page) => page.getByRole('dialog');
const mutations = (arm: FakeArm) => arm.requests.filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS' && !r.path.endsWith('/resources'));
const last = (arm: FakeArm, method: string, path: RegExp): Recorded => {
  const found = mutations(arm).filter((r) => r.method === method && path.test(r.path));
  expect(found.length, `${method} ${path}`).toBeGreaterThan(0);
  return found[found.length - 1];
};

test('the validator itself flags a wrong body, a wrong api-version and an unknown operation', () => {
  const path = `${CLUSTER.id}/providers/Microsoft.Security/assessments/k/governanceAssignments/g`;
  expect(validate('governance', 'PUT', path, '2022-01-01-preview', JSON.stringify({ properties: { owner: 'a@b.co', remediationDueDate: '2026-12-01T00:00:00.000Z' } }))).toEqual([]);
  expect(validate('governance', 'PUT', path, '2022-01-01-preview', JSON.stringify({ properties: { owner: 7, isGracePeriod: 'yes', colour: 'red' } }))).toEqual([
    'body.properties.remediationDueDate: required',
    'body.properties.owner: expected a string',
    'body.properties.isGracePeriod: expected a boolean',
    'body.properties.colour: not defined by the schema',
  ]);
  expect(validate('governance', 'PUT', path, '2021-01-01', null)[0]).toContain('api-version 2021-01-01');
  expect(validate('alerts', 'PATCH', '/x', '2022-01-01', null)).toEqual(['no PATCH operation in security/resource-manager/Microsoft.Security/Security/stable/2022-01-01/alerts.json matches /x']);
  const rule = `/subscriptions/s/providers/Microsoft.Security/alertsSuppressionRules/r`;
  expect(validate('suppression', 'PUT', rule, '2019-01-01-preview', JSON.stringify({ properties: { alertType: 'x', reason: 'r', state: 'On', lastModifiedUtc: '2026-01-01T00:00:00Z' } }))).toEqual([
    'body.properties.state: "On" is not one of Enabled, Disabled, Expired',
    'body.properties.lastModifiedUtc: read-only, must not be sent',
  ]);
});

test('change alert status: exact POST; a 403 names the role and keeps the selection; Apply again succeeds', async ({ page, context, baseURL }) => {
  const arm = armWithFindings();
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  await dashboard.rows.first().getByRole('checkbox').check();
  arm.faults.push({ path: /\/dismiss$/, method: 'POST', status: 403, code: 'AuthorizationFailed', times: 1 });
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Change status' }).click();
  const p = panel(page);
  await p.getByRole('radio', { name: 'Dismissed' }).check();
  await p.getByRole('button', { name: 'Apply' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('0 of 1 updated; 1 failed');
  await expect(p.getByTestId('bulk-results')).toContainText('Changing alerts and suppression rules needs the Security Admin role');
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  await expect(p.getByRole('radio', { name: 'Dismissed' }), 'the choice is kept').toBeChecked();
  await p.getByRole('button', { name: 'Apply' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('1 of 1 updated');
  await expect(page.getByTestId('selected-count')).toHaveText('No item selected');
  const post = last(arm, 'POST', /\/dismiss$/);
  const alertId = example('GetAlertResourceGroupLocation_example.json').id;
  expect(post).toMatchObject({ path: `${alertId}/dismiss`, apiVersion: '2022-01-01', body: null });
  expect(post.authorization).toMatch(/^Bearer /);
  expect(validate('alerts', post.method, post.path, post.apiVersion, post.body)).toEqual([]);
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dashboard.grid).toContainText('Dismissed');
});

test('assign owner: the PUT matches the governance definition; throttling keeps the form', async ({ page, context, baseURL }) => {
  const arm = armWithFindings();
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  await dashboard.tab('Misconfigurations').click();
  await dashboard.rows.first().getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Assign owner' }).click();
  const p = panel(page);
  await p.getByLabel('Owner (e-mail)').fill('owner@contoso.com');
  await p.getByRole('radio', { name: /^7 days/ }).check();
  await p.getByRole('checkbox', { name: "Notify the owner's manager about overdue tasks" }).uncheck();
  arm.faults.push({ path: /\/governanceAssignments\//i, method: 'PUT', status: 429, headers: { 'retry-after': '0' }, times: 10 });
  await p.getByRole('button', { name: 'Assign' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('Azure is throttling requests', { timeout: 15_000 });
  await expect(p.getByLabel('Owner (e-mail)')).toHaveValue('owner@contoso.com');
  await expect(p.getByRole('checkbox', { name: "Notify the owner's manager about overdue tasks" })).not.toBeChecked();
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  arm.faults.length = 0;
  await p.getByRole('button', { name: 'Assign' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('1 of 1 done');
  const put = last(arm, 'PUT', /\/governanceAssignments\//i);
  expect(put.path).toMatch(new RegExp(`^${CLUSTER.id}/providers/Microsoft.Security/assessments/${POLICY_ADDON}/governanceAssignments/[0-9a-f-]{36}$`));
  expect(put.apiVersion).toBe('2022-01-01-preview');
  const body = JSON.parse(put.body!);
  // The assignment being changed (the official example's) has an ETA and a ServiceNow ticket:
  // both are sent back, since a PUT replaces the whole assignment.
  const current = example('ListGovernanceAssignments_example.json').value[0].properties;
  expect(body).toEqual({ properties: {
    owner: 'owner@contoso.com',
    remediationDueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/),
    isGracePeriod: true,
    governanceEmailNotification: { disableManagerEmailNotification: true, disableOwnerEmailNotification: false },
    remediationEta: current.remediationEta,
    additionalData: current.additionalData,
  } });
  const due = new Date(body.properties.remediationDueDate).getTime() - Date.now();
  expect(due / 86_400_000).toBeGreaterThan(6);
  expect(due / 86_400_000).toBeLessThan(8);
  expect(validate('governance', put.method, put.path, put.apiVersion, put.body)).toEqual([]);
});

test('suppression rule: the PUT matches its definition; a 500 storm keeps the form', async ({ page, context, baseURL }) => {
  const arm = armWithFindings();
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  const ruleReads = () => arm.requests.filter((r) => r.method === 'GET' && /\/alertsSuppressionRules$/i.test(r.path)).length;
  // The pane lists the type's rules, read once: closing and reopening it, and opening the
  // panel, reuse what was read.
  await dashboard.rows.first().click();
  await expect(dashboard.pane.getByText('None yet.')).toBeVisible();
  await page.keyboard.press('Escape');
  await dashboard.rows.first().click();
  await expect(dashboard.pane.getByText('None yet.')).toBeVisible();
  await dashboard.pane.getByRole('button', { name: 'Create suppression rule' }).click();
  const p = panel(page);
  await expect(p.getByText('None yet.')).toBeVisible();
  expect(ruleReads()).toBe(1);
  await p.getByLabel('Comment').fill('Test alerts from the security team');
  await p.getByLabel('Reason').selectOption('ExpectedActivity');
  arm.faults.push({ path: /\/alertsSuppressionRules\//i, method: 'PUT', status: 500, headers: { 'retry-after': '0' }, times: 10 });
  await p.getByRole('button', { name: 'Create rule' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'Injected 500' })).toBeVisible({ timeout: 15_000 });
  await expect(p.getByLabel('Comment')).toHaveValue('Test alerts from the security team');
  await expect(p.getByLabel('Reason')).toHaveValue('ExpectedActivity');
  arm.faults.length = 0;
  await p.getByRole('button', { name: 'Create rule' }).click();
  await expect(p.getByTestId('existing-rules')).toContainText('Test alerts from the security team');
  expect(ruleReads(), 'read again after the create, once by each list on screen (pane and panel)').toBe(3);
  const put = last(arm, 'PUT', /\/alertsSuppressionRules\//i);
  const alertType = example('GetAlertResourceGroupLocation_example.json').properties.alertType;
  expect(put.path).toBe(`/subscriptions/${CLUSTER.id.split('/')[2]}/providers/Microsoft.Security/alertsSuppressionRules/suppress-${alertType.replace(/[^\w-]/g, '-')}`);
  expect(put.apiVersion).toBe('2019-01-01-preview');
  const body = JSON.parse(put.body!);
  expect(body.properties).toMatchObject({
    alertType, state: 'Enabled', reason: 'ExpectedActivity', comment: 'Test alerts from the security team',
    suppressionAlertsScope: { allOf: [{ field: 'entities.azureresource.resourceid', contains: CLUSTER.id }] },
  });
  expect(validate('suppression', put.method, put.path, put.apiVersion, put.body)).toEqual([]);
});

test('Quick Fix: a concurrent change (412) is reported, not overwritten; then the PUT changes only the add-on', async ({ page, context, baseURL }) => {
  const arm = armWithFindings();
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  await dashboard.tab('Misconfigurations').click();
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Quick Fix' }).click();
  const p = panel(page);
  await p.getByRole('button', { name: 'Review change' }).click();
  await expect(p.getByTestId('fix-changes')).toContainText('properties.addonProfiles.azurepolicy.enabled(not set)true');
  arm.faults.push({ path: new RegExp(`^${CLUSTER.id}$`, 'i'), method: 'PUT', status: 412, code: 'PreconditionFailed', times: 1 });
  await p.getByRole('button', { name: 'Apply fix' }).click();
  await expect(p.getByRole('alert')).toContainText('Someone changed the resource after it was read, so nothing was overwritten');
  await p.getByRole('button', { name: 'Review change' }).click();
  await p.getByRole('button', { name: 'Apply fix' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Defender for Cloud re-evaluates it within 24 hours' })).toBeVisible();
  const puts = mutations(arm).filter((r) => r.method === 'PUT' && r.path.toLowerCase() === cluster);
  expect(puts).toHaveLength(2);
  for (const put of puts) {
    expect(put.ifMatch).toBe(CLUSTER.eTag);
    expect(put.apiVersion).toBe('2025-10-01');
    const expected = structuredClone(CLUSTER);
    expected.properties.addonProfiles = { azurepolicy: { enabled: true } };
    expect(JSON.parse(put.body!), 'everything else is sent back as read').toEqual(expected);
  }
  expect(arm.requests.some((r) => r.method === 'GET' && r.path.endsWith('/operations/op-1')), 'the operation was followed').toBe(true);
  // Still Unhealthy in Azure's answer: the row says the fix is applied until a Refresh.
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await dashboard.filter('Status', 'Applied; Defender re-evaluates within 24 h');
  await expect(dashboard.rows).toHaveCount(1);
  await expect(dashboard.rows.first()).toContainText('Applied; Defender re-evaluates within 24 h');
});

test('settings: the pricing PUT matches its definition and keeps every extension; a 409 is explained; back to the subscription with DELETE', async ({ page, context, baseURL }) => {
  const arm = armWithFindings();
  await openExampleCluster(page, context, baseURL!, arm);
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' }).click();
  const p = panel(page);
  await expect(p.getByTestId('settings-read-only')).toHaveCount(0);
  await p.getByRole('switch', { name: /Registry access/ }).uncheck();
  arm.faults.push({ path: /\/pricings\/Containers$/i, method: 'PUT', status: 409, code: 'Conflict', times: 1 });
  await p.getByRole('button', { name: 'Save' }).click();
  await expect(p.getByTestId('settings-results')).toContainText('The resource is busy with another operation');
  await expect(p.getByRole('switch', { name: /Registry access/ }), 'the choice is kept').not.toBeChecked();
  await p.getByRole('button', { name: 'Save' }).click();
  await expect(p.getByTestId('settings-results')).toContainText('saved');
  const put = last(arm, 'PUT', /\/pricings\/Containers$/i);
  expect(put).toMatchObject({ path: `${CLUSTER.id}/providers/Microsoft.Security/pricings/Containers`, apiVersion: '2024-01-01' });
  const sent = JSON.parse(put.body!).properties;
  expect(sent.pricingTier).toBe('Standard');
  expect(sent.extensions).toEqual([
    { name: 'ContainerRegistriesVulnerabilityAssessments', isEnabled: 'False' },
    { name: 'AgentlessDiscoveryForKubernetes', isEnabled: 'True' },
    { name: 'AgentlessVmScanning', isEnabled: 'True', additionalExtensionProperties: { ExclusionTags: '[]' } },
    { name: 'ContainerSensor', isEnabled: 'True' },
    { name: 'ContainerIntegrityContribution', isEnabled: 'True' },
  ]);
  expect(validate('pricings', put.method, put.path, put.apiVersion, put.body)).toEqual([]);
  await p.getByRole('button', { name: 'Use subscription setting' }).click();
  await expect(p.getByTestId('settings-results')).toContainText(/DELETE \/subscriptions\/.+\/pricings\/Containers: saved/);
  const del = last(arm, 'DELETE', /\/pricings\/Containers$/i);
  expect(del).toMatchObject({ apiVersion: '2024-01-01', body: null });
  expect(validate('pricings', del.method, del.path, del.apiVersion, del.body)).toEqual([]);
});

test('a 403 on every other action names the role it needs and keeps the input; no token shows anywhere after', async ({ page, context, baseURL }) => {
  const arm = armWithFindings();
  const entra = await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);
  for (const path of [/\/governanceAssignments\//i, /\/alertsSuppressionRules\//i, new RegExp(`^${CLUSTER.id}$`, 'i'), /\/pricings\/Containers$/i]) {
    arm.faults.push({ path, method: 'PUT', status: 403, code: 'AuthorizationFailed', times: 1 });
  }
  // Assign owner.
  await dashboard.tab('Misconfigurations').click();
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Assign owner' }).click();
  let p = panel(page);
  await p.getByLabel('Owner (e-mail)').fill('owner@contoso.com');
  // The example's existing assignment was due in 2022: a new date is needed.
  await p.getByRole('button', { name: 'Assign' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'The due date must be after today.' })).toBeVisible();
  await p.getByRole('radio', { name: /^7 days/ }).check();
  await p.getByRole('button', { name: 'Assign' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('Assigning owners needs the Security Admin role');
  await expect(p.getByLabel('Owner (e-mail)')).toHaveValue('owner@contoso.com');
  await page.keyboard.press('Escape');
  // Quick Fix.
  if (await dashboard.pane.count() === 0) await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Quick Fix' }).click();
  p = panel(page);
  await p.getByRole('button', { name: 'Review change' }).click();
  await p.getByRole('button', { name: 'Apply fix' }).click();
  await expect(p.getByRole('alert')).toContainText('Changing the cluster needs Contributor');
  await expect(p.getByRole('button', { name: 'Apply fix' }), 'the change stays ready to retry').toBeEnabled();
  await page.keyboard.press('Escape');
  // Suppression rule.
  await dashboard.tab('Security alerts').click();
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Create suppression rule' }).click();
  p = panel(page);
  await p.getByLabel('Comment').fill('kept after a 403');
  await p.getByRole('button', { name: 'Create rule' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'Changing alerts and suppression rules needs the Security Admin role' })).toBeVisible();
  await expect(p.getByLabel('Comment')).toHaveValue('kept after a 403');
  await page.keyboard.press('Escape');
  // Settings.
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' }).click();
  p = panel(page);
  await p.getByRole('switch', { name: /Defender sensor/ }).uncheck();
  await p.getByRole('button', { name: 'Save' }).click();
  await expect(p.getByTestId('settings-results')).toContainText('Changing Defender plans needs Security Admin or Contributor');
  await expect(p.getByRole('switch', { name: /Defender sensor/ })).not.toBeChecked();
  await page.keyboard.press('Escape');
  // Secrets: after a session of failed actions, with every request preview of the activity list
  // open, no access token is in the page, the URL, storage other than MSAL's cache, cookies or
  // the console; previews show requests without their Authorization header.
  await page.getByRole('button', { name: /^Activity \(\d+\)$/ }).click();
  for (const summary of await panel(page).locator('details.request-preview > summary').all()) await summary.click();
  await expect(panel(page).getByTestId('activity')).toContainText('Failed:');
  expect(entra.issued.length).toBeGreaterThan(0);
  const text = await page.evaluate(() => document.documentElement.outerHTML);
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  const cookies = (await context.cookies()).map((c) => c.value).join();
  for (const token of entra.issued) {
    for (const [where, value] of [['page', text], ['localStorage', local], ['cookies', cookies], ['URL', page.url()], ['console', dashboard.consoleErrors.join('\n')]]) {
      expect(value.includes(token), `a token in the ${where}`).toBe(false);
    }
  }
  expect(text).not.toContain('Bearer ');
});
