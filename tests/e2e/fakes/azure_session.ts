// Signs in through the fake Entra and opens a cluster: the start of every Azure-mode spec that
// is about the dashboard rather than about sign-in.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { FakeEntra, azureConfig } from './entra';
import { CLUSTER, FakeArm } from './arm';

/** Anything that answers ARM requests through the context's routes. */
export type ArmFake = { install(context: BrowserContext): Promise<void> };

/** Opens the official example cluster (ManagedClustersGet.json) served by `arm`. */
export async function openExampleCluster(page: Page, context: BrowserContext, baseURL: string, arm: FakeArm, more?: () => Promise<void>) {
  return openCluster(page, context, baseURL, arm, CLUSTER.id, more);
}

/** Signs in and opens `clusterId` served by `arm`; `more` adds routes after the fakes' (they
 * take precedence). Returns the fake Entra, which recorded the tokens it issued. */
export async function openCluster(page: Page, context: BrowserContext, baseURL: string, arm: ArmFake, clusterId: string, more?: () => Promise<void>) {
  const entra = new FakeEntra();
  await entra.install(context);
  await arm.install(context);
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(azureConfig(baseURL)) }));
  await more?.();
  await page.goto(`/?cluster=${encodeURIComponent(clusterId)}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A failing source retries with backoff (up to about 12 s, more with timeouts) before the page
  // shows what it has.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 45_000 });
  return entra;
}
