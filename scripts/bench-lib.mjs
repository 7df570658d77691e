// Shared by the browser benchmarks: Debian's Chromium, an in-page latency measurement, medians.
import { chromium } from '@playwright/test';

export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});

// Runs `act` in the page and resolves with the ms until the frame after `selector`'s subtree
// changed (NaN if it never does within 30 s).
export const measure = (page, selector, act) =>
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
export const median = (xs) => {
  const ok = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (ok.length < xs.length) console.error(`${xs.length - ok.length} measurement(s) timed out`);
  return ok[Math.floor(ok.length / 2)] ?? NaN;
};

// Types into the grid's search box (as the input event the app listens to).
export const searchAct = (term) =>
  `const s = document.querySelector('input[type=search]'); s.value = '${term}'; s.dispatchEvent(new Event('input', { bubbles: true }));`;

// Clicks the sort button of the column whose label starts with `label`.
export const sortAct = (label) =>
  `[...document.querySelectorAll('th button.grid__sort')].find(b => b.textContent.startsWith('${label}')).click()`;
