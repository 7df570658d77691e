import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../pages/export_dialog';
import { expected } from '../fixtures/demo_expectations';

// A host page frames the dashboard, as an internal portal would.
async function frame(page: Page, host: 'framed' | 'sandboxed') {
  await page.goto(`/__host/${host}.html`);
  const app = page.frameLocator('iframe[title="AKS dashboard"]');
  await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
  await app.getByRole('button', { name: 'Download CSV report' }).click();
  const dialog = app.getByRole('dialog', { name: 'Download CSV report' });
  await dialog.getByRole('radio', { name: /Current view/ }).check();
  return dialog;
}

test('the report downloads from inside a frame', async ({ page }) => {
  const dialog = await frame(page, 'framed');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-security-findings-alert-\d{8}T\d{6}Z\.csv$/);
  await expect(dialog.getByText(/^Exported /)).toBeVisible();
});

test('in a sandboxed frame that blocks downloads, the CSV can still be copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dialog = await frame(page, 'sandboxed');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(dialog.getByText(/^Exported /)).toBeVisible();
  await expect(dialog.getByText(/block downloads: copy or open the CSV instead/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy CSV' }).click();
  await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
  expect(downloaded, 'the sandbox blocked the download').toBe(false);
  const copied = await page.frames()[1].evaluate(() => navigator.clipboard.readText());
  expect(parseCsv(copied).length - 1).toBe(expected.alert.rows);
});
