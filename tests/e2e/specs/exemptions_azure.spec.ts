import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { openCluster } from '../fakes/azure_session';
import { validate } from '../fakes/openapi';
import { DEMO_CLUSTER, WireArm } from '../fakes/wire_arm';
import { failOnCrashes } from '../fakes/no_crash';

failOnCrashes(test);

// Exempting against Azure (the demo cluster's wire data served as ARM and Resource Graph):
// every request validates against the copied OpenAPI definition; a bulk of five with one
// refused keeps that one selected with the role it needs; a Refresh reads the new exemptions.

test('a bulk exemption of five with one refused: four done, the fifth kept selected with its error, the bodies valid', async ({ page, context, baseURL }) => {
  const arm = new WireArm();
  const dashboard = new DashboardPage(page);
  await openCluster(page, context, baseURL!, arm, DEMO_CLUSTER);
  await dashboard.tab('Misconfigurations').click();
  for (let i = 0; i < 5; i++) await dashboard.rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Exempt' }).click();
  const panel = page.getByRole('dialog');
  await panel.getByLabel('Justification').fill('Mitigated by the namespace admission policy');
  await panel.getByRole('radio', { name: 'Mitigated' }).check();
  await panel.getByText(/^Request preview/).click();
  await expect(panel.getByTestId('request-preview').first()).toContainText('"exemptionCategory": "mitigated"');
  // The first write is refused.
  arm.writeFaults.push({ method: 'PUT', path: /standardassignments/, status: 403, code: 'AuthorizationFailed' });
  await panel.getByRole('button', { name: 'Exempt', exact: true }).click();
  const results = panel.getByTestId('bulk-results');
  await expect(results).toContainText('4 of 5 exempted; 1 failed');
  await expect(results).toContainText('Exempting needs the Security Admin role or Owner');
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');

  // Each accepted body is valid for the 2024-08-01 specification (which refuses a wrong one).
  const bad = JSON.stringify({ properties: { effect: 'Ignore', colour: 'red' } });
  expect(validate('exemptions', 'PUT', `${DEMO_CLUSTER}/providers/Microsoft.Security/standardAssignments/x`, '2024-08-01', bad)).not.toEqual([]);
  const puts = arm.writes.filter((w) => w.method === 'PUT');
  expect(puts).toHaveLength(4);
  for (const w of puts) {
    expect(validate('exemptions', 'PUT', w.path, '2024-08-01', JSON.stringify(w.body)), w.path).toEqual([]);
    expect(w.body.properties.effect).toBe('Exempt');
    expect(w.body.properties.exemptionData.assignedAssessment.assessmentKey).toMatch(/^[0-9a-f-]{36}$/);
  }
  // After a Refresh the new exemptions are read back through Resource Graph.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: /^Exemptions \(/ })).toHaveText(/Exemptions \((\d+)\)/);
  const total = Number((await page.getByRole('button', { name: /^Exemptions \(/ }).textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThanOrEqual(4 + 6);
});
