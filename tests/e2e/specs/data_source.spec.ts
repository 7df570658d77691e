import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { TABS, expected } from '../fixtures/demo_expectations';

// Each tab says what it read and can show the queries behind it; each pane can show the raw row
// a finding was read from. The grouped model (a cloud that still serves it) reads the same
// findings through the retired REST list.

test('each tab names its model and API, and shows its queries with a Resource Graph Explorer link', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab(TABS.vulnerability).click();
  const source = page.getByTestId('data-source');
  await expect(source).toContainText('Read from: Individual recommendations, Azure Resource Graph');
  await source.getByText('Show query').click();
  const first = source.locator('pre').first();
  await expect(first).toContainText('securityresources');
  await expect(first).toContainText('microsoft.security/assessments');
  const link = source.getByRole('link', { name: 'Open in Resource Graph Explorer' }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^https:\/\/portal\.azure\.com\/#blade\/HubsExtension\/ArgQueryBlade\/query\/securityresources%0A/);
  expect(decodeURIComponent(href!.split('/query/')[1])).toBe(await first.textContent());
  await expect(link).toHaveAttribute('target', '_blank');
  await dashboard.expectClean();
});

test('a pane shows the raw JSON of its finding, read on demand, as text', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.rows.first().click();
  const title = await dashboard.pane.getByRole('heading', { level: 2 }).textContent();
  await dashboard.pane.getByRole('button', { name: 'Show raw JSON' }).click();
  const raw = dashboard.pane.locator('.pane__raw pre').first();
  await expect(raw).toContainText('"AlertDisplayName"');
  await expect(raw).toContainText(title!.trim());
  await expect(dashboard.pane.locator('.pane__raw pre').nth(1)).toContainText('| where id =~');
  await dashboard.pane.getByRole('button', { name: 'Hide raw JSON' }).click();
  await expect(dashboard.pane.locator('.pane__raw pre')).toHaveCount(0);
  await dashboard.expectClean();
});

test('?demo-model=grouped reads the same findings through the retired grouped list and says so', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await page.goto('/?demo-model=grouped');
  await expect(dashboard.heading).toBeVisible();
  await expect(dashboard.total('vulnerability')).toHaveText(String(Object.values(expected.vulnerability.counts).reduce((a, b) => a + b, 0)));
  await dashboard.tab(TABS.vulnerability).click();
  await expect(page.getByTestId('data-source')).toContainText('Individual recommendations and grouped sub-assessments, Azure Resource Graph and REST');
  await page.getByRole('button', { name: 'All findings' }).click();
  await dashboard.expectCount(expected.vulnerability.rows);
  await dashboard.expectClean();
});
