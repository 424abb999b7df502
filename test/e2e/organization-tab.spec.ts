/**
 * The organization's tab (issue 11, items 3-5) against the Sandbox: opened by slug and by id (tabs
 * kept from an earlier session); Edit sends only the changed fields after the change preview (the
 * slug checked as typed) and the tab follows the organization to its new slug; a PNG dragged onto
 * the logo uploads as the first admin and shows, an oversize file and a PDF named .png are refused
 * with nothing sent, Delete logo asks first; a metadata patch merges. On a production profile,
 * Delete states what goes with it and asks for the slug typed, then the tab closes. Drives GET,
 * PATCH and DELETE /organizations/{id}, PUT and DELETE .../logo and PATCH .../metadata through the UI.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Organization } from '../../shared/clerk';
import type { OrganizationMembershipPage, OrganizationPage } from '../../shared/ipc/channels/organizations';
import type { ProfileView } from '../../shared/ipc/types';
import { recordTabKey } from '../../shared/sections';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { BEHAVIOUR_SCHEMES, SAVING_SCREENS, saveScreen } from './harness/screens';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Opens the app with these organization tabs kept from an earlier session (the last one in front). */
async function openWithTabs(app: AppHarness, profileId: string, ids: string[]): Promise<void> {
  const tabs = ids.map((id) => ({ kind: 'record', key: recordTabKey('organization', id), record: 'organization', id, title: id }));
  await dispatch(app, 'tabs:save', { profileId, tabs, activeKey: tabs.at(-1)!.key });
  await app.open();
}

/** Saves the screen in light and then dark (when screens are saved), back in light after. */
async function saveBoth(page: Page, name: string): Promise<void> {
  if (!SAVING_SCREENS) return;
  await saveScreen(page, name, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreen(page, name, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
}

const detailOf = (page: Page) => page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="organization-detail"]');

type FileSpec = { kind: 'png' } | { kind: 'pdf'; name: string } | { kind: 'zeros'; name: string; size: number };

/** Builds the file in the page, puts it in a real DataTransfer and drags it onto `target` (dragenter, dragover, drop). */
async function dropOnto(page: Page, target: Locator, spec: FileSpec): Promise<void> {
  const handle = await page.evaluateHandle(async (file: FileSpec) => {
    // The page's DOM types are not in the tests' lib: reach them through the page's globals.
    const { OffscreenCanvas, DataTransfer } = globalThis as any;
    let made: File;
    if (file.kind === 'png') {
      const canvas = new OffscreenCanvas(48, 48);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#4338ca';
      ctx.fillRect(0, 0, 48, 48);
      ctx.fillStyle = '#fde68a';
      ctx.fillRect(12, 12, 24, 24);
      made = new File([await canvas.convertToBlob({ type: 'image/png' })], 'logo.png', { type: 'image/png' });
    } else if (file.kind === 'pdf') {
      const text = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
      made = new File([new TextEncoder().encode(text)], file.name, { type: 'image/png' });
    } else {
      made = new File([new Uint8Array(file.size)], file.name, { type: 'image/png' });
    }
    const dt = new DataTransfer();
    dt.items.add(made);
    return dt;
  }, spec);
  await target.dispatchEvent('dragenter', { dataTransfer: handle });
  await target.dispatchEvent('dragover', { dataTransfer: handle });
  await target.dispatchEvent('drop', { dataTransfer: handle });
}

/** Replaces the text of one metadata kind's patch editor by typing, through CodeMirror. */
async function typePatch(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.getByTestId('json-editor-input').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Requests of the Sandbox's log whose route (the seed's path template) contains `part`, as `METHOD route`. */
function sandboxRequests(app: AppHarness, part: string): string[] {
  return readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; route: string })
    .filter((request) => request.route.includes(part))
    .map((request) => `${request.method} ${request.route}`);
}

async function auditOutcomes(app: AppHarness, action: string, targetId: string): Promise<string[]> {
  const log = await dispatch<{ rows: { outcome: string }[] }>(app, 'audit:list', { filter: { action, targetId } });
  return log.rows.map((row) => row.outcome);
}

