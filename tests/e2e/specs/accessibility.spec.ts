import { expect, test } from '@playwright/test';
import { seriousViolations as serious } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { TABS } from '../fixtures/demo_expectations';

for (const scheme of ['light', 'dark'] as const) {
  for (const name of Object.values(TABS)) {
    test(`${name} with its details pane open has no serious accessibility violation (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const dashboard = new DashboardPage(page);
      await dashboard.goto();
      await dashboard.tab(name).click();
      expect(await serious(page), 'tab').toEqual([]);
      await dashboard.rows.first().click();
      await expect(dashboard.pane).toBeVisible();
      expect(await serious(page), 'tab with pane').toEqual([]);
      await dashboard.expectClean();
    });
  }
}
