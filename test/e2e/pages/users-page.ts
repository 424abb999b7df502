/** The Users section of the active tab. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Users table. */
export class UsersPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly total: Locator;
  readonly errorState: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="users-view"]');
    this.rows = this.root.getByTestId('user-row');
    this.search = this.root.getByTestId('users-search').locator('input');
    this.total = this.root.getByTestId('pager-total');
    this.errorState = this.root.getByTestId('error-state');
    this.emptyState = this.root.getByTestId('users-empty');
  }

  /** The row of one user. */
  row(userId: string): Locator {
    return this.root.locator(`[data-testid="user-row"][data-user-id="${userId}"]`);
  }

  /** The row that has the keyboard focus (the table's one tab stop). */
  focusedRow(): Locator {
    return this.root.locator('[data-testid="user-row"]:focus');
  }

  /** Waits until no request is in flight. */
  async idle(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-loading', 'false');
  }

  /** Waits for the list to settle and returns the user ids shown, in order. */
  async ids(): Promise<string[]> {
    await this.idle();
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-user-id') ?? ''));
  }

  /** The total the pager shows. */
  async totalCount(): Promise<number> {
    await this.idle();
    return Number((await this.total.textContent())!.replace(/\D/g, ''));
  }

  /** Types a search; with `enter`, searches at once instead of waiting for the debounce. */
  async searchFor(text: string, options: { enter?: boolean } = {}): Promise<void> {
    await this.search.fill(text);
    if (options.enter) await this.search.press('Enter');
  }

  /** Goes to the next page. */
  async nextPage(): Promise<void> {
    await this.root.getByTestId('pager-next').click();
  }

  /** Picks a page size. */
  async setPageSize(size: number): Promise<void> {
    await this.root.getByTestId('pager-size').click();
    await this.page.locator('.n-base-select-option').filter({ hasText: new RegExp(`^${size}$`) }).click();
  }

  /** Clicks a column header (cycles ascending → descending → default). */
  async clickHeader(title: string): Promise<void> {
    await this.root.locator('th', { hasText: title }).click();
  }

  /** The page number the pager shows. */
  pageInput(): Locator {
    return this.root.getByTestId('pager-page').locator('input');
  }

  // --- Filters, sort, columns, saved views, paste a list (issue 9, item 1) ---

  /** The filter bar's sentence. */
  get sentence(): Locator {
    return this.root.getByTestId('users-filter-sentence');
  }

  /** Adds (or replaces) a multi-value filter from the "Add filter" menu: values typed comma-separated. */
  async addFilter(kind: string, values: string): Promise<void> {
    await this.root.getByTestId('users-add-filter').click();
    await this.page.getByTestId(`add-filter-${kind}`).click();
    const editor = this.root.getByTestId('filter-editor');
    await expect(editor).toHaveAttribute('data-kind', kind);
    if (kind === 'lastActiveAtSince') {
      const input = editor.getByTestId('filter-editor-date').locator('input');
      await input.fill(values);
      await input.press('Enter');
    } else {
      await editor.getByTestId('filter-editor-input').locator('input').fill(values);
    }
    await editor.getByTestId('filter-editor-apply').click();
  }

  /** The chip of one filter in the sentence. */
  chip(kind: string): Locator {
    return this.root.locator(`[data-testid="filter-chip"][data-kind="${kind}"]`);
  }

  /** Picks an order from the Sort menu by its label (e.g. `Username ↑`). */
  async sortBy(label: string): Promise<void> {
    await this.root.getByTestId('users-sort').click();
    await this.page.locator('.n-base-select-option').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
  }

  /** The column keys the table shows, in order. */
  async columnKeys(): Promise<string[]> {
    return ((await this.root.getByTestId('users-table').getAttribute('data-columns')) ?? '').split(' ');
  }

  /** Ticks or unticks a column in the column chooser (left open). */
  async toggleColumn(key: string): Promise<void> {
    if (!(await this.page.getByTestId('column-chooser-menu').isVisible())) await this.root.getByTestId('column-chooser').click();
    await this.page.getByTestId(`column-option-${key}`).click();
  }
}
