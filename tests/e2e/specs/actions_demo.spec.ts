import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DEMO = JSON.parse(readFileSync(join(__dirname, '../../../demo/cluster.json'), 'utf8'));

// Every action, in demo mode (the in-browser ARM answers and keeps the change for the session).

const panel = (page: Page) => page.getByRole('dialog');

async function selectRows(dashboard: DashboardPage, n: number) {
  for (let i = 0; i < n; i++) await dashboard.rows.nth(i).getByRole('checkbox').check();
}

test('change status of two alerts: preview, per-item result, rows update in place, activity recorded', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.filter('Status', 'Active');
  const [, active, total] = (await dashboard.rowCount.textContent())!.match(/Showing (\d+) of (\d+)/)!.map(Number);
  const titles = [(await dashboard.cells(dashboard.rows.nth(0)))[1], (await dashboard.cells(dashboard.rows.nth(1)))[1]];
  await selectRows(dashboard, 2);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Change status' }).click();
  const p = panel(page);
  await expect(p.getByRole('heading', { name: 'Change status of 2 alerts' })).toBeFocused();
  await p.getByRole('radio', { name: 'Dismissed' }).check();
  await p.getByText('Request preview (2 requests, one per item)').click();
  await expect(p.getByTestId('request-preview')).toContainText(/POST https:\/\/management\.azure\.com\/subscriptions\/.+\/providers\/Microsoft\.Security\/locations\/westeurope\/alerts\/.+\/dismiss\?api-version=2022-01-01/);
  await expect(p.getByTestId('request-preview')).toContainText("az rest --method post --url 'https://management.azure.com/subscriptions/");
  await p.getByRole('button', { name: 'Apply' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('2 of 2 updated');
  for (const t of titles) await expect(p.getByTestId('bulk-results')).toContainText(t);
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('selected-count')).toHaveText('No item selected');
  // Updated in place: the Active filter now hides them, and the summary counts them no more.
  await expect(dashboard.rowCount).toHaveText(`Showing ${active - 2} of ${total} items`);
  await page.getByRole('button', { name: 'Activity (1)' }).click();
  await expect(panel(page).getByTestId('activity')).toContainText('Change alert status to Dismissed · 2 alerts');
  await expect(panel(page).getByTestId('activity')).toContainText('Succeeded: 2 of 2 updated');
  await dashboard.expectClean();
});

