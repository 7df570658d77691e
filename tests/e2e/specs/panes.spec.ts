import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';

test('an alert opens a pane with its response steps, entities, details and links; Escape closes it', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const first = dashboard.rows.first();
  const title = (await dashboard.cells(first))[1];
  await first.click();
  const pane = dashboard.pane;
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(pane.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(pane.getByRole('heading', { name: 'Recommended steps' })).toBeVisible();
  await expect(pane.getByRole('cell', { name: 'K8s-pod' })).toBeVisible();
  await expect(pane.getByRole('heading', { name: 'Additional details' })).toBeVisible();
  for (const name of ['Open logs', 'View the alert in the Azure portal', 'Configure security rules for the cluster']) {
    const link = pane.getByRole('link', { name });
    await expect(link).toHaveAttribute('href', /^https:\/\//);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  await page.keyboard.press('Escape');
  await expect(pane).toHaveCount(0);
  await expect(first, 'focus returns to the row').toBeFocused();
  expect(page.url()).not.toContain('open=');
  await dashboard.expectClean();
});

test('a container misconfiguration shows sanitized remediation markup and its Azure Policy', async ({ page }) => {
  const loads: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/purify.min.js')) loads.push(r.url()); });
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Misconfigurations').click();
  await dashboard.filter('Scope', 'Containers');
  await dashboard.rows.first().click();
  const pane = dashboard.pane;
  const steps = pane.locator('section', { has: page.getByRole('heading', { name: 'Remediation steps' }) });
  // Azure's markup renders as a list with a safe link, not as literal tags.
  await expect(steps.getByRole('listitem')).toHaveCount(3);
  await expect(steps).not.toContainText('<li>');
  const doc = steps.getByRole('link');
  await expect(doc).toHaveAttribute('href', /^https:\/\/learn\.microsoft\.com\//);
  await expect(doc).toHaveAttribute('target', '_blank');
  // Both markup sections (description and steps) share one load: a second copy of DOMPurify
  // would replace the first (and, before the shim re-adds it, lose its link rule).
  expect(loads).toHaveLength(1);
  expect(await page.locator('script[src$="/purify.min.js"]').count()).toBe(1);
  await expect(pane.getByRole('link', { name: /Azure Policy definition/ })).toHaveAttribute('href', /PolicyDetailBlade\/definitionId\/%2Fproviders%2FMicrosoft\.Authorization/);
  await expect(pane.getByText('Risk level (Defender CSPM)')).toBeVisible();
  await dashboard.expectClean();
});

test('the sanitizer is loaded only when markup is shown; when it fails the pane says so with Retry, never showing raw markup', async ({ page }) => {
  let refused = 0;
  await page.route('**/purify.min.js', (route) => (refused++ === 0 ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  expect(refused, 'the first paint does not load DOMPurify').toBe(0);
  await dashboard.tab('Misconfigurations').click();
  await dashboard.filter('Scope', 'Containers');
  await dashboard.rows.first().click();
  const steps = dashboard.pane.locator('section', { has: page.getByRole('heading', { name: 'Remediation steps' }) });
  await expect(steps.getByRole('alert')).toContainText('The HTML sanitizer (purify.min.js) could not be loaded');
  await expect(steps).not.toContainText('<li>');
  await steps.getByRole('button', { name: 'Retry' }).first().click();
  await expect(steps.getByRole('listitem')).toHaveCount(3);
  // One Retry reloads it for every markup section on screen (the description too).
  await expect(dashboard.pane.getByRole('alert')).toHaveCount(0);
  expect(refused).toBe(2);
});

test('a compliance row shows its standard, control and remediation, and the tab links to the standards', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.tab('Compliance').click();
  await expect(page.getByRole('list', { name: 'Standards' }).getByRole('listitem')).not.toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Configure standards' })).toHaveAttribute('href', /^https:\/\/portal\.azure\.com\//);
  const cells = await dashboard.cells(dashboard.rows.first());
  await dashboard.rows.first().click();
  await expect(dashboard.pane.getByRole('definition').filter({ hasText: cells[2] }).first()).toBeVisible();
  await expect(dashboard.pane.getByRole('heading', { name: 'Remediation steps' })).toBeVisible();
  await dashboard.expectClean();
});
