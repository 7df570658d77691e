import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { expected } from '../fixtures/demo_expectations';

test('search, pill filters, sort and Reset work together on the alerts grid', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const total = expected.alert.rows;
  await dashboard.filter('Severity', 'High');
  await dashboard.expectCount(expected.alert.bySeverity.High, total);
  await expect(dashboard.pill('Severity')).toHaveAccessibleName('Filter Severity: High');

  await page.getByRole('searchbox', { name: 'Search items' }).fill('mining');
  const highMining = expected.alert.titles.filter((a) => a.severity === 'High' && /mining/i.test(a.title)).length;
  await dashboard.expectCount(highMining, total);

  await page.getByRole('button', { name: 'Reset filters' }).click();
  await dashboard.expectCount(total);
  await expect(page.getByRole('searchbox', { name: 'Search items' })).toHaveValue('');

  const header = dashboard.grid.getByRole('columnheader', { name: /^Alert/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const sorted = [...expected.alert.titles.map((a) => a.title)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  expect((await dashboard.cells(dashboard.rows.first()))[1]).toBe(sorted[0]);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect((await dashboard.cells(dashboard.rows.first()))[1]).toBe(sorted[sorted.length - 1]);
  await dashboard.expectClean();
});

test('selection survives filtering, and select-all takes only the rows shown', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.rows.nth(0).getByRole('checkbox').check();
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  await dashboard.filter('Severity', 'Low');
  await page.getByRole('checkbox', { name: 'Select all items' }).check();
  const low = expected.alert.bySeverity.Low;
  await expect(page.getByTestId('selected-count')).toHaveText(`${low + 1} items selected`);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('selected-count')).toHaveText('No item selected');
  await dashboard.expectClean();
});

test('hidden columns and widths are remembered for the table after a reload', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Columns shown' }).getByRole('checkbox', { name: 'MITRE tactic' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(dashboard.grid.getByRole('columnheader', { name: /MITRE tactic/ })).toHaveCount(0);
  const handle = dashboard.grid.getByRole('separator', { name: 'Resize column Alert' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 32));
  await page.reload();
  await expect(dashboard.heading).toBeVisible();
  await expect(dashboard.grid.getByRole('columnheader', { name: /MITRE tactic/ })).toHaveCount(0);
  await expect(dashboard.grid.getByRole('separator', { name: 'Resize column Alert' })).toHaveAttribute('aria-valuenow', String(before + 32));
  await dashboard.expectClean();
});
