import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';

// A panic must not leave a frozen page: the hook shows a screen with Reload and the details to
// copy into a bug report. The panic is a real one, raised by the self-test export that the README
// tells deployers to use (`wasmBindings.crashScreenSelfTest()`).
test('a panic shows the crash screen: focused, details with version and location, Copy, and a Reload that works', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const thrown = await page.evaluate(() => {
    try {
      (window as any).wasmBindings.crashScreenSelfTest();
      return 'returned';
    } catch (e) {
      return String(e);
    }
  });
  // panic = "abort": after the hook, the wasm stops with a trap.
  expect(thrown).toContain('RuntimeError');
  const screen = page.getByRole('alertdialog', { name: 'The dashboard stopped because of an error' });
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading', { level: 1 })).toBeFocused();
  const details = screen.getByRole('textbox', { name: 'Error details' });
  await expect(details).toHaveValue(/^aks-security-dashboard \d+\.\d+\.\d+\n.*Chrom.*\npanicked at src\/browser\/crash\.rs:\d+:\d+:\ncrash screen self-test/s);
  await screen.getByRole('button', { name: 'Copy details' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await details.inputValue());
  // The screen covers the page: nothing beneath can be clicked.
  const top = await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('.crash') !== null);
  expect(top).toBe(true);
  await screen.getByRole('link', { name: 'Reload' }).click();
  await expect(screen).toHaveCount(0);
  await expect(dashboard.heading).toBeVisible();
  await expect(dashboard.rows.first()).toBeVisible();
});

test('a WebAssembly trap that is not a panic (thrown or rejected) shows the same screen; other script errors do not', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const screen = page.getByRole('alertdialog', { name: 'The dashboard stopped because of an error' });
  // An ordinary error from some other script is not the dashboard stopping.
  await page.evaluate(() => setTimeout(() => { throw new TypeError('not ours'); }));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await expect(screen).toHaveCount(0);
  // A trap as the browser reports one: out of an event handler, or as a rejected promise.
  await page.evaluate(() => { void Promise.reject(new WebAssembly.RuntimeError('memory access out of bounds')); });
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('textbox', { name: 'Error details' })).toHaveValue(/\nWebAssembly trap: memory access out of bounds$/);
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await expect(screen, 'one screen, the first report').toHaveCount(1);
  await expect(screen.getByRole('textbox', { name: 'Error details' })).toHaveValue(/memory access out of bounds$/);
});
