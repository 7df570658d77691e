import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { TABS, expected, type FindingType } from '../fixtures/demo_expectations';

for (const type of Object.keys(TABS) as FindingType[]) {
  test(`the ${TABS[type]} tab lists every finding of its type`, async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await dashboard.tab(TABS[type]).click();
    await expect(dashboard.tab(TABS[type])).toHaveAttribute('aria-selected', 'true');
    await expect(dashboard.grid).toHaveAccessibleName(TABS[type]);
    await expect(dashboard.rows).toHaveCount(expected[type].rows);
    await expect(dashboard.rowCount).toHaveText(`${expected[type].rows} items`);
    await dashboard.expectClean();
  });
}
