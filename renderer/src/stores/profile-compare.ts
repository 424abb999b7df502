/** Which comparison between profiles is open (issue 12, item 6): the one dialog, opened from the lists and the palette. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CompareKind } from '@shared/profile-compare/compare-entries';

/** The menu/palette command that opens the comparison of `kind` ("Compare with another profile…"). */
export const compareCommand = (kind: CompareKind) => `compare-profiles:${kind}` as const;

/** The compare dialog's state. */
export const useProfileCompareStore = defineStore('profile-compare', () => {
  /** The kind being compared, or null when closed. */
  const kind = ref<CompareKind | null>(null);
  /** Opens the comparison of `kind`. */
  function open(next: CompareKind): void {
    kind.value = next;
  }
  /** Closes it. */
  function close(): void {
    kind.value = null;
  }
  return { kind, open, close };
});
