import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { expected } from '../fixtures/demo_expectations';

test('a copied link reopens the same tab, pivot, filters, search, sort and open item', async ({ page, context }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Vulnerability assessment').click();
  await page.getByRole('button', { name: 'By package' }).click();
  await page.getByRole('switch', { name: 'Fixable only' }).check();
  await dashboard.filter('Severity', 'Critical');
  const header = dashboard.grid.getByRole('columnheader', { name: /^CVEs cleared/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('searchbox', { name: 'Search items' }).fill('ssl');
  await dashboard.rows.first().click();
  await expect(dashboard.pane).toBeVisible();
  const title = await dashboard.pane.getByRole('heading', { level: 2 }).textContent();
  const count = await dashboard.rowCount.textContent();
  const link = page.url();
  expect(link).toContain('tab=vulnerability');
  expect(link).toContain('pivot=packages');

  const other = new DashboardPage(await context.newPage());
  await other.page.goto(link);
  await expect(other.heading).toBeVisible();
  await expect(other.tab('Vulnerability assessment')).toHaveAttribute('aria-selected', 'true');
  await expect(other.page.getByRole('button', { name: 'By package' })).toHaveAttribute('aria-pressed', 'true');
  await expect(other.page.getByRole('switch', { name: 'Fixable only' })).toBeChecked();
  await expect(other.page.getByRole('searchbox', { name: 'Search items' })).toHaveValue('ssl');
  await expect(other.pill('Severity')).toHaveAccessibleName('Filter Severity: Critical');
  await expect(other.grid.getByRole('columnheader', { name: /^CVEs cleared/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(other.rowCount).toHaveText(count!);
  await expect(other.pane.getByRole('heading', { level: 2 })).toHaveText(title!);
  await dashboard.expectClean();
  await other.expectClean();
});

test('a link with unknown values opens the default view instead of failing', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await page.goto('/?tab=nope&pivot=zzz&sort=nothing.desc&f.nothing=x&open=missing');
  await expect(dashboard.heading).toBeVisible();
  await expect(dashboard.tab('Security alerts')).toHaveAttribute('aria-selected', 'true');
  await dashboard.expectCount(expected.alert.rows);
  await expect(dashboard.pane).toHaveCount(0);
  await dashboard.expectClean();
});
