import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { expected } from '../fixtures/demo_expectations';

test('the vulnerability pivots group the same findings by component, CVE, package and finding', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Vulnerability assessment').click();
  await dashboard.expectCount(expected.vulnerability.components);
  await page.getByRole('button', { name: 'By CVE' }).click();
  await dashboard.expectCount(expected.vulnerability.cves);
  await page.getByRole('button', { name: 'All findings' }).click();
  await dashboard.expectCount(expected.vulnerability.rows);
  await page.getByRole('switch', { name: 'Fixable only' }).check();
  await dashboard.expectCount(expected.vulnerability.fixable);
  await dashboard.expectClean();
});

test('the package pivot tells which upgrade clears how many CVEs where', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Vulnerability assessment').click();
  await page.getByRole('button', { name: 'By package' }).click();
  await page.getByRole('searchbox', { name: 'Search items' }).fill('openssl');
  await dashboard.rows.filter({ has: page.getByRole('gridcell', { name: 'openssl', exact: true }) }).click();
  const o = expected.vulnerability.openssl;
  await expect(dashboard.pane.getByText(/^Upgrade openssl to/)).toHaveText(
    `Upgrade openssl to 3.0.15-1~deb12u1 to clear ${o.fixableCves} CVEs in ${o.images} images and ${o.nodePools} node pools`,
  );
  await expect(dashboard.pane.getByRole('heading', { name: `CVEs (${o.findings})` })).toBeVisible();
  await dashboard.expectClean();
});
