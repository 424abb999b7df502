/**
 * The users import (issue 10, item 3) in Chromium against the Sandbox: a CSV with a header is
 * chosen, its columns are mapped from the headers, the bad row (an invalid email) is reported
 * with its row, column and field before any request; the dry run skips the row whose email is
 * already taken, with the reason; the good rows are created with their metadata. The rows not
 * imported are exported, fixed and imported again. With E2E_SCREENSHOTS=1 it saves the mapping
 * with the validation errors, light and dark.
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import type { User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** How many times the Sandbox answered `POST /users` (from its request log). */
function createRequests(app: AppHarness): number {
  if (!existsSync(app.requestLog)) return 0;
  return readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; route: string })
    .filter((entry) => entry.method === 'POST' && entry.route === '/users').length;
}

async function userByEmail(app: AppHarness, email: string): Promise<User | undefined> {
  return (await dispatch<UserPage>(app, 'users:list', { emailAddress: [email], limit: 10 })).data[0];
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('users-transfer').click();
  await page.getByTestId('users-import').click();
  await expect(page.getByTestId('user-import')).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** The preview's Continue, then the guardrail (a development profile: no typing). */
async function confirmPreview(page: Page): Promise<void> {
  await page.getByTestId('bulk-preview-continue').click();
  await page.getByTestId('guardrail-dialog').getByTestId('guardrail-confirm').click();
  await expect(page.getByTestId('bulk-preview')).toHaveCount(0);
  await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
}

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`imports a CSV: the bad row reported before sending, the taken email skipped in the dry run, the rest created; the rows not imported exported, fixed and imported again (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const tag = `${scheme}${Date.now() % 100000}`;
    await dispatch(app, 'users:create', { body: { email_address: [`taken-${tag}@example.com`] } });
    await app.open();

    const csv = [
      'Email,First name,Surname,CRM ID,public_metadata.plan,Notes',
      `ada-${tag}@example.com,Ada,Lovelace,crm-ada-${tag},pro,first`,
      `not-an-email,Bob,Builder,crm-bob-${tag},free,`,
      `taken-${tag}@example.com,Cy,Taken,crm-cy-${tag},free,`,
      `grace-${tag}@example.com,Grace,Hopper,crm-grace-${tag},"{""seats"":3}",`,
    ].join('\r\n');
    const before = createRequests(app);
    await chooseFile(page, 'people.csv', csv);

    // The mapping, suggested from the headers.
    const mapping = page.getByTestId('import-mapping');
    await expect(mapping.locator('tr[data-column="Email"]')).toContainText('Email address');
    await expect(mapping.locator('tr[data-column="Surname"]')).toContainText('Last name');
    await expect(mapping.locator('tr[data-column="CRM ID"]')).toContainText('External id');
    await expect(mapping.locator('tr[data-column="public_metadata.plan"]')).toContainText('Public metadata key');
    await expect(mapping.locator('tr[data-column="Notes"]')).toContainText('Don\u2019t import');

    // The bad row, with its row, column and field, and nothing sent.
    const issues = page.getByTestId('import-issue');
    await expect(issues).toHaveCount(1);
    await expect(issues.first()).toContainText('2');
    await expect(issues.first()).toContainText('Email');
    await expect(issues.first()).toContainText('email_address.0');
    await expect(issues.first()).toContainText('not-an-email is not a valid email address.');
    await expect(page.getByTestId('import-row-summary')).toContainText('3 of 4 rows are ready; 1 row has problems');
    expect(createRequests(app)).toBe(before);
    await saveScreen(page, 'bulk-import-mapping', scheme);

    // The dry run: the taken email skipped with its reason; nothing created yet.
    await page.getByTestId('import-dry-run').click();
    const preview = page.getByTestId('bulk-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('bulk-preview-change-count')).toContainText('2');
    await expect(preview.getByTestId('bulk-preview-reason')).toContainText(`email taken-${tag}@example.com is already taken by user_`);
    expect(createRequests(app)).toBe(before);
    await saveScreen(page, 'bulk-import-preview', scheme);
    await confirmPreview(page);

    const ada = await userByEmail(app, `ada-${tag}@example.com`);
    const grace = await userByEmail(app, `grace-${tag}@example.com`);
    expect(ada).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', external_id: `crm-ada-${tag}`, public_metadata: { plan: 'pro' } });
    expect(grace?.public_metadata).toEqual({ plan: { seats: 3 } });
    expect(await userByEmail(app, 'not-an-email')).toBeUndefined();
    expect(createRequests(app)).toBe(before + 2);

    // The rows not imported: exported, fixed, imported again.
    await page.getByTestId('import-export-failed').click();
    const exported = `${app.exportDir}/users-import-failed-rows.csv`;
    await expect.poll(() => existsSync(exported)).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(exported, 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]).toMatchObject({ Email: `taken-${tag}@example.com`, 'CRM ID': `crm-cy-${tag}`, import_row: '3', import_status: 'skipped' });
    expect(parsed.data[0].import_error).toContain('already taken');
    parsed.data[0].Email = `cy-${tag}@example.com`;
    await page.keyboard.press('Escape');
    await chooseFile(page, 'people-fixed.csv', Papa.unparse(parsed.data));
    await expect(page.getByTestId('import-mapping').locator('tr[data-column="import_error"]')).toContainText('Don\u2019t import');
    await expect(page.getByTestId('import-issue')).toHaveCount(0);
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('bulk-preview').getByTestId('bulk-preview-change-count')).toContainText('1');
    await confirmPreview(page);
    expect(await userByEmail(app, `cy-${tag}@example.com`)).toMatchObject({ first_name: 'Cy', external_id: `crm-cy-${tag}`, public_metadata: { plan: 'free' } });
  });
}
