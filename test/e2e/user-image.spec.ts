/**
 * The profile image drop zone on a user's avatar (issue 9, item 8), against the Sandbox: a real
 * drag and drop (dragenter, dragover, drop with a DataTransfer holding a PNG drawn in the page)
 * uploads it and the avatar shows the Sandbox's image URL; an oversize file and a PDF named .png
 * are refused in the zone with the reason and nothing is sent; Delete image removes it. Drives
 * POST and DELETE /users/{user_id}/profile_image through the UI.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import type { UsersPage } from './pages/users-page';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

type FileSpec = { kind: 'png' } | { kind: 'pdf'; name: string } | { kind: 'zeros'; name: string; size: number };

/**
 * Builds the file in the page (a PNG drawn on a canvas, a PDF's bytes, or a run of zeros), puts it
 * in a real DataTransfer and dispatches dragenter and dragover on the zone; `drop()` then drops it.
 */
async function dragOnto(page: Page, target: Locator, spec: FileSpec): Promise<{ drop: () => Promise<void> }> {
  const handle = await page.evaluateHandle(async (file: FileSpec) => {
    // The page's DOM types are not in the tests' lib: reach them through the page's globals.
    const { OffscreenCanvas, DataTransfer } = globalThis as any;
    let made: File;
    if (file.kind === 'png') {
      const canvas = new OffscreenCanvas(64, 64);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#0e7490';
      ctx.fillRect(0, 0, 64, 64);
      ctx.fillStyle = '#fde68a';
      ctx.beginPath();
      ctx.arc(32, 32, 18, 0, Math.PI * 2);
      ctx.fill();
      made = new File([await canvas.convertToBlob({ type: 'image/png' })], 'a.png', { type: 'image/png' });
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
  return { drop: () => target.dispatchEvent('drop', { dataTransfer: handle }) };
}

const uploads = (app: AppHarness) => app.calls.filter((call) => call.channel === 'users:setProfileImage');
const sandboxUploads = (app: AppHarness) =>
  readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter((line) => line.includes('/profile_image') && line.includes('"POST"'));

async function openNewestUser(app: AppHarness, users: UsersPage, userDetail: { root: Locator }): Promise<User> {
  const [user] = (await dispatch<UserPage>(app, 'users:list', { limit: 1, orderBy: '-created_at' })).data;
  await app.open();
  await users.rows.first().click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
  return user;
}

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`a PNG dragged onto the avatar uploads, and the avatar shows the Sandbox's image; Delete image removes it (${scheme})`, async ({ app, page, users, userDetail }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const user = await openNewestUser(app, users, userDetail);
    const zone = userDetail.root.getByTestId('image-drop-zone');
    const target = zone.getByTestId('image-drop-target');

    const drag = await dragOnto(page, target, { kind: 'png' });
    await expect(zone).toHaveAttribute('data-drag-over', 'true');
    await saveScreen(page, 'user-image-drag-over', scheme);

    // Held in the bridge, so the upload in flight can be seen: the preview and the indeterminate bar.
    const release = app.hold('users:setProfileImage');
    await drag.drop();
    await expect(zone).toHaveAttribute('data-phase', 'uploading');
    await expect(zone.getByTestId('image-drop-message')).toHaveText('Uploading to Clerk…');
    await expect(zone.getByTestId('image-drop-preview')).toHaveAttribute('src', /^blob:/);
    await saveScreen(page, 'user-image-uploading', scheme);
    release();
    await expect(zone).toHaveAttribute('data-phase', 'idle');
    await expect(zone.getByTestId('image-drop-preview')).toHaveCount(0);

    const stored = await dispatch<User>(app, 'users:get', { userId: user.id });
    expect(stored.has_image).toBe(true);
    expect(stored.image_url).not.toBe(user.image_url);
    await expect(zone.locator('.user-avatar img')).toHaveAttribute('src', stored.image_url!);
    // The image the Sandbox serves is the PNG that was dropped.
    await expect.poll(() => zone.locator('.user-avatar img').evaluate((img: any) => img.complete && img.naturalWidth)).toBe(64);
    const [sent] = uploads(app);
    expect((sent.input as { fileName: string }).fileName).toBe('a.png');
    expect(sent.result.ok).toBe(true);

    await userDetail.root.getByTestId('user-image-delete').click();
    const dialog = page.getByTestId('guardrail-dialog');
    await expect(dialog).toHaveAttribute('data-destructive', 'true');
    await page.getByTestId('guardrail-confirm').click();
    await expect(userDetail.root.getByTestId('user-image-delete')).toBeHidden();
    await expect(zone.locator('.user-avatar img')).toHaveCount(0);
    expect((await dispatch<User>(app, 'users:get', { userId: user.id })).has_image).toBe(false);
    for (const action of ['users.set_profile_image', 'users.delete_profile_image']) {
      const log = await app.services.dispatch('audit:list', { filter: { action, targetId: user.id } });
      const rows = (log as { ok: true; value: { rows: { outcome: string }[] } }).value.rows;
      expect(rows.map((row) => row.outcome), action).toContain('success');
    }
  });
}

test('an oversize file and a PDF named .png are refused in the zone with the reason, and nothing is sent', async ({ app, page, users, userDetail }) => {
  await openNewestUser(app, users, userDetail);
  const zone = userDetail.root.getByTestId('image-drop-zone');
  const target = zone.getByTestId('image-drop-target');
  const message = zone.getByTestId('image-drop-message');

  await (await dragOnto(page, target, { kind: 'zeros', name: 'huge.png', size: 11 * 1024 * 1024 })).drop();
  await expect(zone).toHaveAttribute('data-phase', 'rejected');
  await expect(message).toHaveText('“huge.png” is 11 MB; the limit is 10 MB. Choose a smaller image.');
  await saveScreen(page, 'user-image-rejected-size', 'light');

  await (await dragOnto(page, target, { kind: 'pdf', name: 'a.png' })).drop();
  await expect(message).toHaveText('This is a PDF, not an image: “a.png” must be a PNG, JPEG, GIF or WebP image (its name does not count).');
  await saveScreen(page, 'user-image-rejected-type', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreen(page, 'user-image-rejected-type', 'dark');

  // Keyboard: Escape dismisses the reason; Enter opens the file picker.
  await target.focus();
  await page.keyboard.press('Escape');
  await expect(zone).toHaveAttribute('data-phase', 'idle');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await chooser;

  expect(uploads(app)).toEqual([]);
  expect(sandboxUploads(app)).toEqual([]);
});

test('main refuses a wrong-type upload sent straight through the bridge', async ({ app }) => {
  const [user] = (await dispatch<UserPage>(app, 'users:list', { limit: 1 })).data;
  const [profile] = await app.services.profiles.list();
  const pdf = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64');
  const envelope = await app.services.dispatch('users:setProfileImage', { profileId: profile.id, userId: user.id, fileName: 'a.png', dataBase64: pdf });
  expect(envelope.ok).toBe(false);
  expect(!envelope.ok && envelope.error.message).toContain('This is a PDF, not an image');
  expect(sandboxUploads(app)).toEqual([]);
});
