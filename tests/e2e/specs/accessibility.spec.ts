import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { TABS } from '../fixtures/demo_expectations';

async function serious(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

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
