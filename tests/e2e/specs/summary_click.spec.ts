import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { expected } from '../fixtures/demo_expectations';

test('clicking a summary count opens exactly the findings counted, and removing the pill shows them all', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const critical = expected.vulnerability.counts.critical!;
  await dashboard.count('vulnerability', 'critical').click();
  await expect(dashboard.tab('Vulnerability assessment')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'All findings' })).toHaveAttribute('aria-pressed', 'true');
  await dashboard.expectCount(critical, expected.vulnerability.rows);
  await expect(dashboard.rows.first()).toContainText('Critical');
  await page.getByRole('button', { name: 'Remove filter Severity' }).click();
  await dashboard.expectCount(expected.vulnerability.rows);
  await dashboard.expectClean();
});

test('an open-alert count opens the alerts of that severity that are still open', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const high = expected.alert.counts.high!;
  await dashboard.count('alert', 'high').click();
  await dashboard.expectCount(high, expected.alert.rows);
  await expect(dashboard.pill('Status')).toHaveAccessibleName('Filter Status: Active, In progress');
  await dashboard.expectClean();
});
