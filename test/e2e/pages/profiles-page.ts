/** The Profiles section and its add/edit form. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Environment } from '../../../shared/ipc/types';

/** What the form is filled with; absent fields are left as they are. */
export interface ProfileFields {
  name?: string;
  environment?: Environment;
  apiUrl?: string;
  secretKey?: string;
}

const ENVIRONMENT_LABELS: Record<Environment, string> = { development: 'Development', staging: 'Staging', production: 'Production' };

/** Page object for profiles. */
export class ProfilesPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly formError: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="profiles-view"]:visible');
    this.rows = this.root.getByTestId('profile-row');
    this.form = page.getByTestId('profile-form');
    this.saveButton = this.form.getByTestId('profile-save');
    this.formError = this.form.getByTestId('profile-form-error');
  }

  /** One profile's row. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('profile-row-name').getByText(name, { exact: true }) });
  }

  /** Opens the empty form. */
  async startAdding(): Promise<void> {
    await this.root.getByTestId('profiles-add').click();
    await expect(this.form).toBeVisible();
  }

  /** Fills the form. */
  async fill(fields: ProfileFields): Promise<void> {
    if (fields.name !== undefined) await this.form.getByTestId('profile-name').locator('input').fill(fields.name);
    if (fields.environment !== undefined) {
      await this.form.getByTestId('profile-environment').click();
      await this.page.locator('.n-base-select-option').filter({ hasText: ENVIRONMENT_LABELS[fields.environment] }).click();
    }
    if (fields.apiUrl !== undefined) await this.form.getByTestId('profile-api-url').locator('input').fill(fields.apiUrl);
    if (fields.secretKey !== undefined) await this.form.getByTestId('profile-secret-key').locator('input').fill(fields.secretKey);
  }

  /** The message next to a field (`name`, `environment`, `apiUrl`, `secretKey`). */
  fieldError(field: 'name' | 'environment' | 'apiUrl' | 'secretKey'): Locator {
    return this.form.getByTestId(`error-${field}`);
  }

  /** Value of a form input. */
  input(testId: 'profile-name' | 'profile-api-url' | 'profile-secret-key'): Locator {
    return this.form.getByTestId(testId).locator('input');
  }

  /** Adds a profile and waits for it to appear in the list. */
  async add(fields: Required<ProfileFields>): Promise<void> {
    await this.startAdding();
    await this.fill(fields);
    await this.saveButton.click();
    await expect(this.form).toBeHidden();
    await expect(this.row(fields.name)).toBeVisible();
  }

  /** Opens a profile's "More" menu and picks one of its actions (`delete`, `reset-sandbox`). */
  async menuAction(name: string, action: 'delete' | 'reset-sandbox'): Promise<void> {
    await this.row(name).getByTestId('profile-more').click();
    await this.page.getByTestId(`profile-${action}`).click();
  }

  /** Resets the built-in Sandbox through its confirmation dialog and waits for the confirmation. */
  async resetSandbox(): Promise<void> {
    await this.menuAction('Sandbox', 'reset-sandbox');
    await this.page.getByTestId('confirm-reset-sandbox').click();
    await expect(this.page.getByText('The Sandbox was reset and seeded afresh.')).toBeVisible();
  }

  /** Deletes a profile through the confirmation dialog. */
  async delete(name: string): Promise<void> {
    await this.menuAction(name, 'delete');
    await this.page.getByTestId('confirm-delete').click();
    await expect(this.row(name)).toHaveCount(0);
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }
}
