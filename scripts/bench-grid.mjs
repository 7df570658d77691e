// Grid benchmark: opens the release build with the scaled demo cluster (?demo-scale=N) in
// Debian's Chromium and measures, inside the page, how long the grid takes to show its rows
// and to answer a pivot switch, a filter keystroke and a sort click (median of 5; each measured
// from the event to the frame after the DOM changed). Also prints DOM rows and JS heap.
// Usage: node scripts/bench-grid.mjs <base url> <rows>...
import { chromium } from '@playwright/test';

const [base, ...sizes] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});

// Runs `act` in the page and resolves with the ms until the frame after `selector`'s subtree
// changed.
const measure = (page, selector, act) =>
  page.evaluate(
    ([selector, act]) =>
      new Promise((resolve) => {
        const target = document.querySelector(selector);
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(target, { childList: true, subtree: true, characterData: true });
        // A change that never comes is reported, not waited for forever.
        setTimeout(() => { observer.disconnect(); resolve(NaN); }, 30_000);
        try {
          new Function(act)();
        } catch (e) {
          observer.disconnect();
          resolve(String(e));
        }
      }),
    [selector, act],
  );

// A measurement that timed out (NaN) is left out, and said so.
const median = (xs) => {
  const ok = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (ok.length < xs.length) console.error(`${xs.length - ok.length} measurement(s) timed out`);
  return ok[Math.floor(ok.length / 2)] ?? NaN;
};
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
      filter.push(await measure(page, '.filter-bar__count',
        `const s = document.querySelector('input[type=search]'); s.value = '${term}'; s.dispatchEvent(new Event('input', { bubbles: true }));`));
    }
    await page.evaluate(() => { const s = document.querySelector('input[type=search]'); s.value = ''; s.dispatchEvent(new Event('input', { bubbles: true })); });
    for (let i = 0; i < 5; i++) {
      sort.push(await measure(page, 'tbody',
        `[...document.querySelectorAll('th button.grid__sort')].find(b => b.textContent.startsWith(${i % 2 ? "'CVSS'" : "'CVE'"})).click()`));
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
