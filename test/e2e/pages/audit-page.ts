/** The Audit log section (in a tab, or on its own when there is no profile), its drawer and dialogs. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the audit log. */
export class AuditPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly targetFilter: Locator;
  readonly count: Locator;
  readonly emptyState: Locator;
  readonly drawer: Locator;
  readonly exportDialog: Locator;
  readonly verifyDialog: Locator;
  readonly retentionDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="audit-log-view"]:visible');
    this.rows = this.root.getByTestId('audit-row');
    this.search = this.root.getByTestId('audit-search').locator('input');
    this.targetFilter = this.root.getByTestId('audit-filter-target').locator('input');
    this.count = this.root.getByTestId('audit-count');
    this.emptyState = this.root.getByTestId('audit-empty');
    this.drawer = page.getByTestId('audit-drawer');
    this.exportDialog = page.getByTestId('audit-export');
    this.verifyDialog = page.getByTestId('audit-verify');
    this.retentionDialog = page.getByTestId('audit-retention');
  }

  /** Waits until the list is not loading. */
  async idle(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-loading', 'false');
  }

  /** The actions of the rows shown, top (newest) first. */
  async actions(): Promise<string[]> {
    await this.idle();
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action') ?? ''));
  }

  /**
   * Waits until the rows show exactly these actions, top first. A filter's reload may start just
   * after the click, so a single read could still see the previous rows.
   */
  async expectActions(expected: string[]): Promise<void> {
    await expect.poll(() => this.actions()).toEqual(expected);
  }

  /** Waits until the rows show exactly these outcomes, top first. */
  async expectOutcomes(expected: string[]): Promise<void> {
    await expect.poll(() => this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-outcome') ?? ''))).toEqual(expected);
  }

  /** The newest row of an action (with that outcome, if given). */
  rowOf(action: string, outcome?: string): Locator {
    const outcomeMatch = outcome ? `[data-outcome="${outcome}"]` : '';
    return this.root.locator(`[data-testid="audit-row"][data-action="${action}"]${outcomeMatch}`).first();
  }

  /** Scrolls the table's (virtual) list to its end, which loads the next page of older changes. */
  async scrollToEnd(): Promise<void> {
    await this.root.getByTestId('audit-table').locator('.v-vl').evaluate((list) => {
      const element = list as unknown as { scrollTop: number; scrollHeight: number };
      element.scrollTop = element.scrollHeight;
    });
  }

  /** Picks an option of one of the filter dropdowns (`profile`, `action`, `actor`, `outcome`). */
  async pick(filter: 'profile' | 'action' | 'actor' | 'outcome', option: string | RegExp): Promise<void> {
    await this.root.getByTestId(`audit-filter-${filter}`).click();
    // Other selects (the profile switcher) keep their closed menus in the page: only the open one counts.
    await this.page.locator('.n-base-select-option:visible').filter({ hasText: option }).first().click();
    await this.idle();
  }

  /** Types a search and applies it at once. */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    await this.idle();
  }

  /** Removes every filter. */
  async clearFilters(): Promise<void> {
    await this.root.getByTestId('audit-clear-filters').click();
    await this.idle();
  }

  /** Opens a row's detail drawer and waits for it to load. */
  async open(row: Locator): Promise<void> {
    await row.click();
    await expect(this.drawer).toHaveAttribute('data-loading', 'false');
    await expect(this.drawer.getByTestId('audit-facts')).toBeVisible();
  }

  /** Closes the drawer. */
  async closeDrawer(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.drawer).toBeHidden();
  }

  /** Starts an export in a format (the harness's save dialog answers). */
  async startExport(format: 'CSV' | 'NDJSON' | 'OCSF'): Promise<void> {
    await this.root.getByTestId('audit-export-start').click();
    await this.page.locator('.n-dropdown-option').filter({ hasText: format }).click();
  }

  /** Runs "Verify integrity" to its verdict: `ok` or `broken`. */
  async verify(): Promise<'ok' | 'broken'> {
    await this.root.getByTestId('audit-verify-start').click();
    await expect(this.verifyDialog).toHaveAttribute('data-state', /^(ok|broken|failed)$/);
    return (await this.verifyDialog.getAttribute('data-state')) as 'ok' | 'broken';
  }
}
