import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { LEVELS, TABS, expected, type FindingType } from '../fixtures/demo_expectations';

test('the summary bar shows the counts the demo data implies', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  for (const type of Object.keys(TABS) as FindingType[]) {
    const counts = expected[type].counts;
    const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    expect(total, `${type} has findings in the demo`).toBeGreaterThan(0);
    await expect(dashboard.total(type)).toHaveText(String(total));
    for (const level of LEVELS) {
      if (counts[level]) await expect(dashboard.count(type, level)).toContainText(String(counts[level]));
      else await expect(dashboard.count(type, level)).toHaveCount(0);
    }
  }
  await dashboard.expectClean();
});