test('assign owner to two misconfigurations: validation keeps input, PUT per item, owner shown in the grid', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Misconfigurations').click();
  await dashboard.filter('Owner', 'Unassigned');
  const names = [(await dashboard.cells(dashboard.rows.nth(0)))[1], (await dashboard.cells(dashboard.rows.nth(1)))[1]];
  await selectRows(dashboard, 2);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Assign owner' }).click();
  const p = panel(page);
  await p.getByLabel('Owner (e-mail)').fill('not-an-email');
  await p.getByRole('button', { name: 'Assign' }).click();
  await expect(p.getByRole('alert').filter({ hasText: "Enter the owner's e-mail address" })).toBeVisible();
  await expect(p.getByLabel('Owner (e-mail)')).toHaveValue('not-an-email');
  // The field ties its error to the input (Field gives the id and aria-describedby itself).
  await expect(p.getByLabel('Owner (e-mail)')).toHaveAccessibleDescription("Enter the owner's e-mail address, e.g. maria@contoso.com.");
  await expect(p.getByLabel('Owner (e-mail)')).toHaveAttribute('aria-invalid', 'true');
  await p.getByLabel('Owner (e-mail)').fill('amira.haddad@contoso.com');
  await expect(p.getByLabel('Owner (e-mail)')).toHaveAccessibleDescription('');
  await expect(p.getByLabel('Owner (e-mail)')).not.toHaveAttribute('aria-invalid', /.*/);
  await p.getByRole('radio', { name: /^14 days/ }).check();
  await p.getByText(/^Request preview/).click();
  const preview = p.getByTestId('request-preview');
  await expect(preview).toContainText(/PUT https:\/\/management\.azure\.com\/subscriptions\/.+\/managedClusters\/aks-payments-prod-weu\/providers\/Microsoft\.Security\/assessments\/[0-9a-f-]+\/governanceAssignments\/[0-9a-f-]{36}\?api-version=2022-01-01-preview/);
  await expect(preview).toContainText('"owner": "amira.haddad@contoso.com"');
  await expect(preview).toContainText('"isGracePeriod": true');
  await p.getByRole('button', { name: 'Assign' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('2 of 2 done');
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await dashboard.filter('Owner', 'amira.haddad@contoso.com');
  for (const n of names) await expect(dashboard.grid).toContainText(n);
  await dashboard.expectClean();
});

test('vulnerabilities: the pane names their recommendation and its owner; reassigning from there keeps the grid selection', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Vulnerability assessment').click();
  await dashboard.page.getByRole('searchbox', { name: 'Search items' }).fill('payments-api');
  await selectRows(dashboard, 1);
  await dashboard.rows.first().click();
  const owners = dashboard.pane.locator('section', { has: page.getByRole('heading', { name: 'Recommendation and owner' }) });
  // One individual recommendation per vulnerable package; the log4j one has an owner whose
  // due date has passed.
  const log4j = owners.getByRole('listitem').filter({ hasText: 'log4j-core' });
  await expect(log4j).toContainText('Owner: devon.okafor@contoso.com, due 2026-11-15');
  await log4j.getByRole('button', { name: 'Assign owner' }).click();
  const p = panel(page);
  await expect(p.getByTestId('current-owner')).toContainText('Currently assigned to devon.okafor@contoso.com, due 2026-11-15');
  await p.getByLabel('Owner (e-mail)').fill('lena.fischer@contoso.com');
  await p.getByRole('radio', { name: /^30 days/ }).check();
  await p.getByRole('button', { name: 'Assign' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('1 of 1 done');
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(log4j).toContainText(/Owner: lena\.fischer@contoso\.com, due \d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('selected-count'), 'the grid selection is not the action\'s').toHaveText('1 item selected');
  await page.getByRole('button', { name: /^Activity \(1\)$/ }).click();
  await expect(panel(page).getByTestId('activity')).toContainText('· 1 recommendation: ');
  await dashboard.expectClean();
});

test('vulnerabilities: Assign owner in the command bar goes to the selected findings\' recommendations, each once', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Vulnerability assessment').click();
  const search = page.getByRole('searchbox', { name: 'Search items' });
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  // A node pool: one individual recommendation per vulnerable package, as the fixture has them.
  const pool = 'system';
  const packages = DEMO.resources.filter((r: any) => r.properties?.metadata?.recommendationCategory === 'ServiceUpgrade' &&
    r.properties.resourceDetails.Id.endsWith(`/agentPools/${pool}`)).length;
  await search.fill(`Node pool ${pool}`);
  await selectRows(dashboard, 1);
  await bar.getByRole('button', { name: 'Assign owner' }).click();
  await expect(panel(page).getByRole('heading', { name: `Assign owner to ${packages} recommendations` })).toBeVisible();
  await dashboard.expectClean();
});

test('compliance: the pane names the failing recommendation and its owner, with Assign owner', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Compliance').click();
  await dashboard.rows.first().click();
  const owners = dashboard.pane.locator('section', { has: page.getByRole('heading', { name: 'Recommendation and owner' }) });
  await expect(owners).toContainText(/Owner: (Unassigned|\S+@contoso\.com, due \d{4}-\d{2}-\d{2})/);
  await owners.getByRole('button', { name: 'Assign owner' }).click();
  await expect(panel(page).getByRole('heading', { name: 'Assign owner to 1 recommendation' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  await dashboard.expectClean();
});

test('an existing assignment is shown, prefilled, and can be removed', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Misconfigurations').click();
  await dashboard.filter('Owner', 'maria.kowalski@contoso.com');
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Assign owner' }).click();
  const p = panel(page);
  // Due 2026-12-05 with a grace period: in grace until then, overdue after (the clock is real).
  const state = new Date().toISOString().slice(0, 10) > '2026-12-05' ? 'Overdue' : 'In grace period';
  await expect(p.getByTestId('current-owner')).toHaveText(`Currently assigned to maria.kowalski@contoso.com, due 2026-12-05, with grace period: ${state}.`);
  await expect(p.getByLabel('Owner (e-mail)')).toHaveValue('maria.kowalski@contoso.com');
  await p.getByRole('button', { name: 'Remove owner' }).click();
  await expect(p.getByTestId('bulk-results')).toContainText('1 of 1 done');
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dashboard.rowCount).toHaveText(/^Showing 0 of/);
  await dashboard.expectClean();
});

test('suppression rule from an alert: cluster condition ticked, rule created and listed', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.rows.first().click();
  const paneRules = dashboard.pane.locator('section', { has: page.getByRole('heading', { name: 'Suppression rules for this alert type' }) });
  await expect(paneRules.getByText('None yet.')).toBeVisible();
  await dashboard.pane.getByRole('button', { name: 'Create suppression rule' }).click();
  const p = panel(page);
  await expect(p.getByText('None yet.')).toBeVisible();
  await expect(p.getByRole('checkbox', { name: /^This cluster \(aks-payments-prod-weu\)/ })).toBeChecked();
  await p.getByRole('checkbox', { name: /^This cluster/ }).uncheck();
  await p.getByRole('button', { name: 'Create rule' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'Tick at least one condition' })).toBeVisible();
  await expect(p.getByRole('group', { name: 'Conditions (all must match)' })).toHaveAccessibleDescription(/^Tick at least one condition/);
  await expect(p.getByLabel('Expires on')).toHaveAccessibleDescription('Leave empty for a rule that never expires.');
  await p.getByRole('checkbox', { name: /^This cluster/ }).check();
  await p.getByLabel('Comment').fill('Known benign: nightly backup job');
  await p.getByText(/^Request preview/).click();
  await expect(p.getByTestId('request-preview')).toContainText(/PUT https:\/\/management\.azure\.com\/subscriptions\/[0-9a-f-]+\/providers\/Microsoft\.Security\/alertsSuppressionRules\/suppress-K8S[\w-]+\?api-version=2019-01-01-preview/);
  await expect(p.getByTestId('request-preview')).toContainText('"field": "entities.azureresource.resourceid"');
  await p.getByRole('button', { name: 'Create rule' }).click();
  await expect(p.getByRole('status').filter({ hasText: /^Rule suppress-.+ created/ })).toBeVisible();
  await expect(p.getByTestId('existing-rules')).toContainText('Known benign: nightly backup job');
  await expect(p.getByTestId('existing-rules')).toContainText('entities.azureresource.resourceid contains /subscriptions/');
  // The alert's pane lists the new rule too: the alert is now covered.
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(paneRules.getByTestId('existing-rules')).toContainText('Known benign: nightly backup job');
  await dashboard.expectClean();
});

