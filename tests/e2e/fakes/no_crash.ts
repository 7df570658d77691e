// For specs that inject faults: whatever the fault, the app never panics or throws. The
// browser's own "Failed to load resource" lines for the injected statuses are the only console
// errors allowed, and the crash screen must never appear.
import { expect, type TestType } from '@playwright/test';

export function failOnCrashes(test: TestType<any, any>) {
  const seen = new WeakMap<object, string[]>();
  test.beforeEach(({ page }) => {
    const errors: string[] = [];
    seen.set(page, errors);
    page.on('pageerror', (e) => errors.push(`uncaught: ${e}`));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  });
  test.afterEach(async ({ page }) => {
    expect(seen.get(page), 'panics, uncaught errors or console errors').toEqual([]);
    await expect(page.locator('.crash')).toHaveCount(0);
  });
}
