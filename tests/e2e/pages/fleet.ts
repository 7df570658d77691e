import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet page, found by role and label. */
export class FleetPage {
  readonly grid: Locator;
  readonly rows: Locator;
  readonly rowCount: Locator;
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'AKS clusters' });
    this.rows = this.grid.locator('tbody tr:not([aria-hidden])');
    this.rowCount = page.getByTestId('row-count');
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  /** A cluster's row, by the name its link shows. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** A row's cells by column header (the columns shown). */
  async cells(row: Locator): Promise<Record<string, string>> {
    // A header's text is its label and its sort arrow (aria-hidden): the button's name is the label.
    const headers = (await this.grid.locator('thead th').allTextContents()).slice(1).map((h) => h.replace(/[▲▼↑↓]/g, '').trim());
    const cells = (await row.locator('td').allTextContents()).slice(1).map((c) => c.trim());
    return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
  }

  /** The cluster names of the rendered rows, in order. */
  async names(): Promise<string[]> {
    return this.grid.locator('tbody tr:not([aria-hidden]) a').allTextContents();
  }

  /** Picks values in a pill filter's popover, then closes it. */
  async filter(column: string, ...values: string[]) {
    await this.page.getByRole('button', { name: new RegExp(`^Filter ${column}:`) }).click();
    const popover = this.page.getByRole('group', { name: `${column} values` });
    for (const v of values) await popover.getByRole('checkbox', { name: new RegExp(`^${v}\\b`) }).check();
    await this.page.keyboard.press('Escape');
  }

  /** Sorts by a column: one click, ascending for text and descending for numbers. */
  async sortBy(column: string, order: 'ascending' | 'descending') {
    const header = this.grid.getByRole('columnheader', { name: new RegExp(`^${column}`) });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', order);
  }

  async expectCount(shown: number, total = shown) {
    await expect(this.rowCount).toHaveText(shown === total ? `${total} items` : `Showing ${shown} of ${total} items`);
  }
}
