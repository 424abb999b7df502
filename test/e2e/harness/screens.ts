/** Saves a screenshot of the window when E2E_SCREENSHOTS=1 (for looking at every screen by eye). */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './paths';

/** True when this run saves screenshots. */
export const SAVING_SCREENS = process.env.E2E_SCREENSHOTS === '1';

/** The window sizes every screen is looked at in: a common laptop, and the smallest we design for. */
/**
 * The schemes a behaviour test runs in: both while screens are being saved (to look at them), light
 * only otherwise. The behaviour does not depend on the scheme, and screens.spec, audit-screens.spec,
 * visual.spec and the contrast checks render in both schemes on every run.
 */
export const BEHAVIOUR_SCHEMES: readonly ('light' | 'dark')[] = SAVING_SCREENS ? ['light', 'dark'] : ['light'];

export const SCREEN_SIZES = [
  { width: 1280, height: 800 },
  { width: 1000, height: 650 },
] as const;

/**
 * Saves `<name>-<scheme>-<width>.png` under test/e2e/screenshots at each of {@link SCREEN_SIZES}
 * when enabled, once dialogs have finished fading in; the test's own viewport is restored after.
 */
export async function saveScreen(page: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  if (!SAVING_SCREENS) return;
  const original = page.viewportSize();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await expect.poll(() => page.evaluate(finiteAnimationsRunning)).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${scheme}-${size.width}.png`) });
  }
  if (original) await page.setViewportSize(original);
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