async function openMisconfiguration(dashboard: DashboardPage, name: string) {
  await dashboard.tab('Misconfigurations').click();
  await dashboard.page.getByRole('searchbox', { name: 'Search items' }).fill(name);
  await dashboard.rows.first().click();
  await expect(dashboard.pane.getByRole('heading', { level: 2 })).toContainText(name);
}

test('Quick Fix installs the Azure Policy add-on: exact change, If-Match, progress, healthy after', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await openMisconfiguration(dashboard, 'Azure Policy add-on');
  await dashboard.pane.getByRole('button', { name: 'Quick Fix' }).click();
  const p = panel(page);
  await p.getByRole('button', { name: 'Review change' }).click();
  const changes = p.getByTestId('fix-changes');
  await expect(changes.getByRole('row')).toHaveCount(2);
  await expect(changes).toContainText('properties.addonProfiles.azurepolicy.enabledfalsetrue');
  await expect(p).toContainText('If-Match: a3f9c2d1');
  await p.getByText(/^Request preview/).click();
  await expect(p.getByTestId('request-preview')).toContainText('az aks enable-addons --resource-group rg-payments-prod-weu --name aks-payments-prod-weu --addons azure-policy');
  await expect(p.getByTestId('request-preview')).toContainText(/PUT https:\/\/management\.azure\.com\/subscriptions\/.+\/managedClusters\/aks-payments-prod-weu\?api-version=2025-10-01\nIf-Match: a3f9c2d1/);
  await p.getByRole('button', { name: 'Apply fix' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'now healthy' })).toBeVisible();
  await expect(p.getByRole('status').filter({ hasText: 'Updating the cluster: InProgress (check 1)' })).toBeVisible();
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dashboard.rowCount).toHaveText(/^Showing 0 of/);
  await dashboard.expectClean();
});

