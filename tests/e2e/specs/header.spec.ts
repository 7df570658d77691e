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
