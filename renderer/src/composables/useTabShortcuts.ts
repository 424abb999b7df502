/**
 * Keyboard shortcuts of one view, live only while its tab is in front (every open tab stays
 * mounted). A shortcut never fires while the focus is in something that takes text (an input, a
 * textarea, an editor) nor while a dialog is open, so typing and confirming are never hijacked.
 * The native menu's accelerators (⌘/Ctrl + N, W, R, F, digits, Tab) are not used here.
 */
import { onBeforeUnmount } from 'vue';
import { onKeyStroke } from '@vueuse/core';
import { useTabContext } from './useTabContext';

/** One shortcut: a key (as `KeyboardEvent.key`, case-insensitive) with its modifiers. */
export interface TabShortcut {
  key: string;
  /** ⌘ on macOS, Ctrl elsewhere. */
  mod?: boolean;
  shift?: boolean;
  /** How the command palette lists it (issue 12), e.g. "Lock…"; unlabelled shortcuts are not listed there. */
  label?: string;
  /** The palette shows it in the danger colour, as its button is (ban, delete, …). */
  destructive?: boolean;
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
export function dialogOpen(): boolean {
  const modals = document.querySelectorAll('.n-modal-container .n-modal, [role="dialog"][aria-modal="true"], [role="alertdialog"]');
  return [...modals].some((modal) => !modal.closest('[class*="-leave-active"]'));
}

/** Registers `shortcuts` for the calling view's tab. */
export function useTabShortcuts(shortcuts: () => readonly TabShortcut[]): void {
  const tab = useTabContext();
  // Known to the command palette while the view lives (see activeTabActions).
  const registration = {
    isActive: () => tab.active.value,
    actions: () => shortcuts().flatMap((shortcut): TabAction[] => (shortcut.label ? [{ label: shortcut.label, keys: shortcutLabel(shortcut), destructive: Boolean(shortcut.destructive), run: shortcut.run }] : [])),
  };
  registrations.add(registration);
  onBeforeUnmount(() => registrations.delete(registration));
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

// --- The command palette (issue 12, item 7): the front tab's labelled shortcuts, which are its buttons' actions ---

const registrations = new Set<{ isActive: () => boolean; actions: () => readonly TabAction[] }>();

/** An action of the tab in front, as the command palette offers it. */
export interface TabAction {
  label: string;
  /** Its shortcut as {@link shortcutLabel} writes it. */
  /** '' for an action without a shortcut. */
  keys: string;
  destructive: boolean;
  /** Why it cannot run now (its button is disabled), if so. */
  disabledReason?: string;
  run: () => void;
}

/**
 * Offers buttons of the calling view that have no shortcut (e.g. the Users list's bulk actions on
 * its selection) to the command palette while its tab is in front. Only list what a button does.
 */
export function useTabActions(actions: () => readonly (Omit<TabAction, 'keys' | 'destructive'> & { destructive?: boolean })[]): void {
  const tab = useTabContext();
  const registration = { isActive: () => tab.active.value, actions: () => actions().map((action) => ({ ...action, keys: '', destructive: Boolean(action.destructive) })) };
  registrations.add(registration);
  onBeforeUnmount(() => registrations.delete(registration));
}

/** The labelled shortcuts and the actions of the tab in front (each the same as one of its buttons), one per label. */
export function activeTabActions(): TabAction[] {
  const actions = new Map<string, TabAction>();
  for (const registration of registrations) {
    if (!registration.isActive()) continue;
    for (const action of registration.actions()) if (!actions.has(action.label)) actions.set(action.label, action);
  }
  return [...actions.values()];
}
