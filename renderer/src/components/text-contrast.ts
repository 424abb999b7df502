/**
 * WCAG contrast of the theme's text colours, to pick the quietest secondary text colour that
 * still reads (AA: 4.5:1 for normal text). Opacity is never used to dim small text: a dimmed
 * grey easily drops below the bar.
 */

type Rgba = [number, number, number, number];

/** Parses `#rgb`, `#rrggbb`, `rgb(…)` and `rgba(…)`; null for anything else. */
export function parseColor(color: string): Rgba | null {
  const value = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d) : hex[1].match(/../g)!;
    const [r, g, b] = digits.map((pair) => parseInt(pair, 16));
    return [r, g, b, 1];
  }
  const fn = /^rgba?\(([^)]+)\)$/i.exec(value);
  if (!fn) return null;
  const parts = fn[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  if (parts.length < 3 || parts.some((n) => Number.isNaN(n))) return null;
  return [parts[0], parts[1], parts[2], parts[3] ?? 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of `text` over `background` (a translucent text is blended onto it first). */
export function contrastRatio(text: string, background: string): number {
  const fg = parseColor(text);
  const bg = parseColor(background);
  if (!fg || !bg) return 0;
  const a = fg[3];
  const blended: Rgba = [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a), 1];
  const [light, dark] = [luminance(blended), luminance(bg)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal-size text. */
export const AA_TEXT = 4.5;

/** The theme colours this needs (Naive UI's `useThemeVars()` has them all). */
export interface TextColours {
  textColor2: string;
  textColor3: string;
  cardColor: string;
  bodyColor: string;
}

/** textColor3 where it meets AA on every background it is shown on, else textColor2. */
export function mutedTextColor(vars: TextColours): string {
  return [vars.cardColor, vars.bodyColor].every((bg) => contrastRatio(vars.textColor3, bg) >= AA_TEXT) ? vars.textColor3 : vars.textColor2;
}

/** A lighter red for destructive menu items on the dark theme's popover (4.8:1 on rgb(72, 72, 78)). */
const LIGHT_RED_ON_DARK = '#f4aaaa';

/**
 * The colour of a destructive item in a dropdown menu: the theme's error colour where it meets AA
 * on the popover (light: 5.0:1 on white), else a lighter red (dark: #e88080 is 3.4:1 on the popover).
 */
export function destructiveMenuColor(vars: { errorColor: string; popoverColor: string }): string {
  return contrastRatio(vars.errorColor, vars.popoverColor) >= AA_TEXT ? vars.errorColor : LIGHT_RED_ON_DARK;
}
