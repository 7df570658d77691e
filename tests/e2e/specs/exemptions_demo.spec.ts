import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { exemptedFindings, exemptedMisconfigurations, exemptedRecommendations, exemptionStates, policyStateOf } from '../fixtures/exemptions';

const PRIVILEGED = 'Privileged containers should be avoided';
import { failOnCrashes } from '../fakes/no_crash';

failOnCrashes(test);

// Exemptions on the demo cluster: the inventory's states against demo/cluster.json, Show
// exempted, exempting one finding then five, and Remove and Renew.

const today = () => new Date().toISOString().slice(0, 10);

test('the inventory lists each exemption with its state, including expired and exempted but now healthy', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const expected = exemptionStates(today());
  await page.getByRole('button', { name: `Exemptions (${expected.size})` }).click();
  const list = page.getByRole('dialog', { name: 'Exemptions' }).getByTestId('exemptions');
  for (const [name, state] of expected) {
    await expect(list.getByRole('listitem').filter({ hasText: name }), name).toHaveAttribute('data-state', state);
  }
  const states = [...expected.values()];
  for (const s of ['Expired', 'Exempted but now healthy', 'Duplicate', 'Active']) expect(states, s).toContain(s);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `inventory (${scheme})`).toEqual([]);
  }
  await dashboard.expectClean();
});

test('exempted recommendations leave the default view; Show exempted brings them back with their status', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(page.getByTestId('exempted-count')).toContainText(`${exemptedRecommendations.length} recommendations exempted`);
  await dashboard.tab('Misconfigurations').click();
  const before = await dashboard.rowCount.textContent();
  for (const name of exemptedMisconfigurations) await expect(dashboard.grid.getByText(name, { exact: true })).toHaveCount(0);
  await page.getByRole('checkbox', { name: /^Show exempted/ }).check();
  await expect(dashboard.rowCount).not.toHaveText(before!);
  await dashboard.filter('Status', 'Exempted');
  await expect(dashboard.rowCount).toHaveText(new RegExp(`^Showing ${exemptedMisconfigurations.length} of `));
  expect(new URL(page.url()).searchParams.get('exempted')).toBe('1');

  // The Vulnerability tab too: its exempted findings, counted from the fixture.
  await dashboard.tab('Vulnerability assessment').click();
  await page.getByRole('button', { name: 'All findings' }).click();
  await expect(page.getByRole('checkbox', { name: `Show exempted (${exemptedFindings.length})` })).toBeChecked();
  await dashboard.filter('Status', 'Exempted');
  await expect(dashboard.rowCount).toHaveText(new RegExp(`^Showing ${exemptedFindings.length} of `));
  for (const cve of exemptedFindings) await expect(dashboard.grid.getByText(cve, { exact: true })).toHaveCount(1);
  await page.getByRole('checkbox', { name: /^Show exempted/ }).uncheck();
  await expect(dashboard.rowCount).toHaveText(/^Showing 0 of /);
  await dashboard.expectClean();
});

