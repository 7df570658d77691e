import { expect, type Locator, type Page } from '@playwright/test';
import type { FindingType, Level } from '../fixtures/demo_expectations';

/** The dashboard page, found by role and label; test ids only for bare numbers. */
export class DashboardPage {
  readonly heading: Locator;
  readonly demoBadge: Locator;
  readonly planStatus: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly rowCount: Locator;
  readonly consoleErrors: string[] = [];
  readonly offOriginRequests: string[] = [];

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.demoBadge = page.getByText('Demo', { exact: true });
    this.planStatus = page.getByTestId('plan-status');
    this.grid = page.getByRole('tabpanel').getByRole('grid');
    // Rendered rows only: the grid is virtualized (spacer rows are aria-hidden).
    this.rows = this.grid.locator('tbody tr:not([aria-hidden])');
    this.rowCount = page.getByTestId('row-count');
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('http://127.0.0.1:') && this.offOriginRequests.push(r.url()));
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  count(type: FindingType, level: Level): Locator {
    return this.page.getByTestId(`count-${type}-${level}`);
  }

  total(type: FindingType): Locator {
    return this.page.getByTestId(`total-${type}`);
  }

  /** The details pane (a complementary region named by its title). */
  get pane(): Locator {
    return this.page.getByRole('complementary');
  }

  /** A pill filter's open button, e.g. pill('Severity'). */
  pill(column: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Filter ${column}:`) });
  }

  /** Picks values in a pill filter's popover, then closes it. */
  async filter(column: string, ...values: string[]) {
    await this.pill(column).click();
    const popover = this.page.getByRole('group', { name: `${column} values` });
    for (const v of values) await popover.getByRole('checkbox', { name: new RegExp(`^${v}\\b`) }).check();
    await this.page.keyboard.press('Escape');
  }

  /** The text of each cell of a rendered row (checkbox cell left out). */
  async cells(row: Locator): Promise<string[]> {
    return (await row.locator('td').allTextContents()).slice(1);
  }

  /** Waits for the grid to show `shown` of `total` items. */
  async expectCount(shown: number, total = shown) {
    await expect(this.rowCount).toHaveText(shown === total ? `${total} items` : `Showing ${shown} of ${total} items`);
    await expect(this.grid).toHaveAttribute('aria-rowcount', String(shown + 1));
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** Selects the first row (an alert), opens Change status from the command bar and picks
   * `status`; returns the panel, ready for Apply. */
  async changeStatusOfFirst(status: string): Promise<Locator> {
    await this.rows.first().getByRole('checkbox').check();
    await this.page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Change status' }).click();
    const panel = this.page.getByRole('dialog');
    await panel.getByRole('radio', { name: status }).check();
    return panel;
  }

  async expectClean() {
    expect(this.consoleErrors, 'console errors').toEqual([]);
    expect(this.offOriginRequests, 'requests leaving the page origin').toEqual([]);
  }
}
