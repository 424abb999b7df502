/** The sign-in token parts: the create dialog, the ledger rows (section, user tab, record tab). */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for sign-in tokens. */
export class SignInTokensPage {
  /** The Sign-in tokens section in the active tab. */
  readonly section: Locator;
  readonly empty: Locator;
  readonly dialog: Locator;
  /** The once-shown URL in the dialog. */
  readonly url: Locator;

  constructor(readonly page: Page) {
    const active = page.locator('[data-testid="tab-panel"][data-active="true"]');
    this.section = active.getByTestId('sign-in-tokens-view');
    this.empty = this.section.getByTestId('sign-in-tokens-empty');
    this.dialog = page.getByTestId('sign-in-token-dialog');
    this.url = this.dialog.getByTestId('sign-in-token-url');
  }

  /** The ledger rows below `root` (the section by default). */
  rows(root: Locator = this.section): Locator {
    return root.getByTestId('sign-in-token-row');
  }

  /** One token's row below `root`. */
  row(tokenId: string, root: Locator = this.section): Locator {
    return root.locator(`[data-testid="sign-in-token-row"][data-token-id="${tokenId}"]`);
  }

  /** Picks a lifetime in the open dialog: a preset id (`15m`, `1h`, …) or a number of seconds. */
  async chooseExpiry(choice: string | number): Promise<void> {
    if (typeof choice === 'string') {
      await this.dialog.getByTestId(`sign-in-token-expiry-${choice}`).click();
      return;
    }
    await this.dialog.getByTestId('sign-in-token-expiry-custom').click();
    await this.dialog.getByTestId('sign-in-token-custom-seconds').fill(String(choice));
  }

  /** Submits the dialog and waits for the once-shown URL; returns it. */
  async create(): Promise<string> {
    await this.dialog.getByTestId('sign-in-token-create').click();
    await expect(this.dialog).toHaveAttribute('data-step', 'created');
    return (await this.url.textContent())!.trim();
  }

  /** Revokes the token of a row through the guardrail's confirmation. */
  async revoke(row: Locator): Promise<void> {
    await row.getByTestId('sign-in-token-revoke').click();
    const guard = this.page.getByTestId('guardrail-dialog');
    await expect(guard).toBeVisible();
    const typed = guard.getByTestId('guardrail-typed-input');
    if (await typed.isVisible()) await typed.fill((await guard.getByTestId('guardrail-phrase').textContent())!.trim());
    await guard.getByTestId('guardrail-confirm').click();
    await expect(guard).toHaveCount(0);
  }
}
