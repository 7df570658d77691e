import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The Download CSV report dialog. */
export class ExportDialog {
  readonly dialog: Locator;
  readonly whole: Locator;
  readonly currentView: Locator;
  readonly excel: Locator;
  readonly download: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Download CSV report' });
    this.whole = this.dialog.getByRole('radio', { name: /Whole cluster report/ });
    this.currentView = this.dialog.getByRole('radio', { name: /Current view/ });
    this.excel = this.dialog.getByRole('checkbox', { name: /For Excel/ });
    this.download = this.dialog.getByRole('button', { name: 'Download' });
    this.result = this.dialog.getByText(/^Exported /);
  }

  async open() {
    await this.page.getByRole('button', { name: 'Download CSV report' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Clicks Download and returns the file's name and bytes. */
  async save(): Promise<{ name: string; bytes: Buffer }> {
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent('download'), this.download.click()]);
    const path = await download.path();
    await expect(this.result).toBeVisible();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }
}

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
