import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { openCluster } from '../fakes/azure_session';
import { validate } from '../fakes/openapi';
import { DEMO_CLUSTER, WireArm } from '../fakes/wire_arm';
import { failOnCrashes } from '../fakes/no_crash';
import { exemptedMisconfigurations, exemptionStates } from '../fixtures/exemptions';
import { misconfigurationOwners } from '../fixtures/demo_expectations';

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
  // Each mechanism spells the category its own way (2024-08-01: lower case; Azure Policy: Pascal).
  await expect(panel.getByTestId('request-preview').first()).toContainText(/"exemptionCategory": "(mitigated|Mitigated)"/);
  // The first write is refused.
  arm.writeFaults.push({ method: 'PUT', path: /\/(standardassignments|policyexemptions)\//, status: 403, code: 'AuthorizationFailed' });
  await panel.getByRole('button', { name: 'Exempt', exact: true }).click();
  const results = panel.getByTestId('bulk-results');
  await expect(results).toContainText('4 of 5 exempted; 1 failed');
  await expect(results).toContainText('Exempting needs the Security Admin role or Owner');
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('selected-count')).toHaveText('1 item selected');

  // Each accepted body is valid for the 2024-08-01 specification (which refuses a wrong one).
  const bad = JSON.stringify({ properties: { effect: 'Ignore', colour: 'red' } });
  expect(validate('exemptions', 'PUT', `${DEMO_CLUSTER}/providers/Microsoft.Security/standardAssignments/x`, '2024-08-01', bad)).not.toEqual([]);
  const badPolicy = JSON.stringify({ properties: { policyAssignmentId: 'x', exemptionCategory: 'Sometimes', colour: 'red' } });
  expect(validate('policyExemptions', 'PUT', `${DEMO_CLUSTER}/providers/Microsoft.Authorization/policyExemptions/x`, '2022-07-01-preview', badPolicy))
    .toHaveLength(2);
  const puts = arm.writes.filter((w) => w.method === 'PUT');
  expect(puts).toHaveLength(4);
  // Policy-based recommendations get Azure Policy exemptions (2022-07-01-preview) on the
  // benchmark's assignment; the others Defender's (2024-08-01).
  for (const w of puts) expectValidExemption(w);
  expect(puts.some((w) => /\/policyexemptions\//i.test(w.path)), 'a policy-based one is among them').toBe(true);
  expect(puts.some((w) => /\/standardassignments\//i.test(w.path)), 'a Defender one is among them').toBe(true);
  // After a Refresh the new exemptions are read back through Resource Graph.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: /^Exemptions \(/ })).toHaveText(/Exemptions \((\d+)\)/);
  const total = Number((await page.getByRole('button', { name: /^Exemptions \(/ }).textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThanOrEqual(4 + 6);
});

test('Azure mode: the inventory states, Show exempted, exempt one, renew and remove; owner ETA, ticket and overdue counts', async ({ page, context, baseURL }) => {
  const arm = new WireArm();
  const dashboard = new DashboardPage(page);
  await openCluster(page, context, baseURL!, arm, DEMO_CLUSTER);
  const today = new Date().toISOString().slice(0, 10);

  // The inventory, read through Resource Graph: each state as the fixture implies.
  const expected = exemptionStates(today);
  await page.getByRole('button', { name: `Exemptions (${expected.size})` }).click();
  let panel = page.getByRole('dialog', { name: 'Exemptions' });
  for (const [name, state] of expected) {
    await expect(panel.getByTestId('exemptions').getByRole('listitem').filter({ hasText: name }), name).toHaveAttribute('data-state', state);
  }
  // Renew the expired one (a PUT of the whole exemption) and remove the duplicate (a DELETE).
  await panel.getByTestId('exemptions').locator('[data-state="Expired"]').getByRole('checkbox').check();
  await panel.getByLabel('Renew until').fill('');
  await panel.getByRole('button', { name: 'Renew selected' }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText('1 of 1 done');
  const renewed = arm.writes.at(-1)!;
  expect(renewed.method).toBe('PUT');
  expect(validate('exemptions', 'PUT', renewed.path, '2024-08-01', JSON.stringify(renewed.body))).toEqual([]);
  expect(renewed.body.properties.expiresOn).toBeUndefined();
  await panel.getByTestId('exemptions').locator('[data-state="Duplicate"]').getByRole('checkbox').check();
  await panel.getByRole('button', { name: 'Remove selected' }).click();
  await expect(page.getByRole('button', { name: `Exemptions (${expected.size - 1})` })).toBeVisible();
  expect(arm.writes.at(-1)!.method).toBe('DELETE');
  await page.keyboard.press('Escape');

  // Show exempted, and exempt one from its pane.
  await dashboard.tab('Misconfigurations').click();
  await page.getByRole('checkbox', { name: /^Show exempted/ }).check();
  await dashboard.filter('Status', 'Exempted');
  await expect(dashboard.rowCount).toHaveText(new RegExp(`^Showing ${exemptedMisconfigurations.length} of `));
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await page.getByRole('checkbox', { name: /^Show exempted/ }).uncheck();
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Exempt' }).click();
  panel = page.getByRole('dialog');
  await panel.getByLabel('Justification').fill('Accepted by the platform team until the Q1 rebuild');
  await panel.getByRole('button', { name: 'Exempt', exact: true }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText('1 of 1 exempted');
  expectValidExemption(arm.writes.at(-1)!);
  await page.keyboard.press('Escape');

  // Owners: the Overdue pill's count, and the ETA and ticket of the assignment that has them.
  const owners = misconfigurationOwners(today);
  const overdue = owners.filter((o) => o.state === 'Overdue').length;
  await dashboard.filter('Owner status', 'Overdue');
  await expect(dashboard.rowCount).toHaveText(new RegExp(`^Showing ${overdue} of `));
  await page.getByRole('button', { name: 'Reset filters' }).click();
  const ticketed = owners.find((o) => o.ticket > 0)!;
  await dashboard.rows.filter({ hasText: ticketed.recommendation }).first().click();
  await expect(dashboard.pane.getByText('Waiting for the December maintenance window')).toBeVisible();
  await expect(dashboard.pane.getByRole('link', { name: `Ticket ${ticketed.ticket} (In Progress)` })).toBeVisible();
});

/** A sent exemption is valid for its mechanism's copied OpenAPI definition, and names what the
 * fixture's policy states or recommendation keys say it must. */
function expectValidExemption(w: { path: string; body: any }) {
  if (/\/policyexemptions\//i.test(w.path)) {
    expect(validate('policyExemptions', 'PUT', w.path, '2022-07-01-preview', JSON.stringify(w.body)), w.path).toEqual([]);
    expect(w.body.properties.policyAssignmentId).toMatch(/\/providers\/Microsoft\.Authorization\/policyAssignments\/SecurityCenterBuiltIn$/);
    expect(w.body.properties.policyDefinitionReferenceIds).toHaveLength(1);
  } else {
    expect(validate('exemptions', 'PUT', w.path, '2024-08-01', JSON.stringify(w.body)), w.path).toEqual([]);
    expect(w.body.properties.effect).toBe('Exempt');
    expect(w.body.properties.exemptionData.assignedAssessment.assessmentKey).toMatch(/^[0-9a-f-]{36}$/);
  }
}
