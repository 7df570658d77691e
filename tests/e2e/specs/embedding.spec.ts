import { expect, test, type BrowserContext } from '@playwright/test';
import { FakeEntra, azureConfig } from '../fakes/entra';

async function configure(context: BrowserContext, allowedParentOrigins: string[], baseURL: string) {
  await new FakeEntra().install(context);
  await context.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...azureConfig(baseURL), allowedParentOrigins }) }));
}

// Posts from the host page into the frame (the closure is serialized, so the message is an argument).
const postInto = (frame: HTMLIFrameElement, message: unknown) => frame.contentWindow!.postMessage(message, '*');

test('an allowed parent sets the theme; malformed messages are ignored', async ({ page, context, baseURL }) => {
  await configure(context, [baseURL!], baseURL!);
  await page.goto('/__host/framed.html');
  const frame = page.frameLocator('iframe[title="AKS dashboard"]');
  await expect(frame.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const iframe = page.locator('iframe[title="AKS dashboard"]');
  await iframe.evaluate(postInto, { type: 'aks-dashboard.theme', theme: '<img src=x onerror=alert(1)>' });
  await iframe.evaluate(postInto, '{"type":"aks-dashboard.cluster","cluster":"javascript:alert(1)"}');
  await iframe.evaluate(postInto, { type: 'aks-dashboard.theme', theme: 'dark' });
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(page.frames()[1].url()).not.toContain('cluster=');
});

test('messages from an origin that is not allowed are ignored', async ({ page, context, baseURL }) => {
  await configure(context, ['https://portal.contoso.com'], baseURL!);
  await page.goto('/__host/framed.html');
  const frame = page.frameLocator('iframe[title="AKS dashboard"]');
  await expect(frame.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const iframe = page.locator('iframe[title="AKS dashboard"]');
  // Positive control: messages from one window are delivered in order, so once a probe posted
  // after the theme message has arrived in the frame, the theme message was delivered (and
  // handled) too; only then does "not dark" mean "ignored" rather than "not yet".
  const app = page.frames().find((f) => f !== page.mainFrame())!;
  await app.evaluate(() => {
    (window as any).__probe = new Promise((done) => window.addEventListener('message', (e) => e.data === 'probe' && done(true)));
  });
  await iframe.evaluate(postInto, { type: 'aks-dashboard.theme', theme: 'dark' });
  await iframe.evaluate(postInto, 'probe');
  expect(await app.evaluate(() => (window as any).__probe)).toBe(true);
  await expect(frame.locator('html')).not.toHaveAttribute('data-theme', 'dark');
});
