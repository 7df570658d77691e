// Grid benchmark: opens the release build with the scaled demo cluster (?demo-scale=N) in
// Debian's Chromium and measures, inside the page, how long the grid takes to show its rows
// and to answer a pivot switch, a filter keystroke and a sort click (median of 5; each measured
// from the event to the frame after the DOM changed). Also prints DOM rows and JS heap.
// Usage: node scripts/bench-grid.mjs <base url> <rows>...
import { launch, measure, median, searchAct, sortAct } from './bench-lib.mjs';

const [base, ...sizes] = process.argv.slice(2);
const browser = await launch();

const fmt = (ms) => `${ms.toFixed(1).padStart(7)} ms`;

try {
  for (const rows of sizes) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${base}/?demo-scale=${rows}&tab=vulnerability`);
    await page.locator('tr.grid__row').first().waitFor({ timeout: 120_000 });
    const shown = await page.evaluate(() => performance.now());
    const pivot = await measure(page, '.filter-bar__count',
      `[...document.querySelectorAll('.segmented__option')].find(b => b.textContent === 'All findings').click()`);
    const count = await page.getByTestId('row-count').textContent();
    const filter = [], sort = [];
    for (let i = 0; i < 5; i++) {
      const term = i % 2 ? 'openssl' : 'CVE-2024';
      filter.push(await measure(page, '.filter-bar__count', searchAct(term)));
    }
    await page.evaluate(() => { const s = document.querySelector('input[type=search]'); s.value = ''; s.dispatchEvent(new Event('input', { bubbles: true })); });
    for (let i = 0; i < 5; i++) {
      sort.push(await measure(page, 'tbody', sortAct(i % 2 ? 'CVSS' : 'CVE')));
    }
    if (process.env.BENCH_DEBUG) console.error("filter", filter.map(Math.round), "sort", sort.map(Math.round));
    const domRows = await page.locator('tr.grid__row').count();
    const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
    console.log(`grid rows=${String(rows).padStart(6)} (${count}) load+first rows=${fmt(shown)} pivot to all findings=${fmt(pivot)} ` +
      `filter keystroke median=${fmt(median(filter))} sort click median=${fmt(median(sort))} dom rows=${domRows} js heap=${(heap / 1048576).toFixed(1)} MB`);
    await page.close();
  }
} finally {
  await browser.close();
}
