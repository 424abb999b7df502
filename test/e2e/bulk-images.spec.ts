/**
 * Bulk profile images (issue 10, item 5) in Chromium against the Sandbox: several files dropped
 * at once through a real DataTransfer, named after a user id, an email, and nobody, plus a PDF
 * named .png; the table shows two matches, a miss and the PDF refused by its contents; the upload
 * job (dry run, confirm) sets both images and the avatars show them; nothing was staged for the
 * miss or the PDF. With E2E_SCREENSHOTS=1 it saves the matching table, light and dark.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { User } from '../../shared/clerk';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Drops PNGs (drawn in the page, 48 px) named `pngNames` and a PDF named `pdfName` on the zone, all in one real DataTransfer. */
async function dropFiles(page: Page, pngNames: string[], pdfName: string): Promise<void> {
  const handle = await page.evaluateHandle(
    async ({ pngNames, pdfName }) => {
      // The page's DOM types are not in the tests' lib: reach them through the page's globals.
      const { OffscreenCanvas, DataTransfer } = globalThis as any;
      const dt = new DataTransfer();
      for (const [index, name] of pngNames.entries()) {
        const canvas = new OffscreenCanvas(48, 48);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = ['#0e7490', '#b45309', '#7c3aed'][index % 3];
        ctx.fillRect(0, 0, 48, 48);
        dt.items.add(new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' }));
      }
      const pdf = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
      dt.items.add(new File([new TextEncoder().encode(pdf)], pdfName, { type: 'image/png' }));
      return dt;
    },
    { pngNames, pdfName },
  );
  const zone = page.getByTestId('images-drop');
  await zone.dispatchEvent('dragenter', { dataTransfer: handle });
  await zone.dispatchEvent('dragover', { dataTransfer: handle });
  await zone.dispatchEvent('drop', { dataTransfer: handle });
}

const sandboxUploads = (app: AppHarness) =>
  readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter((line) => line.includes('/profile_image') && line.includes('"POST"')).length;

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`images dropped together are matched by user id and email, a miss and a PDF shown, and the matched ones uploaded; the avatars show them (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const tag = `img${scheme}${Date.now() % 100000}`;
    const byId = await dispatch<User>(app, 'users:create', { body: { email_address: [`${tag}-a@example.com`], first_name: `${tag}A` } });
    const byEmail = await dispatch<User>(app, 'users:create', { body: { email_address: [`${tag}-b@example.com`], first_name: `${tag}B` } });
    await app.open();
    await page.getByTestId('users-transfer').click();
    await page.getByTestId('users-images').click();
    await expect(page.getByTestId('bulk-images')).toBeVisible();

    await dropFiles(page, [`${byId.id}.png`, `${tag}-b@example.com.png`, `nobody-${tag}.png`], 'report.png');
    const rows = page.getByTestId('images-row');
    await expect(rows).toHaveCount(4);
    await expect(page.getByTestId('images-summary')).toHaveText('2 matched, 1 without a match, 1 refused');
    await expect(page.locator(`[data-file="${byId.id}.png"]`)).toHaveAttribute('data-state', 'matched');
    await expect(page.locator(`[data-file="${byId.id}.png"]`)).toContainText(byId.id);
    await expect(page.locator(`[data-file="${tag}-b@example.com.png"]`)).toContainText(byEmail.id);
    await expect(page.locator(`[data-file="nobody-${tag}.png"]`)).toHaveAttribute('data-state', 'miss');
    await expect(page.locator('[data-file="report.png"]')).toHaveAttribute('data-state', 'refused');
    await expect(page.locator('[data-file="report.png"]')).toContainText('PDF, not an image');
    await saveScreen(page, 'bulk-images-matching', scheme);

    const before = sandboxUploads(app);
    await page.getByTestId('images-upload').click();
    await expect(page.getByTestId('bulk-preview').getByTestId('bulk-preview-change-count')).toContainText('2');
    await page.getByTestId('bulk-preview-continue').click();
    await page.getByTestId('guardrail-dialog').getByTestId('guardrail-confirm').click();
    await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(sandboxUploads(app) - before).toBe(2);
    // Only the two matched images were handed to main; the miss and the PDF never left the page.
    expect(app.calls.filter((call) => call.channel === 'imports:stageImage')).toHaveLength(2);

    for (const user of [byId, byEmail]) {
      const stored = await dispatch<User>(app, 'users:get', { userId: user.id });
      expect(stored.has_image).toBe(true);
      expect(stored.image_url).not.toBe(user.image_url);
    }
    // The list's avatars show the uploaded images.
    await page.keyboard.press('Escape');
    await page.getByTestId('users-search').locator('input').fill(tag);
    await page.getByTestId('users-search').locator('input').press('Enter');
    const stored = await dispatch<User>(app, 'users:get', { userId: byId.id });
    const avatar = page.locator(`img[src="${stored.image_url}"]`).first();
    await expect(avatar).toBeVisible();
    await expect.poll(() => avatar.evaluate((img: any) => img.complete && img.naturalWidth)).toBe(48);
  });
}