test('Quick Fix for API server access asks for ranges and refuses bad ones; Kubernetes upgrade offers the upgrade profile', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await openMisconfiguration(dashboard, 'restricted access');
  await dashboard.pane.getByRole('button', { name: 'Quick Fix' }).click();
  let p = panel(page);
  await p.getByLabel('Authorized IP ranges').fill('0.0.0.0/0');
  await p.getByRole('button', { name: 'Review change' }).click();
  await expect(p.getByRole('alert')).toContainText('restricts nothing');
  await p.getByLabel('Authorized IP ranges').fill('203.0.113.0/24, 198.51.100.7');
  await p.getByRole('button', { name: 'Review change' }).click();
  await expect(p.getByTestId('fix-changes')).toContainText('["203.0.113.0/24","198.51.100.7/32"]');
  await p.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByRole('searchbox', { name: 'Search items' }).fill('non-vulnerable Kubernetes version');
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Quick Fix' }).click();
  p = panel(page);
  const version = p.getByLabel('Kubernetes version');
  await expect(version.getByRole('option')).toHaveText(['Choose a version', '1.31.5', '1.30.10']);
  await version.selectOption('1.31.5');
  await p.getByRole('button', { name: 'Review change' }).click();
  await expect(p.getByTestId('fix-changes')).toContainText('properties.kubernetesVersion1.30.61.31.5');
  await p.getByText(/^Request preview/).click();
  await expect(p.getByTestId('request-preview')).toContainText('az aks upgrade --resource-group rg-payments-prod-weu --name aks-payments-prod-weu --kubernetes-version 1.31.5 --control-plane-only');
  await dashboard.expectClean();
});

test('a recommendation without a Quick Fix says why and what to do instead', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await openMisconfiguration(dashboard, 'Diagnostic logs');
  await expect(dashboard.pane.getByTestId('fix-guidance')).toContainText('not a cluster property');
  await expect(dashboard.pane.getByRole('button', { name: 'Quick Fix' })).toHaveCount(0);
  await dashboard.expectClean();
});

