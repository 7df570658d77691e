import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';

test('the theme follows the OS until the user picks one, and the pick survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const html = page.locator('html');
  await expect(html).not.toHaveAttribute('data-theme', /.+/);
  const osDark = await background();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(osDark);
  await page.reload();
  await expect(dashboard.heading).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await dashboard.expectClean();
});
