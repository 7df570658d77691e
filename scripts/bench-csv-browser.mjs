// Browser CSV export benchmark: opens the release build with the scaled demo cluster in Debian's
// Chromium, runs "Download CSV report" (whole cluster) and reads the dialog's own measurement.
// Usage: node scripts/bench-csv-browser.mjs <base url> <rows>...
import { chromium } from '@playwright/test';

const [base, ...sizes] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  for (const rows of sizes) {
    for (const excel of [false, true]) {
      const times = [];
      let exported = 0;
      for (let run = 0; run < 3; run++) {
        const page = await browser.newPage({ acceptDownloads: true });
        await page.goto(`${base}/?demo-scale=${rows}`);
        await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 120_000 });
        await page.getByRole('button', { name: 'Download CSV report' }).click();
        const dialog = page.getByRole('dialog', { name: 'Download CSV report' });
        if (excel) await dialog.getByRole('checkbox', { name: /For Excel/ }).check();
        await dialog.getByRole('button', { name: 'Download' }).click();
        const result = await dialog.getByText(/^Exported /).textContent({ timeout: 120_000 });
        const [, n, ms] = result.match(/: (\d+) rows, \d+ KB, in (\d+) ms\./);
        exported = Number(n);
        times.push(Number(ms));
        await page.close();
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      console.log(`browser csv${excel ? '-excel' : '      '} rows=${String(exported).padStart(7)} median=${String(median).padStart(7)} ms rows/s=${String(Math.round(exported / (median / 1000))).padStart(10)}`);
    }
  }
} finally {
  await browser.close();
}
