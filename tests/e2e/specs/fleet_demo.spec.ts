import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { seriousViolations } from '../pages/axe';
import { DashboardPage } from '../pages/dashboard';
import { FleetPage } from '../pages/fleet';
import { parseCsv } from '../pages/export_dialog';
import { failOnCrashes } from '../fakes/no_crash';
import { clusterName, expected } from '../fixtures/demo_expectations';

failOnCrashes(test);

// The demo's fleet (?view=fleet): twelve clusters in four subscriptions, made from the demo
// cluster. Each row's numbers are its dashboard's; what cannot be read is named, never zero.

test('the demo fleet lists twelve clusters, names the unreadable subscription, and makes no request off the page', async ({ page }) => {
  const fleet = new FleetPage(page);
  const dashboard = new DashboardPage(page); // records requests leaving the origin
  await page.goto('/?view=fleet');
  await fleet.expectCount(12);
  await expect(page.getByRole('heading', { name: 'AKS clusters' })).toBeVisible();
  await expect(page.getByTestId('fleet-unreadable')).toContainText('Contoso Sandbox');
  for (const name of ['aks-sandbox-a', 'aks-sandbox-b']) {
    expect((await fleet.cells(fleet.row(name)))['Critical CVEs'], name).toBe('Not known');
  }
  expect((await fleet.cells(fleet.row('aks-mlops-dev-weu')))['High alerts']).toBe('Not assessed');
  await expect(page.getByTestId('fleet-scope')).toHaveText('Across 8 of 12 clusters (4 not known)');
  // The detailed demo cluster's row equals what demo/cluster.json implies, computed apart.
  const detailed = await fleet.cells(fleet.row(clusterName));
  const n = (counts: Partial<Record<string, number>>, level: string) => String(counts[level] ?? 0);
  expect(detailed['High alerts']).toBe(n(expected.alert.counts, 'high'));
  expect(detailed['Medium alerts']).toBe(n(expected.alert.counts, 'medium'));
  expect(detailed['Low alerts']).toBe(n(expected.alert.counts, 'low'));
  expect(detailed['Critical CVEs']).toBe(n(expected.vulnerability.counts, 'critical'));
  expect(detailed['High CVEs']).toBe(n(expected.vulnerability.counts, 'high'));
  expect(detailed['Images affected']).toBe(String(expected.vulnerability.images));
  expect(detailed['High misconfigurations']).toBe(n(expected.misconfiguration.counts, 'high'));
  expect(detailed['Medium misconfigurations']).toBe(n(expected.misconfiguration.counts, 'medium'));
  await dashboard.expectClean();
  expect(fleet.consoleErrors).toEqual([]);
});

test('a fleet row equals its dashboard summary bar, and the way back keeps the fleet view', async ({ page }) => {
  const fleet = new FleetPage(page);
  await page.goto('/?view=fleet');
  await fleet.filter('Subscription', 'Contoso Platform');
  await fleet.expectCount(4, 12);
  await fleet.sortBy('Critical CVEs', 'descending');
  const names = await fleet.names();
  const criticals: number[] = [];
  for (const n of names) criticals.push(Number((await fleet.cells(fleet.row(n)))['Critical CVEs']));
  expect(criticals).toEqual([...criticals].sort((a, b) => b - a));
  const name = names[1];
  const row = await fleet.cells(fleet.row(name));
  await fleet.row(name).getByRole('link').click();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.heading).toHaveText(name);
  const count = async (type: string, level: string) =>
    (await dashboard.count(type as any, level as any).count()) ? (await dashboard.count(type as any, level as any).locator('.summary__number').textContent())! : '0';
  expect(await count('alert', 'high')).toBe(row['High alerts']);
  expect(await count('alert', 'medium')).toBe(row['Medium alerts']);
  expect(await count('vulnerability', 'critical')).toBe(row['Critical CVEs']);
  expect(await count('vulnerability', 'high')).toBe(row['High CVEs']);
  expect(await count('misconfiguration', 'high')).toBe(row['High misconfigurations']);
  await page.getByRole('link', { name: 'All clusters' }).click();
  await fleet.expectCount(4, 12);
  await expect(fleet.grid.getByRole('columnheader', { name: /^Critical CVEs/ })).toHaveAttribute('aria-sort', 'descending');
  expect(await fleet.names()).toEqual(names);
});

test('the fleet CSV has one row per cluster; no serious accessibility violation, light and dark', async ({ page }) => {
  const fleet = new FleetPage(page);
  await page.goto('/?view=fleet');
  await fleet.expectCount(12);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV report' }).click()]);
  const rows = parseCsv((await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, ''));
  expect(rows[0].slice(0, 3)).toEqual(['cluster_id', 'cluster', 'subscription']);
  expect(rows.length - 1).toBe(12);
  expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(12);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), scheme).toEqual([]);
  }
});
