/** The New user and Edit user drawers (issue 9, items 2 and 4). */
import type { Locator, Page } from '@playwright/test';

/** Page object for a user form drawer: `create` (New user) or `edit`. */
export class UserFormPage {
  readonly root: Locator;
  readonly submit: Locator;
  readonly summary: Locator;

  constructor(
    readonly page: Page,
    readonly kind: 'create' | 'edit',
  ) {
    this.root = page.getByTestId(kind === 'create' ? 'user-create' : 'user-edit');
    this.submit = this.root.getByTestId(`${kind}-submit`);
    this.summary = this.root.getByTestId('form-error-summary');
  }

  /** An input by its test id suffix (`first-name` → `create-first-name`). */
  input(name: string): Locator {
    return this.root.getByTestId(`${this.kind}-${name}`);
  }

  /** Fills an input by its test id suffix. */
  async fill(name: string, value: string): Promise<void> {
    await this.input(name).fill(value);
  }

  /** The message next to a field (Clerk's name: `username`, `email_address`, …). */
  fieldError(field: string): Locator {
    return this.root.getByTestId(`error-${field}`);
  }

  /** The message under one entry of a list field (`email`, `phone`, `wallet`). */
  entryError(list: string, index: number): Locator {
    return this.root.getByTestId(`${this.kind}-${list}-error-${index}`);
  }

  /** Fills a list field's entries in order (`email`, `phone`, `wallet`), adding rows as needed. */
  async fillEntries(list: string, values: string[]): Promise<void> {
    for (const [index, value] of values.entries()) {
      const entry = this.root.getByTestId(`${this.kind}-${list}-${index}`);
      if ((await entry.count()) === 0) await this.root.getByTestId(`${this.kind}-${list}-add`).click();
      await entry.fill(value);
    }
  }

  /** Picks an option of a Naive UI select by its test id suffix and the option's text. */
  async choose(name: string, option: string): Promise<void> {
    await this.input(name).click();
    await this.page.locator('.n-base-select-option').filter({ hasText: option }).first().click();
  }
}
