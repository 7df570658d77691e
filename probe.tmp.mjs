import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto('http://127.0.0.1:4180/' + (process.argv[2] || ''));
await page.waitForSelector('h1');
await page.waitForTimeout(300);
console.log(await page.evaluate(process.argv[3]));
await browser.close();
