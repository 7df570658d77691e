import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { FakeArm, example } from '../fakes/arm';
import { openExampleCluster } from '../fakes/azure_session';

// Alert fields come from attackers; recommendation text is Azure's markup. None of it may run
// script, load anything, or navigate.
const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '<img src="https://attacker.example/x.png" onerror="window.__pwned = 2">';
const SVG = '<svg><animate onbegin="window.__pwned = 3" attributeName="x" dur="1s"/></svg>';
const RTL = 'kube\u202Egpj.exe';

test('hostile alert and recommendation text renders as text, runs nothing and loads nothing', async ({ page, context, baseURL }) => {
  const arm = new FakeArm((path, body) => {
    if (path.endsWith('/alerts')) {
      const p = body.value[0].properties;
      p.alertDisplayName = `Reverse shell ${IMG}`;
      p.description = `${SCRIPT} ${SVG}`;
      p.compromisedEntity = RTL;
      p.remediationSteps = [`Run ${IMG}`, 'x'.repeat(5000)];
      p.alertUri = 'javascript:window.__pwned=4';
      p.extendedProperties = { [`key ${SCRIPT}`]: `value ${IMG}` };
    }
    if (path.endsWith('/providers/microsoft.security/assessments')) {
      body.value[0].properties.status = { code: 'Unhealthy', cause: '', description: 'The resource is unhealthy' };
      // Metadata inline, as Resource Graph rows carry it (the official metadata example's).
      body.value[0].properties.metadata = {
        ...example('GetAssessmentsMetadata_example.json').properties,
        remediationDescription:
          `Fix it: <ol><li>step <b>one</b></li></ol> <a href="javascript:window.__pwned=5">click</a> ${IMG} ${SCRIPT} <a href="https://learn.microsoft.com/azure/aks/">docs</a>`,
      };
    }
    return body;
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await openExampleCluster(page, context, baseURL!, arm);
  const dashboard = new DashboardPage(page);

  const row = dashboard.grid.getByRole('gridcell', { name: `Reverse shell ${IMG}`, exact: true });
  await expect(row).toBeVisible();
  await row.click();
  const pane = dashboard.pane;
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(`Reverse shell ${IMG}`);
  await expect(pane.getByText(`${SCRIPT} ${SVG}`)).toBeVisible();
  await expect(pane.getByText(`key ${SCRIPT}`)).toBeVisible();
  // A javascript: link from the data is shown as text, never as a link.
  await expect(pane.getByRole('link', { name: 'View the alert in the Azure portal' })).toHaveCount(0);
  await expect(pane.getByText('View the alert in the Azure portal')).toBeVisible();
  // Nothing from the data became an element.
  expect(await page.locator('main img, main script, main svg animate').count()).toBe(0);
  // Long text wraps inside the pane instead of widening the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

  // Azure's remediation markup: the safe subset renders, the rest is gone.
  await page.keyboard.press('Escape');
  await dashboard.tab('Misconfigurations').click();
  await dashboard.rows.first().click();
  const steps = pane.locator('section', { has: page.getByRole('heading', { name: 'Remediation steps' }) });
  await expect(steps.getByRole('listitem')).toHaveText('step one');
  await expect(steps.getByRole('link')).toHaveCount(1);
  await expect(steps.getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://learn.microsoft.com/azure/aks/');
  await expect(steps.getByText('click')).toBeVisible();
  expect(await steps.locator('img, script, [onerror], [href^="javascript"]').count()).toBe(0);

  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(dashboard.offOriginRequests.filter((u) => u.includes('attacker.example'))).toEqual([]);
});