test('exempt one finding from its pane, then five from the command bar; remove and renew from the inventory', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Misconfigurations').click();
  // A policy-based recommendation: its exemption is Azure Policy's, on the benchmark's
  // assignment that evaluates it (read from the cluster's policy compliance states).
  const state = policyStateOf(PRIVILEGED);
  await page.getByRole('searchbox', { name: 'Search items' }).fill(PRIVILEGED);
  // The cluster's row and the [Preview] container one are the same policy: either will do.
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Exempt' }).click();
  let panel = page.getByRole('dialog');
  await expect(panel.getByTestId('exempt-mechanism')).toContainText(
    `1 recommendation comes from Azure Policy (assignment ${state.assignment.split('/').pop()})`);
  await panel.getByRole('button', { name: 'Exempt', exact: true }).click();
  await expect(panel.getByLabel('Justification')).toHaveAccessibleDescription(/^Say why in a sentence/);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `exempt panel (${scheme})`).toEqual([]);
  }
  await panel.getByLabel('Justification').fill('Accepted by the platform team until the Q1 rebuild');
  await panel.getByText(/^Request preview/).click();
  await expect(panel.getByTestId('request-preview')).toContainText(/PUT https:\/\/management\.azure\.com\/subscriptions\/.+\/managedClusters\/[^/]+\/providers\/Microsoft\.Authorization\/policyExemptions\/[0-9a-f-]{36}\?api-version=2022-07-01-preview/);
  await expect(panel.getByTestId('request-preview')).toContainText(`"policyAssignmentId": "${state.assignment}"`);
  await expect(panel.getByTestId('request-preview')).toContainText(`"${state.reference}"`);
  await expect(panel.getByTestId('request-preview')).toContainText('az rest --method put');
  await panel.getByRole('button', { name: 'Exempt', exact: true }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText('1 of 1 exempted');
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  // The row says what happened until Defender re-evaluates it.
  await dashboard.filter('Status', 'Applied; Defender re-evaluates within 24 h');
  await expect(dashboard.rowCount).toHaveText(/^Showing 1 of /);
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await page.getByRole('searchbox', { name: 'Search items' }).fill('');

  // Five from the command bar, each on its own resource: four image findings, and one on the
  // node pool "apps", whose scale set is in the node resource group AKS locks down (the demo
  // cluster's restrictionLevel is ReadOnly). Four are exempted; the fifth stays selected.
  await dashboard.tab('Vulnerability assessment').click();
  await page.getByRole('button', { name: 'All findings' }).click();
  const search = page.getByRole('searchbox', { name: 'Search items' });
  for (const where of ['Node pool apps', 'checkout-web', 'ledger-worker', 'fraud-scoring', 'notification-svc']) {
    await search.fill(where);
    await dashboard.rows.first().getByRole('checkbox').check();
  }
  await search.fill('');
  await expect(page.getByTestId('selected-count')).toHaveText('5 items selected');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Exempt' }).click();
  panel = page.getByRole('dialog');
  await expect(panel.getByRole('heading', { name: 'Exempt 5 recommendations' })).toBeVisible();
  await panel.getByRole('radio', { name: 'Mitigated' }).check();
  await panel.getByRole('radio', { name: /^Each finding's own resource/ }).check();
  await panel.getByLabel('Justification').fill('Mitigated by the namespace admission policy');
  await panel.getByRole('button', { name: 'Exempt', exact: true }).click();
  const results = panel.getByTestId('bulk-results');
  await expect(results).toContainText('4 of 5 exempted; 1 failed');
  await expect(results).toContainText('A deny assignment refuses this write, whatever your role');
  await expect(results).toContainText('aks-apps-31415926-vmss');
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  // The four exempted findings say so until a Refresh.
  await dashboard.filter('Status', 'Applied; Defender re-evaluates within 24 h');
  await expect(dashboard.rowCount).toHaveText(/^Showing 4 of /);
  await page.getByRole('button', { name: 'Reset filters' }).click();

  const count = exemptionStates(today()).size + 5;
  await page.getByRole('button', { name: `Exemptions (${count})` }).click();
  panel = page.getByRole('dialog', { name: 'Exemptions' });
  const expiredItems = panel.getByTestId('exemptions').locator('[data-state="Expired"]');
  await expect(expiredItems).toHaveCount(1);
  await expiredItems.first().getByRole('checkbox').check();
  await panel.getByLabel('Renew until').fill('');
  await panel.getByRole('button', { name: 'Renew selected' }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText('1 of 1 done');
  // Renewed without an expiry: no longer expired.
  await expect(expiredItems).toHaveCount(0);
  const duplicate = panel.getByTestId('exemptions').locator('[data-state="Duplicate"]');
  await duplicate.first().getByRole('checkbox').check();
  await panel.getByRole('button', { name: 'Remove selected' }).click();
  await expect(page.getByRole('button', { name: `Exemptions (${count - 1})` })).toBeVisible();
  await expect(duplicate).toHaveCount(0);
  await dashboard.expectClean();
});
