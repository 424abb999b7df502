/**
 * The bulk screens' destructive buttons read in both schemes (WCAG AA, 4.5:1) and stay red: the
 * selection bar's ghost "Ban…" (red text on the page, the card and a dialog) and the preview's and
 * guardrail's filled "Ban 2 users…" (its text on the red), idle and hovered. Measured from Naive
 * UI's button colours with the app's overrides (light: destructive-buttons.ts).
 */
import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme } from 'naive-ui';
import { AA_TEXT, contrastRatio, parseColor } from '../../../renderer/src/components/text-contrast';
import { LIGHT_DESTRUCTIVE_BUTTON } from '../../../renderer/src/components/destructive-buttons';

describe.each([
  ['light', lightTheme, LIGHT_DESTRUCTIVE_BUTTON],
  ['dark', darkTheme, {}],
] as const)('destructive bulk buttons (%s)', (_name, theme, overrides) => {
  const button = { ...theme.Button.self!(theme.common), ...overrides };
  it('ghost "Ban…": red text on the page, a card and a dialog', () => {
    for (const background of [theme.common.bodyColor, theme.common.cardColor, theme.common.modalColor]) {
      expect(contrastRatio(button.textColorGhostError, background)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(button.textColorGhostHoverError, background)).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });
  it('filled "Ban N users…": its text on the red', () => {
    expect(contrastRatio(button.textColorError, button.colorError)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(button.textColorHoverError, button.colorHoverError)).toBeGreaterThanOrEqual(AA_TEXT);
  });
  it('is red: the red channel well above green and blue', () => {
    for (const colour of [button.colorError, button.colorHoverError]) {
      const [r, g, b] = parseColor(colour)!;
      expect(r - Math.max(g, b)).toBeGreaterThan(80);
    }
  });
});
