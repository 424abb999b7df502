/** A user's detail tab. */
import type { Locator, Page } from '@playwright/test';

/** Page object for the user detail view in the active tab. */
export class UserDetailPage {
  readonly root: Locator;
  readonly name: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="user-detail"]');
    this.name = this.root.getByTestId('user-detail-name');
  }

  /** One card of the detail view (`user-identity`, `user-emails`, `user-metadata`, …). */
  card(testId: string): Locator {
    return this.root.getByTestId(testId);
  }
}
