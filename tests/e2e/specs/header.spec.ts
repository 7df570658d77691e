import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { clusterName } from '../fixtures/demo_expectations';

test('the header names the demo cluster, labels it as demo and shows the Defender plan', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.heading).toHaveText(clusterName);
  await expect(dashboard.demoBadge).toBeVisible();
  await expect(dashboard.planStatus).toHaveText('Microsoft Defender for Containers: On (inherited from the subscription)');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await dashboard.expectClean();
});

test('Refresh reloads the data, keeps the view and selection, and leaves no error', async ({ page }) => {
  // Regression: a signal created inside the loading boundary was disposed by a refresh while the
  // old dashboard still read it, and the app panicked.
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Misconfigurations').click();
  await dashboard.rows.first().getByRole('checkbox').check();
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await refresh.click();
  await expect(refresh).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Refresh' })).toHaveText('Refresh');
  await expect(dashboard.tab('Misconfigurations')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');
  await expect(page.locator('.crash')).toHaveCount(0);
  await refresh.click();
  await expect(refresh).toHaveText('Refresh');
  await dashboard.expectClean();
});
