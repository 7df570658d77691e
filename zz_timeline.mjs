import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 6; i++) {
  const p = await b.newPage({ viewport: { width: 1440, height: 1000 } });
  await p.goto(process.argv[2] ?? 'http://127.0.0.1:4179/');
  const shown = await p.waitForFunction(() => document.querySelector('.summary [data-testid^=count-]') && document.querySelector('tr.grid__row') && performance.now(), null, { polling: 'raf' }).then((h) => h.jsonValue());
  const t = await p.evaluate(() => {
    const r = performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop().slice(0, 28), Math.round(e.startTime), Math.round(e.responseEnd)]);
    const n = performance.getEntriesByType('navigation')[0];
    const marks = performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]);
    const measures = performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]);
    return { nav: [Math.round(n.responseEnd), Math.round(n.domContentLoadedEventEnd)], r, marks, measures };
  });
  console.log(JSON.stringify({ shown: Math.round(shown), ...t }));
  await p.close();
}
await b.close();
