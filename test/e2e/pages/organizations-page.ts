/** The Organizations section of the active tab (issue 11): the list, its search, sort, pager and the create form. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Organizations table and its New organization drawer. */
export class OrganizationsPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly total: Locator;
  /** The New organization drawer (outside the tab: drawers are in the body). */
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="organizations-view"]');
    this.rows = this.root.getByTestId('organization-row');
    this.search = this.root.getByTestId('organizations-search').locator('input');
    this.total = this.root.getByTestId('pager-total');
    this.form = page.getByTestId('organization-create');
  }

  /** The row of one organization. */
  row(organizationId: string): Locator {
    return this.root.locator(`[data-testid="organization-row"][data-organization-id="${organizationId}"]`);
  }

  /** Waits until no request is in flight. */
  async idle(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-loading', 'false');
  }

  /** Waits for the list to settle and returns the organization ids shown, in order. */
  async ids(): Promise<string[]> {
    await this.idle();
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-organization-id') ?? ''));
  }

  /** The total the pager shows. */
  async totalCount(): Promise<number> {
    await this.idle();
    return Number((await this.total.textContent())!.replace(/\D/g, ''));
  }

  /** Clicks a column's header by its key (cycles the order the resource table defines). */
  async clickHeader(columnKey: 'name' | 'members' | 'created'): Promise<void> {
    await this.root.locator(`th[data-col-key="${columnKey}"]`).click();
  }

  /** Picks a page size. */
  async setPageSize(size: number): Promise<void> {
    await this.root.getByTestId('pager-size').click();
    await this.page.locator('.n-base-select-option').filter({ hasText: new RegExp(`^${size}$`) }).click();
  }

  /** A field of the create form by its test id suffix (`name`, `slug`, `max`). */
  formInput(field: 'name' | 'slug' | 'max'): Locator {
    return this.form.getByTestId(`org-create-${field}`);
  }

  /** A field's error message in the create form. */
  formError(field: string): Locator {
    return this.form.getByTestId(`error-${field}`);
  }
}
