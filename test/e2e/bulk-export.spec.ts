/**
 * The users export (issue 10, item 4) in Chromium against the Sandbox: the filtered list (a
 * search) and every user, to CSV and to JSON, through the Import / Export menu; each file is
 * parsed back and compared with the Sandbox's own users, public, private and unsafe metadata
 * included. With E2E_SCREENSHOTS=1 it saves the dialog with its progress, light and dark.
 */
import { readFileSync } from 'node:fs';
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

/** Every user of the Sandbox, read page by page through the app's services. */
async function everyUser(app: AppHarness, filters: Record<string, unknown> = {}): Promise<User[]> {
  const all: User[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await dispatch<UserPage>(app, 'users:list', { ...filters, limit: 500, offset });
    all.push(...page.data);
    if (page.data.length < 500) return all;
  }
}

/** Runs the export dialog with `scope` and `format`; answers the file written. */
async function exportUsers(page: Page, app: AppHarness, scope: 'filtered' | 'all', format: 'csv' | 'json', scheme: 'light' | 'dark'): Promise<string> {
  await page.getByTestId('users-transfer').click();
  await page.getByTestId('users-export').click();
  const dialog = page.getByTestId('user-export');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId(`export-scope-${scope}`).click();
  await dialog.getByTestId(`export-format-${format}`).click();
  await dialog.getByTestId('export-start').click();
  await expect(dialog.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(dialog.getByTestId('export-done')).toContainText('users written to');
  if (scope === 'all' && format === 'csv') await saveScreen(page, 'bulk-export-done', scheme);
  const request = app.saveRequests.at(-1)!;
  await dialog.getByTestId('export-close').click();
  await expect(dialog).toHaveCount(0);
  return `${app.exportDir}/${request.defaultName}`;
}

function comparable(user: User) {
  return { id: user.id, public_metadata: user.public_metadata ?? {}, private_metadata: user.private_metadata ?? {}, unsafe_metadata: user.unsafe_metadata ?? {} };
}

function fromCsv(path: string) {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.map((row) => ({ id: row.id, public_metadata: JSON.parse(row.public_metadata) as unknown, private_metadata: JSON.parse(row.private_metadata) as unknown, unsafe_metadata: JSON.parse(row.unsafe_metadata) as unknown }));
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`exports the filtered list and every user to CSV and JSON with their metadata, equal to the Sandbox's users (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const tag = `exp${scheme}${Date.now() % 100000}`;
    const made: User[] = [];
    for (const n of [1, 2]) made.push(await dispatch<User>(app, 'users:create', { body: { email_address: [`${tag}-${n}@example.com`], first_name: tag, public_metadata: { plan: 'pro', n }, private_metadata: { crm: `c-${n}` }, unsafe_metadata: { theme: 'dark' } } }));
    await app.open();
    await page.getByTestId('users-search').locator('input').fill(tag);
    await page.getByTestId('users-search').locator('input').press('Enter');
    await expect(page.getByTestId('users-view')).toContainText(`${tag}-2@example.com`);

    const expectedFiltered = byId((await everyUser(app, { query: tag })).map(comparable));
    expect(expectedFiltered).toHaveLength(2);
    const filteredCsv = await exportUsers(page, app, 'filtered', 'csv', scheme);
    expect(byId(fromCsv(filteredCsv))).toEqual(expectedFiltered);
    const filteredJson = await exportUsers(page, app, 'filtered', 'json', scheme);
    const filteredObjects = JSON.parse(readFileSync(filteredJson, 'utf8')) as User[];
    expect(byId(filteredObjects.map(comparable))).toEqual(expectedFiltered);
    expect(filteredObjects.find((u) => u.id === made[0].id)?.email_addresses[0].email_address).toBe(`${tag}-1@example.com`);

    const expectedAll = byId((await everyUser(app)).map(comparable));
    const allCsv = await exportUsers(page, app, 'all', 'csv', scheme);
    expect(byId(fromCsv(allCsv))).toEqual(expectedAll);
    const allJson = await exportUsers(page, app, 'all', 'json', scheme);
    expect(byId((JSON.parse(readFileSync(allJson, 'utf8')) as User[]).map(comparable))).toEqual(expectedAll);
    expect(expectedAll.length).toBeGreaterThan(2);
  });
}
