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
    this.grid = page.getByRole('tabpanel').getByRole('table');
    this.rows = this.grid.locator('tbody tr');
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

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  async expectClean() {
    expect(this.consoleErrors, 'console errors').toEqual([]);
    expect(this.offOriginRequests, 'requests leaving the page origin').toEqual([]);
  }
}
