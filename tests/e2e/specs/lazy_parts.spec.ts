import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { FakeEntra, azureConfig } from '../fakes/entra';

// The release build is split (scripts/split-bundle.mjs): the first paint fetches the main module
// only; each lazy part's chunk (src/ui/lazy.rs) is fetched the first time the part is shown.

/** Every .wasm the page requested, by file name. */
function wasmRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && seen.push(new URL(r.url()).pathname.slice(1)));
  return seen;
}

/** The chunk of one lazy part answers 503 `times` times, then is served; returns the request count. */
async function refuse(page: Page, part: string, times: number): Promise<() => number> {
  let asked = 0;
  await page.route(`**/split_${part}-*.wasm`, (route) =>
    asked++ < times ? route.fulfill({ status: 503, body: 'busy' }) : route.continue());
  return () => asked;
}

test('the first paint fetches the main module only; the action panels chunk comes on the first panel', async ({ page }) => {
  const wasm = wasmRequests(page);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.rows.first()).toBeVisible();
  expect(wasm, 'only the main module before any panel').toEqual([expect.stringMatching(/^aks-security-dashboard-[0-9a-f]{16}_bg\.wasm$/)]);
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Settings: Defender for Containers' })).toBeVisible();
  expect(wasm.filter((f) => f.startsWith('split_action_panels-'))).toHaveLength(1);
  // A second panel needs no second download.
  await page.keyboard.press('Escape');
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Activity' }).click();
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Activity (this session)' })).toBeVisible();
  expect(wasm.filter((f) => f.startsWith('split_action_panels-'))).toHaveLength(1);
  await dashboard.expectClean();
});

test('the page runs from the bundle\'s Brotli copies (scripts/precompress.mjs): main module, glue and a chunk', async ({ page }) => {
  // The test server sends `x.br` for `x` as a host with brotli_static does; a copy that did not
  // decode to its file (stale, truncated) would break the page or fail its SRI check.
  const encodings = new Map<string, string>();
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (/\.(wasm|js)$/.test(name)) encodings.set(name, r.headers()['content-encoding'] ?? 'identity');
  });
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.rows.first()).toBeVisible();
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Settings: Defender for Containers' })).toBeVisible();
  const of = (pattern: RegExp) => [...encodings].filter(([name]) => pattern.test(name)).map(([, e]) => e);
  expect(of(/_bg\.wasm$/)).toEqual(['br']);
  expect(of(/^aks-security-dashboard-[0-9a-f]+\.js$/)).toEqual(['br']);
  expect(of(/^split_action_panels-/)).toEqual(['br']);
  await dashboard.expectClean();
});

test('an action panel whose chunk fails says so in a side panel; Close works meanwhile, and Retry opens it', async ({ page }) => {
  const asked = await refuse(page, 'action_panels', 2);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const settings = page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' });
  await settings.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText('Could not download the action panels. Check the connection, then Retry.');
  // A page left open across a deployment may ask for chunks the host no longer has.
  await expect(dialog.getByRole('alert')).toContainText('If it keeps failing, reload the page: a newer version may have been deployed.');
  // Titled as the command the user chose; as accessible as the panels.
  await expect(dialog).toHaveAccessibleName('Settings');
  expect(await seriousViolations(page)).toEqual([]);
  // Close leaves the page as it was.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(dashboard.rows.first()).toBeVisible();
  // Asked again, it tries again (a failure is not kept), fails once more, and Retry then opens it.
  await settings.click();
  await expect(dialog.getByRole('alert')).toContainText('Could not download the action panels.');
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByRole('heading', { name: 'Settings: Defender for Containers' })).toBeVisible();
  expect(asked()).toBe(3);
});

test('a chunk altered on the host fails its integrity check and never runs; Retry fetches it again', async ({ page }) => {
  // The link module fetches each chunk with its hash (scripts/split-bundle.mjs): an altered chunk
  // is refused like an unreachable one, with the same message and Retry.
  let altered = 0, served = 0;
  await page.route('**/split_action_panels-*.wasm', async (route) => {
    served++;
    if (altered > 0) return route.continue();
    altered++;
    // Still a valid module (an empty custom section "x" appended), so only the hash refuses it.
    const body = Buffer.concat([await (await route.fetch()).body(), Buffer.from([0, 2, 1, 0x78])]);
    await route.fulfill({ status: 200, contentType: 'application/wasm', body });
  });
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText('Could not download the action panels.');
  await expect(dialog.getByRole('heading', { name: 'Settings: Defender for Containers' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByRole('heading', { name: 'Settings: Defender for Containers' })).toBeVisible();
  expect(served).toBe(2);
});

test('the details pane whose chunk fails shows Retry in the pane; Retry shows the details', async ({ page }) => {
  const asked = await refuse(page, 'details_part', 1);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.rows.first().click();
  await expect(dashboard.pane.getByRole('alert')).toContainText('Could not download the details.');
  await dashboard.pane.getByRole('button', { name: 'Retry' }).click();
  await expect(dashboard.pane.getByRole('alert')).toHaveCount(0);
  await expect(dashboard.pane.getByRole('heading', { level: 3 }).first()).toBeVisible();
  expect(asked()).toBe(2);
});

test('the CSV report dialog whose chunk fails says so in its dialog, which closes; Retry then opens the dialog', async ({ page }) => {
  const asked = await refuse(page, 'export_part', 1);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const open = page.getByRole('button', { name: 'Download CSV report' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Download CSV report' });
  await expect(dialog.getByRole('alert')).toContainText('Could not download the CSV report dialog.');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await open.click();
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByRole('button', { name: 'Download' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  expect(asked()).toBe(2);
});

test('Azure mode fetches its chunk and MSAL while the main module downloads, not after it', async ({ page, context, baseURL }) => {
  await new FakeEntra().install(context);
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(azureConfig(baseURL!)) }));
  // A slow link for the main module only: what Azure mode needs next must not wait for it.
  await context.route(/_bg\.wasm$/, async (route) => {
    await new Promise((done) => setTimeout(done, 600));
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const [main, chunk, msal] = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const find = (re: RegExp) => entries.find((e) => re.test(new URL(e.name).pathname));
    const pick = (e?: PerformanceResourceTiming) => e && { start: e.startTime, end: e.responseEnd };
    return [
      pick(find(/_bg\.wasm$/)),
      pick(find(/\/split_azure_app-[0-9a-f]{16}\.wasm$/)),
      pick(find(/\/msal-browser\.min\.js$/)),
    ];
  });
  expect(main && chunk && msal, 'the main module, the Azure chunk and MSAL were fetched').toBeTruthy();
  expect(chunk!.end, 'the Azure chunk arrived while the main module downloaded').toBeLessThan(main!.end);
  expect(msal!.end, 'MSAL arrived while the main module downloaded').toBeLessThan(main!.end);
  // Each was fetched once: the app's own requests used the preloads.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => /split_azure_app-|msal-browser\.min\.js/.test(p)));
  expect(fetched).toHaveLength(2);
});

test('a demo deployment preloads nothing of Azure mode', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.rows.first()).toBeVisible();
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => /split_azure_app-|msal-browser/.test(p)));
  expect(fetched).toEqual([]);
});
