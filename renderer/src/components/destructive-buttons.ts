/**
 * Naive UI's light error buttons lighten on hover and focus (#de576d: 3.7:1 on white, white text
 * on it 3.7:1), under WCAG AA just when the administrator points at a destructive action; these
 * deepen instead (5.9:1 both ways), so a hovered "Ban…" or "Delete 2 users…" still reads and is
 * still red. The dark theme's (#e88080 and black text on it, 7:1) need nothing.
 */
import type { ButtonProps } from 'naive-ui';

type ButtonOverrides = NonNullable<ButtonProps['themeOverrides']>;

const DEEPER_RED = '#c0263f';

/** The light theme's Button overrides for error (destructive) buttons' hover and focus states. */
export const LIGHT_DESTRUCTIVE_BUTTON: ButtonOverrides = {
  colorHoverError: DEEPER_RED,
  colorFocusError: DEEPER_RED,
  textColorGhostHoverError: DEEPER_RED,
  textColorGhostFocusError: DEEPER_RED,
  textColorTextHoverError: DEEPER_RED,
  textColorTextFocusError: DEEPER_RED,
  borderHoverError: `1px solid ${DEEPER_RED}`,
  borderFocusError: `1px solid ${DEEPER_RED}`,
};
