/**
 * The app's one clipboard (VueUse's useClipboard, created once): every copy button shares it, so a
 * table of hundreds of copyable ids sets up nothing per cell.
 */
import { effectScope } from 'vue';
import { useClipboard } from '@vueuse/core';

/** How long a copy button shows its tick. */
export const COPIED_MS = 1500;

/** The shared clipboard: `copy(text)`, and `copied` / `text` for the last copy. */
export const clipboard = effectScope(true).run(() => useClipboard({ legacy: true, copiedDuring: COPIED_MS }))!;
