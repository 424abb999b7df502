/** A user's detail tab. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the user detail view in the active tab. */
export class UserDetailPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly actions: Locator;
  readonly actionError: Locator;
  readonly bannedTag: Locator;
  readonly lockedTag: Locator;
  readonly gone: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="user-detail"]');
    this.name = this.root.getByTestId('user-detail-name');
    this.actions = this.root.getByTestId('user-actions');
    this.actionError = this.root.getByTestId('user-action-error');
    this.bannedTag = this.root.getByTestId('user-detail-banned');
    this.lockedTag = this.root.getByTestId('user-detail-locked');
    this.gone = this.root.getByTestId('record-gone');
  }

  /** One card of the detail view (`user-identity`, `user-emails`, `user-metadata`, …). */
  card(testId: string): Locator {
    return this.root.getByTestId(testId);
  }

  /** The user id of the tab. */
  async userId(): Promise<string> {
    return (await this.root.getAttribute('data-user-id'))!;
  }

  /**
   * Clicks an action button, confirms it in the guardrail dialog (typing the phrase it asks for, on
   * a production-class profile) and waits until it has finished (for a delete: until the dialog is gone).
   */
  async act(action: 'ban' | 'unban' | 'lock' | 'unlock' | 'disable-mfa' | 'delete'): Promise<void> {
    await this.actions.getByTestId(`user-${action}`).click();
    const dialog = this.page.getByTestId('guardrail-dialog');
    await expect(dialog).toBeVisible();
    const typed = dialog.getByTestId('guardrail-typed-input');
    if (await typed.isVisible()) await typed.fill((await dialog.getByTestId('guardrail-phrase').textContent())!.trim());
    await dialog.getByTestId('guardrail-confirm').click();
    await expect(dialog).toHaveCount(0);
    if (action !== 'delete') await expect(this.actions).toHaveAttribute('data-pending', '');
  }
}
