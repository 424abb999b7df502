/** The command palette (Ctrl/Cmd+K), mounted once in the shell. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the command palette. */
export class CommandPalettePage {
  readonly root: Locator;
  readonly input: Locator;
  readonly options: Locator;
  /** The option the arrows have reached (the combobox's active descendant). */
  readonly highlighted: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('command-palette');
    this.input = page.getByTestId('command-palette-input');
    this.options = page.getByTestId('command-palette-option');
    this.highlighted = page.locator('[data-testid="command-palette-option"][aria-selected="true"]');
    this.status = page.getByTestId('command-palette-status');
  }

  /** Opens it with Ctrl+K, as an administrator would (the focus lands in its box). */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input).toBeFocused();
  }

  /** Types into the box (replacing what it held) and waits until the best entry is `key`. */
  async typeFor(text: string, key: string | RegExp): Promise<void> {
    await this.input.fill(text);
    await expect(this.highlighted).toHaveAttribute('data-key', key);
  }

  /** Opens it, types `text`, waits for `key` on top and chooses it with Enter; the palette closes. */
  async run(text: string, key: string | RegExp): Promise<void> {
    await this.open();
    await this.typeFor(text, key);
    await this.page.keyboard.press('Enter');
    await expect(this.root).toHaveCount(0);
  }
}
