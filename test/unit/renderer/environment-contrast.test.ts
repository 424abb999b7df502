/** Environment colours as text meet WCAG AA (4.5:1) on both themes' backgrounds and on their own tag fill. */
import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme } from 'naive-ui';
import { ENVIRONMENTS } from '../../../shared/ipc/types';
import { contrastRatio, parseColor } from '../../../renderer/src/components/text-contrast';
import { environmentStyle, environmentTextColor } from '../../../renderer/src/environments';

/** `fill` (rgba) laid over an opaque background, as the tag shows it. */
function over(fill: string, background: string): string {
  const [r, g, b, a] = parseColor(fill)!;
  const [br, bg, bb] = parseColor(background)!;
  return `rgb(${r * a + br * (1 - a)}, ${g * a + bg * (1 - a)}, ${b * a + bb * (1 - a)})`;
}

const THEMES = { light: lightTheme.common, dark: darkTheme.common } as const;

describe('environment text colours', () => {
  for (const [theme, common] of Object.entries(THEMES) as Array<[keyof typeof THEMES, (typeof THEMES)[keyof typeof THEMES]]>) {
    for (const environment of ENVIRONMENTS) {
      it(`${environment} text reads at AA on the ${theme} theme`, () => {
        const text = environmentTextColor(environment, theme);
        for (const background of [common.bodyColor, common.cardColor, common.popoverColor]) {
          expect(contrastRatio(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
          expect(contrastRatio(text, over(environmentStyle(environment).fill, background)), `${text} on its tag`).toBeGreaterThanOrEqual(4.5);
        }
      });
    }
  }
});
