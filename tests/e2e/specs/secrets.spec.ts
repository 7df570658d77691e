import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { FakeArm } from '../fakes/arm';
import { openExampleCluster } from '../fakes/azure_session';

// One whole session (sign-in, reads, an action, Refresh, a token refreshed after a 401, the
// activity previews, sign-out), then every place a credential could leak is searched for every
// access, refresh and id token the fake Entra issued.
test('no token leaks anywhere during a whole session, and sign-out leaves none behind', async ({ page, context, baseURL }) => {
  test.setTimeout(60_000);
  const console: string[] = [];
  const urls: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  page.on('pageerror', (e) => console.push(String(e)));
  context.on('request', (r) => urls.push(r.url()));
  page.on('framenavigated', (f) => urls.push(f.url()));
  const arm = new FakeArm();
  const entra = await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);

  // An action.
  const panel = await dashboard.changeStatusOfFirst('Resolved');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText('1 of 1 updated');
  await page.keyboard.press('Escape');
  // Refresh, with the token refused once on the way (MSAL refreshes it: a second access token).
  arm.faults.push({ path: /\/alerts$/i, status: 401, code: 'ExpiredAuthenticationToken', times: 1 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect.poll(() => entra.grants.filter((g) => g === 'refresh_token').length).toBe(1);
  await expect(dashboard.grid).toContainText('Azure Security Center test alert (not a threat)');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Every request preview open.
  await page.getByRole('button', { name: /^Activity \(\d+\)$/ }).click();
  for (const summary of await panel.locator('details > summary').all()) await summary.click();
  await expect(panel).toContainText('az rest --method post');

  const issuedAccess = entra.issued.length;
  expect(issuedAccess, 'sign-in and the refresh').toBe(2);
  const where = async (): Promise<[string, string][]> => [
    ['the page', await page.evaluate(() => document.documentElement.outerHTML)],
    ['localStorage', await page.evaluate(() => JSON.stringify({ ...localStorage }))],
    ['cookies', (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')],
    ['a URL', urls.join('\n')],
    ['the console', console.join('\n')],
    ['the window name', await page.evaluate(() => window.name)],
    ['the history state', await page.evaluate(() => JSON.stringify(history.state))],
  ];
  for (const [place, text] of await where()) {
    for (const secret of entra.secrets) expect(text.includes(secret), `a credential in ${place}`).toBe(false);
  }
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('Bearer ');
  // While signed in, the tokens live only in MSAL's sessionStorage cache.
  const sessionBefore = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(entra.secrets.some((s) => sessionBefore.includes(s)), 'MSAL caches in sessionStorage').toBe(true);

  // Sign-out: MSAL's cache is cleared of every credential.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const after = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  for (const secret of entra.secrets) expect(after.includes(secret), 'a credential left after sign-out').toBe(false);
  for (const [place, text] of await where()) {
    for (const secret of entra.secrets) expect(text.includes(secret), `a credential in ${place} after sign-out`).toBe(false);
  }
});
