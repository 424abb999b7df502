/**
 * The command palette (issue 12, item 7) against the Sandbox, driven from the keyboard: Ctrl+K
 * anywhere (and View > Command Palette…), Escape gives the focus back; the Users selection's Lock…
 * opens its dry run; a user id and an
 * organization id open their tabs; a search by email finds a user; a section by a fuzzy name; the
 * front tab's Refresh runs (another users:get) and its Lock… button's action (through the guardrail);
 * another profile is switched to.
 */
import type { Organization, User } from '../../shared/clerk';
import type { ProfileView } from '../../shared/ipc/types';
import { SECTIONS } from '../../shared/sections';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import { CommandPalettePage } from './pages/command-palette-page';

/** Calls a channel straight through the dispatcher (setting up, and reading what the Sandbox holds). */
async function call<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

const callsOf = (app: AppHarness, channel: string) => app.calls.filter((c) => c.channel === channel && c.result.ok).length;

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`the command palette opens records by id and by search, goes to a section, runs the tab's Refresh and Lock, switches profile (${scheme})`, async ({
    app,
    page,
    shell,
    users,
    userDetail,
  }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const [sandbox] = await app.services.profiles.list();
    await call<ProfileView>(app, 'profiles:create', { name: 'Acme staging', environment: 'staging', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services) });
    const { data: seedUsers } = await call<{ data: User[] }>(app, 'users:list', { profileId: sandbox.id, limit: 20, orderBy: '-created_at' });
    const user = seedUsers.find((u) => u.email_addresses.length > 0 && u.first_name && !u.locked && !u.banned)!;
    const other = seedUsers.find((u) => u.id !== user.id && u.email_addresses.length > 0)!;
    const { data: orgs } = await call<{ data: Organization[] }>(app, 'organizations:list', { profileId: sandbox.id, limit: 1 });
    const org = orgs[0]!;

    await app.open();
    await expect(users.rows.first()).toBeVisible();
    const palette = new CommandPalettePage(page);

    // Ctrl+K from the Users search box: the palette, its box focused, grouped entries; Escape gives the focus back.
    await users.search.click();
    await palette.open();
    await expect(palette.input).toHaveAttribute('role', 'combobox');
    await expect(page.getByTestId('command-palette-list')).toHaveAttribute('role', 'listbox');
    await expect(palette.options.filter({ hasText: 'Organizations' }).first()).toBeVisible();
    // Only built sections are offered, and the front view's commands by the menu's names.
    for (const section of SECTIONS) {
      await expect(page.locator(`[data-testid="command-palette-option"][data-key="section:${section.id}"]`)).toHaveCount(section.available ? 1 : 0);
    }
    await expect(page.locator('[data-testid="command-palette-option"][data-key="command:refresh"]')).toContainText('Refresh');
    await saveScreen(page, 'command-palette', scheme);
    await page.keyboard.press('Escape');
    await expect(palette.root).toHaveCount(0);
    await expect(users.search).toBeFocused();

    // The selection's bulk actions: two users checked, the bar's Lock… from the palette opens its dry-run preview.
    const [a, b] = await users.ids();
    for (const id of [a!, b!]) await users.row(id).locator('.n-data-table-td--selection .n-checkbox').click();
    await palette.open();
    await palette.typeFor('lock selected', /^tab-action:/);
    await expect(palette.highlighted).toContainText('Lock… · 2 users selected');
    await saveScreen(page, 'command-palette-selection', scheme);
    await page.keyboard.press('Enter');
    // The dry run of the two (a seed user already locked would be skipped).
    await expect(page.getByTestId('bulk-preview')).toBeVisible();
    await expect(page.getByTestId('bulk-preview-change-count')).toHaveText(/^[12] users?$/);
    await page.getByTestId('bulk-preview-cancel').click();
    await page.getByTestId('users-selection-clear').click();

    // A user id opens that user's tab (the id's prefix names the kind).
    await palette.open();
    await palette.typeFor(user.id, `record:${user.id}`);
    await expect(palette.highlighted).toContainText(`Open user ${user.id}`);
    await expect(palette.input).toHaveAttribute('aria-activedescendant', /command-palette-option-record/);
    await saveScreen(page, 'command-palette-id', scheme);
    await page.keyboard.press('Enter');
    await expect(palette.root).toHaveCount(0);
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${user.id}`);
    await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
    await expect(userDetail.name).toBeVisible();

    // The front tab's Refresh, from the palette (the same as View > Refresh): the user is read again.
    const reads = callsOf(app, 'users:get');
    await palette.run('refrsh', 'command:refresh');
    await expect.poll(() => callsOf(app, 'users:get')).toBeGreaterThan(reads);
    // And one of the tab's buttons, Lock…: through the same guardrail as the button.
    await palette.run('lock', /^tab-action:/);
    await page.getByTestId('guardrail-confirm').click();
    await expect(userDetail.lockedTag).toBeVisible();
    expect((await call<User>(app, 'users:get', { profileId: sandbox.id, userId: user.id })).locked).toBe(true);

    // An organization id opens the organization's tab.
    await palette.run(org.id, `record:${org.id}`);
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', `organization:${org.id}`);
    await expect(page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="organization-detail-name"]')).toHaveText(org.name);

    // A search by email (users:list and organizations:list as typed): the match opens the user's tab.
    const email = other.email_addresses[0]!.email_address;
    await palette.open();
    await palette.input.fill(email);
    await expect(palette.status).toHaveText(/Searching/);
    await expect(palette.highlighted).toHaveAttribute('data-key', `match:${other.id}`);
    await expect(palette.highlighted).toContainText(email);
    await saveScreen(page, 'command-palette-search', scheme);
    await page.keyboard.press('Enter');
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${other.id}`);

    // A section by a fuzzy name, with the arrows back and forth; opened from the View menu this time.
    await app.menu('command-palette');
    await expect(palette.input).toBeFocused();
    const [first, second] = [await palette.options.nth(0).getAttribute('data-key'), await palette.options.nth(1).getAttribute('data-key')];
    await expect(palette.highlighted).toHaveAttribute('data-key', first!);
    await page.keyboard.press('ArrowDown');
    await expect(palette.highlighted).toHaveAttribute('data-key', second!);
    await page.keyboard.press('ArrowUp');
    await expect(palette.highlighted).toHaveAttribute('data-key', first!);
    await palette.typeFor('sign in tokns', 'section:sign-in-tokens');
    await page.keyboard.press('Enter');
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:sign-in-tokens');

    // Nothing matching says so; then another profile, switched to from the palette.
    await palette.open();
    await palette.input.fill('xylophone');
    await expect(palette.status).toHaveText(/Nothing matches “xylophone”/);
    await palette.typeFor('staging', /^profile:/);
    await expect(palette.highlighted).toContainText('Switch to Acme staging');
    await page.keyboard.press('Enter');
    await expect(shell.activeProfileName()).toHaveText('Acme staging');
  });
}
