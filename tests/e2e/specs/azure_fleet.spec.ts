import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { FleetPage } from '../pages/fleet';
import { parseCsv } from '../pages/export_dialog';
import { FakeEntra, azureConfig } from '../fakes/entra';
import { WireArm } from '../fakes/wire_arm';
import { CLUSTERS, FORBIDDEN, expectedRow, resources } from '../fixtures/tenant';
import { failOnCrashes } from '../fakes/no_crash';
import { readFile } from 'node:fs/promises';

failOnCrashes(test);

// The fleet against a fake Resource Graph (fakes/resource_graph.ts) over a three-cluster tenant
// built in the tests from the demo data (fixtures/tenant.ts): every count of every row equals
// what the tenant's resources imply, computed by demo_expectations' rules.

type Page = import('@playwright/test').Page;
type Context = import('@playwright/test').BrowserContext;

/** Signs in to the tenant at `path`. */
async function signIn(page: Page, context: Context, baseURL: string, path: string) {
  const arm = new WireArm((r) => r, resources);
  arm.forbidden.push(...FORBIDDEN);
  await new FakeEntra().install(context);
  await arm.install(context);
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(azureConfig(baseURL)) }));
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return arm;
}

async function openFleet(page: Page, context: Context, baseURL: string) {
  const arm = await signIn(page, context, baseURL, '/');
  const fleet = new FleetPage(page);
  await expect(fleet.grid).toBeVisible({ timeout: 45_000 });
  return { arm, fleet };
}

test('the fleet is the landing page: every count of every cluster equals the fixtures, in three queries', async ({ page, context, baseURL }) => {
  const { arm, fleet } = await openFleet(page, context, baseURL!);
  await fleet.expectCount(CLUSTERS.length);
  const now = new Date().toISOString();
  for (const c of CLUSTERS) {
    const cells = await fleet.cells(fleet.row(c.name));
    expect(cells['Subscription'], c.name).toBe(c.subscriptionName);
    if (c.readable) {
      for (const [column, value] of Object.entries(expectedRow(c, now))) {
        if (column in cells) expect(cells[column], `${c.name}: ${column}`).toBe(value);
      }
    } else {
      // Its Defender data cannot be read: not known, never zero.
      expect(cells['Critical CVEs']).toBe('Not known');
      expect(cells['High alerts']).toBe('Not known');
    }
  }
  // The hidden columns too (Overdue owners is shown; Low misconfigurations is not by default).
  expect(Object.keys(await fleet.cells(fleet.rows.first()))).toContain('Overdue owners');
  await expect(page.getByTestId('fleet-unreadable')).toContainText('Contoso Lab');
  // Three queries, one page each: not one request per cluster.
  expect(arm.requests.filter((r) => r.startsWith('POST graph:')).sort())
    .toEqual(['POST graph:fleet-clusters', 'POST graph:fleet-plans', 'POST graph:fleet-posture']);
  expect(arm.requests.filter((r) => r.startsWith('GET '))).toEqual([]);
  expect(fleet.consoleErrors).toEqual([]);
});

test('sorting by critical CVEs, filtering by subscription, and the way to a cluster and back keep the view', async ({ page, context, baseURL }) => {
  const { fleet } = await openFleet(page, context, baseURL!);
  await fleet.sortBy('Critical CVEs', 'descending');
  const names = await fleet.names();
  expect(names).toHaveLength(CLUSTERS.length);
  const criticals: string[] = [];
  for (const n of names) criticals.push((await fleet.cells(fleet.row(n)))['Critical CVEs']);
  const known = criticals.filter((c) => c !== 'Not known').map(Number);
  expect(known, 'highest first').toEqual([...known].sort((a, b) => b - a));
  expect(criticals.at(-1), 'not known last').toBe('Not known');

  await fleet.filter('Subscription', 'Contoso Shop');
  await fleet.expectCount(1, CLUSTERS.length);
  const shop = CLUSTERS[1];
  const row = await fleet.cells(fleet.row(shop.name));
  await fleet.row(shop.name).getByRole('link').click();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.heading).toHaveText(shop.name);
  expect(new URL(page.url()).searchParams.get('cluster')).toBe(shop.id);
  // The fleet row's numbers are the dashboard's summary bar's.
  await expect(dashboard.count('alert', 'high')).toContainText(row['High alerts']);
  await expect(dashboard.count('vulnerability', 'critical')).toContainText(row['Critical CVEs']);
  await expect(dashboard.count('vulnerability', 'high')).toContainText(row['High CVEs']);

  await page.getByRole('link', { name: 'All clusters' }).click();
  await expect(fleet.grid).toBeVisible();
  await fleet.expectCount(1, CLUSTERS.length);
  await expect(fleet.grid.getByRole('columnheader', { name: /^Critical CVEs/ })).toHaveAttribute('aria-sort', 'descending');
  expect(new URL(page.url()).searchParams.get('f.subscription')).toBe('Contoso Shop');
});

test('the fleet CSV has one row per cluster, and the page has no serious accessibility violation, light and dark', async ({ page, context, baseURL }) => {
  const { fleet } = await openFleet(page, context, baseURL!);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV report' }).click()]);
  expect(download.suggestedFilename()).toBe('aks-fleet.csv');
  const rows = parseCsv((await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, ''));
  expect(rows.length - 1).toBe(CLUSTERS.length);
  expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(CLUSTERS.map((c) => c.id).sort());
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), scheme).toEqual([]);
  }
  expect(fleet.consoleErrors).toEqual([]);
});

test('a cluster whose Defender data cannot be read says "not known" on its dashboard, not zero', async ({ page, context, baseURL }) => {
  const lab = CLUSTERS[2];
  await signIn(page, context, baseURL!, `/?cluster=${encodeURIComponent(lab.id)}`);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.heading).toHaveText(lab.name, { timeout: 45_000 });
  for (const type of ['alert', 'vulnerability', 'misconfiguration', 'compliance'] as const) {
    await expect(dashboard.total(type), type).toHaveText('Not known');
  }
});
