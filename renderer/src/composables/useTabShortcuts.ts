/**
 * Keyboard shortcuts of one view, live only while its tab is in front (every open tab stays
 * mounted). A shortcut never fires while the focus is in something that takes text (an input, a
 * textarea, an editor) nor while a dialog is open, so typing and confirming are never hijacked.
 * The native menu's accelerators (⌘/Ctrl + N, W, R, F, digits, Tab) are not used here.
 */
import { onKeyStroke } from '@vueuse/core';
import { useTabContext } from './useTabContext';

/** One shortcut: a key (as `KeyboardEvent.key`, case-insensitive) with its modifiers. */
export interface TabShortcut {
  key: string;
  /** ⌘ on macOS, Ctrl elsewhere. */
  mod?: boolean;
  shift?: boolean;
  run: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** How a shortcut is written in a tooltip on this platform, e.g. `B`, `Shift+M`, `⌘⌫`. */
export function shortcutLabel(shortcut: Pick<TabShortcut, 'key' | 'mod' | 'shift'>): string {
  const keyName: Record<string, string> = { backspace: isMac ? '⌫' : 'Backspace', delete: isMac ? '⌦' : 'Del' };
  const key = keyName[shortcut.key.toLowerCase()] ?? shortcut.key.toUpperCase();
  const parts = [shortcut.mod ? (isMac ? '⌘' : 'Ctrl') : null, shortcut.shift ? (isMac ? '⇧' : 'Shift') : null, key].filter(Boolean);
  return parts.join(isMac ? '' : '+');
}

/** True when a keystroke on `target` belongs to the text it is typed into. */
function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]') !== null;
}

/** True while a modal dialog (a confirmation, a form) is open over the tabs; one animating away does not count. */
function dialogOpen(): boolean {
  const modals = document.querySelectorAll('.n-modal-container .n-modal, [role="dialog"][aria-modal="true"], [role="alertdialog"]');
  return [...modals].some((modal) => !modal.closest('[class*="-leave-active"]'));
}

/** Registers `shortcuts` for the calling view's tab. */
export function useTabShortcuts(shortcuts: () => readonly TabShortcut[]): void {
  const tab = useTabContext();
  onKeyStroke(
    true,
    (event) => {
      if (!tab.active.value || event.defaultPrevented || event.repeat || event.altKey) return;
      if (takesText(event.target) || dialogOpen()) return;
      const mod = isMac ? event.metaKey : event.ctrlKey;
      const other = isMac ? event.ctrlKey : event.metaKey;
      if (other) return;
      const match = shortcuts().find((s) => s.key.toLowerCase() === event.key.toLowerCase() && Boolean(s.mod) === mod && Boolean(s.shift) === event.shiftKey);
      if (!match) return;
      event.preventDefault();
      match.run();
    },
    { eventName: 'keydown' },
  );
}
