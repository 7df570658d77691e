import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { TABS, WINDOW, expected, type FindingType } from '../fixtures/demo_expectations';

// Rows per tab as the demo data implies: the Vulnerability assessment tab opens on its
// vulnerable components, the others list one row per finding.
const rowsOf = (type: FindingType) => (type === 'vulnerability' ? expected.vulnerability.components : expected[type].rows);

for (const type of Object.keys(TABS) as FindingType[]) {
  test(`the ${TABS[type]} tab lists every item of its type`, async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await dashboard.tab(TABS[type]).click();
    await expect(dashboard.tab(TABS[type])).toHaveAttribute('aria-selected', 'true');
    await expect(dashboard.grid).toHaveAccessibleName(TABS[type]);
    await dashboard.expectCount(rowsOf(type));
    await expect(dashboard.rows).toHaveCount(Math.min(rowsOf(type), WINDOW));
    await dashboard.expectClean();
  });
}
