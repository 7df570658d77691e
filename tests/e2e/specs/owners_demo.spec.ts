import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { misconfigurationOwners } from '../fixtures/demo_expectations';
import { failOnCrashes } from '../fakes/no_crash';

failOnCrashes(test);

// The owner workflow on the demo cluster: owner states counted from demo/cluster.json, the ETA
// and the ServiceNow ticket of an assignment, the Owners view, and bulk Remove owner.

const today = () => new Date().toISOString().slice(0, 10);

test('the Owner status pill counts match the fixtures; ETA and ticket show on the owner', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Misconfigurations').click();
  const owners = misconfigurationOwners(today());
  const states = ['Overdue', 'In grace period', 'On time'] as const;
  for (const state of states) {
    const expected = owners.filter((o) => o.state === state).length;
    if (expected === 0) continue;
    await dashboard.filter('Owner status', state);
    await expect(dashboard.rowCount).toHaveText(new RegExp(`^Showing ${expected} of `));
    await page.getByRole('button', { name: 'Reset filters' }).click();
  }
  expect(owners.some((o) => o.state === 'Overdue'), 'the demo has an overdue owner').toBe(true);

  // The assignment with a changed ETA and a ServiceNow ticket.
  const ticketed = owners.find((o) => o.ticket > 0)!;
  await dashboard.rows.filter({ hasText: ticketed.recommendation }).first().click();
  await expect(dashboard.pane.getByText('Waiting for the December maintenance window')).toBeVisible();
  const link = dashboard.pane.getByRole('link', { name: `Ticket ${ticketed.ticket} (In Progress)` });
  await expect(link).toHaveAttribute('href', /^https:\/\/contoso\.service-now\.com\//);
  await dashboard.pane.getByRole('button', { name: 'Assign owner' }).click();
  const panel = page.getByRole('dialog');
  await expect(panel.getByLabel('Remediation ETA (optional)')).toHaveValue('2026-12-12');
  await expect(panel.getByLabel('ETA justification')).toHaveValue('Waiting for the December maintenance window');
  // The change sends the ticket back and the ETA with its justification.
  await panel.getByText(/^Request preview/).click();
  await expect(panel.getByTestId('request-preview')).toContainText('"ticketNumber": 4107');
  await expect(panel.getByTestId('request-preview')).toContainText('"justification": "Waiting for the December maintenance window"');
  // An ETA without a justification is refused, with the field named.
  await panel.getByLabel('ETA justification').fill('');
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(panel.getByLabel('ETA justification')).toHaveAccessibleDescription('Say why the remediation needs until then.');
  expect(await seriousViolations(page), 'assign owner with ETA').toEqual([]);
  await dashboard.expectClean();
});

test('the Owners view lists each owner with overdue counts and opens their recommendations', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await page.getByRole('button', { name: 'Owners', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Owners' });
  const table = panel.getByTestId('owners');
  for (const o of misconfigurationOwners(today())) {
    const row = table.getByRole('row').filter({ hasText: o.owner });
    await expect(row).toHaveCount(1);
    const cells = await row.getByRole('cell').allTextContents();
    const column = { Overdue: 1, 'In grace period': 2, 'On time': 3 }[o.state];
    expect(Number(cells[column]), `${o.owner} ${o.state}`).toBeGreaterThanOrEqual(1);
  }
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `owners view (${scheme})`).toEqual([]);
  }
  const overdue = misconfigurationOwners(today()).find((o) => o.state === 'Overdue')!;
  await table.getByRole('button', { name: overdue.owner }).click();
  await expect(dashboard.tab('Misconfigurations')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboard.rowCount).toHaveText(/^Showing 1 of /);
  await dashboard.expectClean();
});

test('bulk Remove owner removes every selected owner and reports per item', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Misconfigurations').click();
  const owned = misconfigurationOwners(today());
  await dashboard.filter('Owner', ...owned.map((o) => o.owner));
  await expect(dashboard.rowCount).toHaveText(new RegExp(`^Showing ${owned.length} of `));
  for (let i = 0; i < owned.length; i++) await dashboard.rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Assign owner' }).click();
  const panel = page.getByRole('dialog');
  await panel.getByRole('button', { name: 'Remove owner' }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText(`${owned.length} of ${owned.length} done`);
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dashboard.rowCount).toHaveText(/^Showing 0 of /);
  await dashboard.expectClean();
});
