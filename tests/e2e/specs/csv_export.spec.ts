import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { ExportDialog, parseCsv } from '../pages/export_dialog';
import { clusterName, expected } from '../fixtures/demo_expectations';

const COLUMNS = 'type,id,name,severity,risk_level,status,affected_resource,component,image_digest,package,installed_version,fixed_version,cve,cvss,owner,due_date,standard,control,first_seen,portal_link,exempted,exemption_category,exemption_expires,owner_state,eta,ticket';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test('the whole cluster report has every finding, stable columns and no BOM', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  const dialog = new ExportDialog(page);
  await dashboard.goto();
  await dialog.open();
  await expect(dialog.whole).toBeChecked();
  const { name, bytes } = await dialog.save();
  expect(name).toMatch(new RegExp(`^${clusterName}-security-findings-\\d{8}T\\d{6}Z\\.csv$`));
  expect(bytes.subarray(0, 3).equals(BOM)).toBe(false);
  const rows = parseCsv(bytes.toString('utf8'));
  expect(rows[0].join(',')).toBe(COLUMNS);
  const total = Object.values(expected).reduce((n, t) => n + t.rows, 0);
  expect(rows.length - 1).toBe(total);
  for (const type of ['alert', 'vulnerability', 'misconfiguration', 'compliance']) {
    expect(rows.filter((r) => r[0] === type).length, type).toBe(expected[type as keyof typeof expected].rows);
  }
  await dashboard.expectClean();
});

test('the Excel variant of the current view matches the grid, with a BOM', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  const dialog = new ExportDialog(page);
  await dashboard.goto();
  await dashboard.count('vulnerability', 'critical').click();
  const gridRows = expected.vulnerability.counts.critical!;
  await dashboard.expectCount(gridRows, expected.vulnerability.rows);
  const firstCells = await dashboard.cells(dashboard.rows.first());
  await dialog.open();
  await dialog.currentView.check();
  await expect(dialog.currentView).toHaveAccessibleName(`Current view: Vulnerability assessment, all findings, filtered (${gridRows} findings)`);
  await dialog.excel.check();
  const { name, bytes } = await dialog.save();
  expect(name).toContain('-security-findings-vulnerability-filtered-');
  expect(bytes.subarray(0, 3).equals(BOM)).toBe(true);
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(rows.length - 1).toBe(gridRows);
  const col = (c: string) => COLUMNS.split(',').indexOf(c);
  // Grid columns: Severity, CVE, Component, Package, Installed, Fixed in, CVSS.
  const first = rows[1];
  expect([first[col('severity')], first[col('cve')], first[col('component')], first[col('package')]]).toEqual(firstCells.slice(0, 4));
  expect(first[col('installed_version')]).toBe(firstCells[4]);
  expect(first[col('cvss')]).toBe(firstCells[6]);
  expect(rows.slice(1).every((r) => r[col('severity')] === 'Critical')).toBe(true);
  await dashboard.expectClean();
});

test('after a download the CSV can also be copied, for frames that block downloads', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dashboard = new DashboardPage(page);
  const dialog = new ExportDialog(page);
  await dashboard.goto();
  await dialog.open();
  await dialog.currentView.check();
  await dialog.save();
  await dialog.dialog.getByRole('button', { name: 'Copy CSV' }).click();
  await expect(dialog.dialog.getByText('Copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(parseCsv(copied)[0].join(',')).toBe(COLUMNS);
  expect(parseCsv(copied).length - 1).toBe(expected.alert.rows);
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await dashboard.expectClean();
});
