import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { expected } from '../fixtures/demo_expectations';

test('clicking a summary count opens that tab filtered to that level, and the pill removes the filter', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const critical = expected.vulnerability.counts.critical!;
  await dashboard.count('vulnerability', 'critical').click();
  await expect(dashboard.tab('Vulnerability assessment')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboard.rows).toHaveCount(critical);
  await expect(dashboard.rows.first()).toContainText('Critical');
  await page.getByRole('button', { name: 'Remove filter Level: Critical' }).click();
  await expect(dashboard.rows).toHaveCount(expected.vulnerability.rows);
  await dashboard.expectClean();
});