test('settings: inherited plan is read-only until overridden; saving sends every extension; back to the subscription', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' }).click();
  const p = panel(page);
  await expect(p.getByTestId('settings-read-only')).toContainText('This cluster inherits Defender for Containers from /subscriptions/3f2a1c8e-6b4d-4e9a-9c1f-2d7e8a5b6c40');
  const sensor = p.getByRole('switch', { name: /Defender sensor/ });
  await expect(sensor).toBeChecked();
  await expect(sensor).toBeDisabled();
  await expect(p.getByRole('switch', { name: /Azure Policy/ })).not.toBeChecked();
  await p.getByRole('checkbox', { name: 'Override for this cluster' }).check();
  await sensor.uncheck();
  await p.getByText(/^Request preview/).click();
  await expect(p.getByTestId('request-preview')).toContainText(/PUT https:\/\/management\.azure\.com\/subscriptions\/.+\/managedClusters\/aks-payments-prod-weu\/providers\/Microsoft\.Security\/pricings\/Containers\?api-version=2024-01-01/);
  await expect(p.getByTestId('request-preview')).toContainText('"name": "ContainerIntegrityContribution"');
  await expect(dashboard.planStatus).toHaveText('Microsoft Defender for Containers: On (inherited from the subscription)');
  await p.getByRole('button', { name: 'Save' }).click();
  await expect(p.getByTestId('settings-read-only')).toHaveCount(0);
  await expect(p.getByRole('switch', { name: /Defender sensor/ })).not.toBeChecked();
  await expect(dashboard.planStatus, 'the header follows the save').toHaveText('Microsoft Defender for Containers: On (set on this cluster)');
  // What "Use subscription setting" sends can be read before it is sent.
  await p.getByText('Request preview: Use subscription setting').click();
  await expect(p.locator('details', { hasText: 'Request preview: Use subscription setting' })).toContainText(
    /DELETE https:\/\/management\.azure\.com\/subscriptions\/.+\/managedClusters\/aks-payments-prod-weu\/providers\/Microsoft\.Security\/pricings\/Containers\?api-version=2024-01-01/);
  await p.getByRole('button', { name: 'Use subscription setting' }).click();
  await expect(p.getByTestId('settings-read-only')).toBeVisible();
  await expect(dashboard.planStatus).toHaveText('Microsoft Defender for Containers: On (inherited from the subscription)');
  await expect(p.getByRole('switch', { name: /Defender sensor/ })).toBeChecked();
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Activity (2)' }).click();
  await expect(panel(page).getByTestId('activity')).toContainText("Use the subscription's Defender for Containers setting");
  await dashboard.expectClean();
});

test('settings: the Azure Policy toggle updates the cluster (a managed cluster PUT followed to its end)', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' }).click();
  const p = panel(page);
  await p.getByRole('switch', { name: /Azure Policy/ }).check();
  await p.getByText(/^Request preview/).click();
  await expect(p.getByTestId('request-preview')).toContainText(/PUT https:\/\/management\.azure\.com\/subscriptions\/.+\/managedClusters\/aks-payments-prod-weu\?api-version=2025-10-01\nIf-Match: a3f9c2d1/);
  await p.getByRole('button', { name: 'Save' }).click();
  await expect(p.getByTestId('settings-results')).toContainText('saved');
  await expect(p.getByRole('switch', { name: /Azure Policy/ })).toBeChecked();
  // The demo re-evaluated: the add-on recommendation is healthy after a Refresh.
  await p.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await dashboard.tab('Misconfigurations').click();
  await page.getByRole('searchbox', { name: 'Search items' }).fill('Azure Policy add-on');
  await expect(dashboard.rowCount).toHaveText(/^Showing 0 of/);
  await dashboard.expectClean();
});

test('every action panel passes axe (no serious or critical violation), light and dark', async ({ page }) => {
  // Twelve full axe scans: about 18 s alone, more on a busy machine.
  test.setTimeout(120_000);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  for (const theme of ['light', 'dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await dashboard.tab('Security alerts').click();
    await dashboard.rows.first().click();
    for (const name of ['Change status', 'Create suppression rule']) {
      await dashboard.pane.getByRole('button', { name }).click();
      await expect(panel(page).getByRole('heading', { level: 2 })).toBeFocused();
      expect(await seriousViolations(page), `${name} (${theme})`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(panel(page)).toHaveCount(0);
    }
    await dashboard.tab('Misconfigurations').click();
    await page.getByRole('searchbox', { name: 'Search items' }).fill('restricted access');
    await dashboard.rows.first().click();
    for (const name of ['Quick Fix', 'Assign owner']) {
      await dashboard.pane.getByRole('button', { name }).click();
      expect(await seriousViolations(page), `${name} (${theme})`).toEqual([]);
      await page.keyboard.press('Escape');
    }
    for (const name of ['Settings', 'Activity']) {
      await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name }).click();
      await expect(panel(page).getByRole('heading', { level: 2 })).toBeVisible();
      expect(await seriousViolations(page), `${name} (${theme})`).toEqual([]);
      await page.keyboard.press('Escape');
    }
    await page.getByRole('searchbox', { name: 'Search items' }).fill('');
  }
  await dashboard.expectClean();
});