test('opened by slug and by id; Edit sends only the changed fields after the preview; the logo takes a dropped PNG and refuses the rest; metadata merges', async ({ app, page }) => {
  test.setTimeout(SAVING_SCREENS ? 300_000 : 120_000);
  const [sandbox] = await app.services.profiles.list();
  const profileId = sandbox.id;
  const orgs = (await dispatch<OrganizationPage>(app, 'organizations:list', { profileId, limit: 10, orderBy: '+created_at' })).data;
  // The oldest has many members and a logo; another one is opened by its slug.
  const [byId, bySlug] = [orgs[0], orgs[1]];
  await openWithTabs(app, profileId, [byId.id, 'no-such-organization', bySlug.slug]);

  // By slug: the record, its id, its member count and the Members section.
  const detail = detailOf(page);
  await expect(detail).toHaveAttribute('data-organization-id', bySlug.id);
  await expect(detail.getByTestId('organization-detail-name')).toHaveText(bySlug.name);
  await expect(detail.getByTestId('organization-detail-id')).toHaveText(bySlug.id);
  await expect(detail.getByTestId('organization-fact-members')).toHaveText(String(bySlug.members_count));
  await expect(detail.getByTestId('organization-members-card')).toBeVisible();
  await expect(detail.getByTestId('organization-raw-json').locator('pre')).toContainText(`"slug": "${bySlug.slug}"`);
  await saveBoth(page, 'organization-tab');

  // Edit (its shortcut, E): a bad slug is refused as typed; only the name and slug are sent, after the preview.
  await page.keyboard.press('e');
  const form = page.getByTestId('organization-edit');
  await form.getByTestId('org-edit-slug').fill('Not A Slug');
  await expect(form.getByTestId('error-slug')).toHaveText('Use only lowercase letters, digits and dashes (-).');
  await saveBoth(page, 'organization-edit-slug-error');
  // A slug another organization has: Clerk refuses it, and says so on the field.
  await form.getByTestId('org-edit-slug').fill(byId.slug);
  await form.getByTestId('org-edit-submit').click();
  const dialog = page.getByTestId('guardrail-dialog');
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(form.getByTestId('error-slug')).toHaveText('That slug is taken. Please try another.');
  const newSlug = `${bySlug.slug}-renamed`;
  await form.getByTestId('org-edit-slug').fill(newSlug);
  await expect(form.getByTestId('error-slug')).toHaveCount(0);
  await form.getByTestId('org-edit-name').fill(`${bySlug.name} Renamed`);
  await expect(form.getByTestId('org-edit-change-count')).toHaveText('2 changes');
  await saveBoth(page, 'organization-edit');
  await form.getByTestId('org-edit-submit').click();
  await expect(dialog.getByTestId('change-preview')).toContainText(`${bySlug.name} Renamed`);
  await expect(dialog.getByTestId('change-preview')).toContainText(newSlug);
  await expect(dialog.getByTestId('guardrail-consequence')).toContainText(`the slug “${bySlug.slug}” stop working`);
  await expect(dialog).toHaveAttribute('data-destructive', 'false');
  await saveBoth(page, 'organization-edit-preview');
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(form).toBeHidden();
  // The tab opened by the old slug follows the organization, also when it reads it again (Refresh).
  await expect(detail.getByTestId('organization-detail-name')).toHaveText(`${bySlug.name} Renamed`);
  await detail.getByTestId('organization-detail-refresh').click();
  await expect(detail).toHaveAttribute('data-loading', 'false');
  await expect(detail.getByTestId('organization-detail-slug')).toHaveText(newSlug);
  await expect(detail.getByTestId('organization-fact-members')).toHaveText(String(bySlug.members_count));
  const updates = app.calls.filter((call) => call.channel === 'organizations:update');
  expect(updates.map((call) => (call.input as { body: object }).body)).toEqual([{ slug: byId.slug }, { name: `${bySlug.name} Renamed`, slug: newSlug }]);
  expect(updates.map((call) => call.result.ok)).toEqual([false, true]);
  const stored = await dispatch<Organization>(app, 'organizations:get', { profileId, idOrSlug: bySlug.id });
  expect(stored).toMatchObject({ name: `${bySlug.name} Renamed`, slug: newSlug, max_allowed_memberships: bySlug.max_allowed_memberships, admin_delete_enabled: bySlug.admin_delete_enabled });
  expect(await auditOutcomes(app, 'organizations.update', bySlug.id)).toContain('success');
  await expect(detail.getByTestId('record-gone')).toHaveCount(0);

  // By id: the other tab (titled by its id until it first loads). The logo is uploaded as the first admin by default.
  await page.getByTestId('tab').filter({ hasText: new RegExp(`${byId.id}|${byId.name}`) }).click();
  const byIdDetail = detailOf(page);
  await expect(byIdDetail).toHaveAttribute('data-organization-id', byId.id);
  const members = (await dispatch<OrganizationMembershipPage>(app, 'memberships:list', { profileId, organizationId: byId.id, limit: 100, orderBy: '+created_at' })).data;
  const firstAdmin = members.find((membership) => membership.role === 'org:admin')!;
  const logo = byIdDetail.getByTestId('organization-logo');
  await expect(logo.getByTestId('organization-logo-uploader')).toContainText(firstAdmin.public_user_data!.first_name ?? firstAdmin.public_user_data!.identifier!);
  const zone = logo.getByTestId('image-drop-zone');
  const target = zone.getByTestId('image-drop-target');
  const message = zone.getByTestId('image-drop-message');

  // Refused before anything is sent: too big, and a PDF named .png.
  await dropOnto(page, target, { kind: 'zeros', name: 'huge.png', size: 11 * 1024 * 1024 });
  await expect(zone).toHaveAttribute('data-phase', 'rejected');
  await expect(message).toHaveText('“huge.png” is 11 MB; the limit is 10 MB. Choose a smaller image.');
  await dropOnto(page, target, { kind: 'pdf', name: 'logo.png' });
  await expect(message).toHaveText(/^This is a PDF, not an image: “logo\.png” must be a PNG, JPEG, GIF, WebP or ICO image/);
  await logo.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await saveBoth(page, 'organization-logo-rejected');
  expect(app.calls.filter((call) => call.channel === 'organizations:setLogo')).toEqual([]);
  expect(sandboxRequests(app, '/logo')).toEqual([]);

  // Another member, found by typing part of their name, uploads it instead.
  const other = members.filter((membership) => membership.public_user_data?.last_name && membership.id !== firstAdmin.id).at(-1)!;
  const select = logo.getByTestId('organization-logo-uploader');
  await select.click();
  await page.keyboard.type(other.public_user_data!.last_name!);
  await page.locator('.n-base-select-option').filter({ hasText: `${other.public_user_data!.first_name} ${other.public_user_data!.last_name}` }).first().click();
  await expect(select).toContainText(`${other.public_user_data!.first_name} ${other.public_user_data!.last_name}`);
  expect(app.calls.some((call) => call.channel === 'memberships:list' && (call.input as { query?: string }).query === other.public_user_data!.last_name)).toBe(true);

  // A PNG: uploaded, stored, shown (in the zone and the header).
  await dropOnto(page, target, { kind: 'png' });
  await expect(zone).toHaveAttribute('data-phase', 'idle');
  await expect.poll(async () => (await dispatch<Organization>(app, 'organizations:get', { profileId, idOrSlug: byId.id })).image_url).not.toBe(byId.image_url);
  const withLogo = await dispatch<Organization>(app, 'organizations:get', { profileId, idOrSlug: byId.id });
  expect(withLogo.has_image).toBe(true);
  await expect(zone.locator('img').first()).toHaveAttribute('src', withLogo.image_url!);
  await expect.poll(() => zone.locator('img').first().evaluate((img: any) => img.complete && img.naturalWidth)).toBe(48);
  await expect(byIdDetail.getByTestId('organization-detail-logo').locator('img')).toHaveAttribute('src', withLogo.image_url!);
  const [upload] = app.calls.filter((call) => call.channel === 'organizations:setLogo');
  expect(upload.input).toMatchObject({ organizationId: byId.id, uploaderUserId: other.public_user_data!.user_id, fileName: 'logo.png' });
  expect(sandboxRequests(app, '/logo')).toEqual(['PUT /organizations/{organization_id}/logo']);
  await saveBoth(page, 'organization-logo-uploaded');
  await byIdDetail.getByTestId('organization-members-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await saveBoth(page, 'organization-members-section');

  // Delete logo asks first (destructive), then the default logo is back.
  await logo.getByTestId('organization-logo-delete').click();
  await expect(dialog).toHaveAttribute('data-destructive', 'true');
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(logo.getByTestId('organization-logo-delete')).toBeHidden();
  expect((await dispatch<Organization>(app, 'organizations:get', { profileId, idOrSlug: byId.id })).has_image).toBe(false);

  // Metadata: the patch merges into the public metadata (a key added, one deleted, the rest kept).
  const editor = byIdDetail.getByTestId('metadata-editor');
  await typePatch(page, editor.getByTestId('metadata-patch-public_metadata'), '{"plan": "pro", "industry": null}');
  const { industry: _dropped, ...kept } = byId.public_metadata as Record<string, unknown>;
  const expected = { ...kept, plan: 'pro' };
  await expect.poll(async () => JSON.parse(await editor.getByTestId('metadata-merged-public_metadata').locator('pre').innerText())).toEqual(expected);
  await editor.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await saveBoth(page, 'organization-metadata');
  await editor.getByTestId('metadata-save').click();
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(editor.getByTestId('metadata-body')).toHaveText('(nothing to send)');
  const merged = await dispatch<Organization>(app, 'organizations:get', { profileId, idOrSlug: byId.id });
  expect(merged.public_metadata).toEqual(expected);
  expect(merged.private_metadata).toEqual(byId.private_metadata);
  for (const action of ['organizations.set_logo', 'organizations.delete_logo', 'organizations.update_metadata']) {
    expect(await auditOutcomes(app, action, byId.id), action).toContain('success');
  }

  // A slug no organization has: the tab says so, with Close tab.
  await page.getByTestId('tab').filter({ hasText: 'no-such-organization' }).click();
  await expect(detailOf(page).getByTestId('record-gone')).toContainText('This organization no longer exists');
  await saveBoth(page, 'organization-not-found');
  await detailOf(page).getByTestId('record-gone-close').click();
  await expect(page.getByTestId('tab').filter({ hasText: 'no-such-organization' })).toHaveCount(0);
});

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`on a production profile, Delete says what goes with it and asks for the slug typed; the tab then closes (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const production = await dispatch<ProfileView>(app, 'profiles:create', {
      name: 'Acme production',
      environment: 'production',
      apiUrl: sandboxUrl(app.services),
      secretKey: registerSandboxKey(app.services, 'live'),
    });
    await dispatch(app, 'profiles:setReadOnly', { id: production.id, readOnly: false });
    await dispatch(app, 'profiles:activate', { id: production.id });
    const profileId = production.id;
    const slug = `doomed-${scheme}`;
    const org = await dispatch<Organization>(app, 'organizations:create', { profileId, body: { name: `Doomed ${scheme}`, slug } });
    const [someone] = (await dispatch<{ data: { id: string }[] }>(app, 'users:list', { profileId, limit: 1 })).data;
    await dispatch(app, 'memberships:add', { profileId, organizationId: org.id, userId: someone.id, role: 'org:admin' });
    await openWithTabs(app, profileId, [org.id]);
    const detail = detailOf(page);
    await expect(detail.getByTestId('organization-fact-members')).toHaveText('1');
    await saveScreen(page, 'organization-tab-production', scheme);
    // The menu's Refresh reads the organization again.
    const reads = () => app.calls.filter((call) => call.channel === 'organizations:get').length;
    const before = reads();
    await app.menu('refresh');
    await expect.poll(reads).toBe(before + 1);

    // The shortcut opens the same confirmation; the button is red.
    await detail.getByTestId('organization-detail-name').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByTestId('guardrail-dialog');
    await expect(dialog).toHaveAttribute('data-destructive', 'true');
    await expect(dialog.getByTestId('guardrail-consequence')).toContainText('its 1 membership and its');
    await expect(dialog.getByTestId('guardrail-consequence')).toContainText('invitations, and none of them can come back');
    const confirm = dialog.getByTestId('guardrail-confirm');
    const typed = dialog.getByTestId('guardrail-typed-input');
    await expect(confirm).toBeDisabled();
    await typed.fill(`Doomed ${scheme}`);
    await expect(confirm).toBeDisabled();
    await saveScreen(page, 'organization-delete-typed', scheme);
    await typed.fill(slug);
    await confirm.click();

    await expect(page.locator('[data-testid="organization-detail"]')).toHaveCount(0);
    const gone = await app.services.dispatch('organizations:get', { profileId, idOrSlug: org.id });
    expect(!gone.ok && gone.error.status).toBe(404);
    expect(sandboxRequests(app, '/organizations/').filter((request) => request.startsWith('DELETE'))).toEqual(['DELETE /organizations/{organization_id}']);
    expect(await auditOutcomes(app, 'organizations.delete', org.id)).toContain('success');
  });
}
