import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme } from 'naive-ui';
import { AA_TEXT, contrastRatio, destructiveMenuColor, mutedTextColor, parseColor } from '../../../renderer/src/components/text-contrast';

describe('text contrast', () => {
  it('parses hex and rgb(a) colours', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('#6c47ff')).toEqual([108, 71, 255, 1]);
    expect(parseColor('rgba(255, 255, 255, 0.52)')).toEqual([255, 255, 255, 0.52]);
    expect(parseColor('transparent')).toBeNull();
  });

  it('computes WCAG ratios (black on white is 21:1; a translucent text is blended first)', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgba(0, 0, 0, 0)', '#fff')).toBeCloseTo(1, 5);
  });

  it('picks a secondary text colour that meets AA on both themes', () => {
    for (const theme of [lightTheme, darkTheme]) {
      const muted = mutedTextColor(theme.common);
      expect(contrastRatio(muted, theme.common.cardColor)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(muted, theme.common.bodyColor)).toBeGreaterThanOrEqual(AA_TEXT);
    }
    // Light textColor3 is about 4.2:1 on white, under AA: textColor2 is used instead.
    expect(contrastRatio(lightTheme.common.textColor3, lightTheme.common.cardColor)).toBeLessThan(AA_TEXT);
    expect(mutedTextColor(lightTheme.common)).toBe(lightTheme.common.textColor2);
  });

  it("colours a destructive menu item red at AA on both themes' popovers", () => {
    for (const theme of [lightTheme, darkTheme]) {
      expect(contrastRatio(destructiveMenuColor(theme.common), theme.common.popoverColor)).toBeGreaterThanOrEqual(AA_TEXT);
    }
    // Light keeps Naive's own red; dark's own (#e88080) is about 3.4:1 on its popover.
    expect(destructiveMenuColor(lightTheme.common)).toBe(lightTheme.common.errorColor);
    expect(contrastRatio(darkTheme.common.errorColor, darkTheme.common.popoverColor)).toBeLessThan(AA_TEXT);
  });
});
