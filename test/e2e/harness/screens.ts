/** Saves a screenshot of the window when E2E_SCREENSHOTS=1 (for looking at every screen by eye). */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './paths';

/** True when this run saves screenshots. */
export const SAVING_SCREENS = process.env.E2E_SCREENSHOTS === '1';

/** Saves `<name>-<scheme>.png` under test/e2e/screenshots when enabled, once dialogs have finished fading in. */
export async function saveScreen(page: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  if (!SAVING_SCREENS) return;
  await expect.poll(() => page.evaluate(finiteAnimationsRunning)).toBe(0);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${scheme}.png`) });
}

/** The relative luminance (0 dark … 1 light) of a CSS `rgb()`/`rgba()` colour. */
export function luminance(cssColour: string): number {
  const [r, g, b] = (cssColour.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((n) => Number(n) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Runs in the page: transitions and animations still running, ignoring endless ones (spinners, progress stripes). */
function finiteAnimationsRunning(): number {
  const doc = (globalThis as unknown as { document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] } }).document;
  return doc.getAnimations().filter((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity).length;
}
