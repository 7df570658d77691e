// Signs in through the fake Entra and opens the official example cluster: the start of every
// Azure-mode spec that is about the dashboard rather than about sign-in.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { FakeEntra, azureConfig } from './entra';
import { CLUSTER, FakeArm } from './arm';

export async function openExampleCluster(page: Page, context: BrowserContext, baseURL: string, arm: FakeArm, more?: () => Promise<void>) {
  const entra = new FakeEntra();
  await entra.install(context);
  await arm.install(context);
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(azureConfig(baseURL)) }));
  // Routes a spec adds after the fakes' (they take precedence).
  await more?.();
  await page.goto(`/?cluster=${encodeURIComponent(CLUSTER.id)}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A failing source retries with backoff (up to about 12 s, more with timeouts) before the page
  // shows what it has.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 45_000 });
  return entra;
}
