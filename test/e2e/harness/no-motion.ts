/**
 * Turns off CSS transitions and animations in the page under test. Naive UI fades and slides every
 * dialog, drawer, menu and button colour; Playwright clicks only a still element and re-checks on a
 * back-off (up to 500 ms apart), so each animation cost a test far more than its own length, and
 * endless ones (spinners, progress stripes) kept Chromium's software renderer busy. Every state
 * still appears and disappears exactly as before, only at once: screenshots (which waited for
 * animations to end) show the same final states.
 */

/** The rule, as a style sheet: every element, pseudo-elements included. */
export const NO_MOTION_CSS =
  '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; animation-duration: 0s !important; animation-delay: 0s !important; }';

/** Runs in the page before the app (an init script): adds the style sheet as soon as there is a document element. */
export function installNoMotion(css: string): void {
  const doc = (globalThis as unknown as { document: { documentElement: { appendChild(node: unknown): void } | null; head: { appendChild(node: unknown): void } | null; createElement(tag: string): { textContent: string }; addEventListener(type: string, listener: () => void, options: { once: boolean }): void } }).document;
  const add = () => {
    const style = doc.createElement('style');
    style.textContent = css;
    (doc.head ?? doc.documentElement)!.appendChild(style);
  };
  if (doc.documentElement) add();
  else doc.addEventListener('readystatechange', add, { once: true });
}
