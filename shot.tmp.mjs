import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, colorScheme: process.argv[3] || 'light' });
const errors = [];
page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
page.on('pageerror', e => errors.push(String(e)));
await page.goto('http://127.0.0.1:4180/' + (process.argv[2] || ''));
await page.waitForSelector('h1', { timeout: 10000 });
await page.waitForTimeout(300);
const actions = process.argv[4] ? JSON.parse(process.argv[4]) : [];
for (const a of actions) {
  if (a.click) await page.locator(a.click).first().click();
  if (a.role) await page.getByRole(a.role, { name: a.name }).first().click();
  if (a.key) await page.keyboard.press(a.key);
  if (a.fill) await page.locator(a.fill).fill(a.text);
  await page.waitForTimeout(200);
}
await page.screenshot({ path: `/tmp/shots/${process.argv[5] || 'shot'}.png`, fullPage: false });
console.log('url', page.url());
console.log('rows in DOM', await page.locator('tr.grid__row').count());
console.log('errors', JSON.stringify(errors));
await browser.close();
