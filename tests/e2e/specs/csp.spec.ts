import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { FakeArm } from '../fakes/arm';
import { openExampleCluster } from '../fakes/azure_session';

// The Content Security Policy the README tells deployments to send. The page must run under it
// with nothing blocked: no inline script or style, WebAssembly compiled under
// 'wasm-unsafe-eval', requests only to the page itself, Entra ID and ARM.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self' https://login.microsoftonline.com https://management.azure.com",
  "frame-src 'self' https://login.microsoftonline.com",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Serves the page's own documents with the policy and collects every violation it reports. */
async function withPolicy(context: BrowserContext, page: Page): Promise<string[]> {
  await context.route(/^http:\/\/127\.0\.0\.1:\d+\/.*$/, async (route) => {
    const response = await route.fetch();
    const type = response.headers()['content-type'] ?? '';
    const headers = { ...response.headers() };
    if (type.includes('text/html')) headers['content-security-policy'] = CSP;
    await route.fulfill({ response, headers });
  });
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  return violations;
}

test('the demo runs under the documented CSP with nothing blocked: grid, pane, actions, CSV, theme', async ({ page, context }) => {
  const violations = await withPolicy(context, page);
  // The pane, the panels and the CSV dialog are lazy parts: their chunks load under the policy.
  const chunks: string[] = [];
  page.on('requestfinished', (r) => /\/split_\w+-[0-9a-f]{16}\.wasm$/.test(r.url()) && chunks.push(r.url()));
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.rows.first()).toBeVisible();
  await dashboard.rows.first().click();
  await expect(dashboard.pane).toBeVisible();
  await dashboard.pane.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('dialog').getByTestId('bulk-results')).toContainText('1 of 1 updated');
  await page.keyboard.press('Escape');
  await dashboard.tab('Misconfigurations').click();
  await dashboard.rows.first().click();
  await expect(dashboard.pane.getByRole('heading', { name: 'Remediation steps' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('button', { name: 'Download CSV report' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Download CSV report' }).getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  expect(chunks.length, 'lazy chunks loaded under the policy').toBeGreaterThanOrEqual(3);
  expect(violations).toEqual([]);
  await dashboard.expectClean();
});

test('Azure mode signs in with MSAL and reads ARM under the same CSP', async ({ page, context, baseURL }) => {
  const violations = await withPolicy(context, page);
  await openExampleCluster(page, context, baseURL!, new FakeArm());
  await expect(new DashboardPage(page).rows.first()).toBeVisible();
  expect(violations).toEqual([]);
});
