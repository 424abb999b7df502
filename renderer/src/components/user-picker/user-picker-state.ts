/** What the user picker's list says while the admin types (kept apart from the component so it is unit-tested). */

/** How many matches one search shows (Clerk's order: newest first). */
export const PICKER_PAGE_SIZE = 20;

/** idle: nothing typed; searching: a search is pending or in flight; error; none: no match; matches. */
export type PickerState = 'idle' | 'searching' | 'error' | 'none' | 'matches';

/** The facts the state is read from. */
export interface PickerFacts {
  /** What the box holds now. */
  term: string;
  /** The trimmed term the pause has let through (the one asked for). */
  sentTerm: string;
  /** The term of the answer at hand, if any. */
  answeredTerm: string | undefined;
  loading: boolean;
  failed: boolean;
  matchCount: number;
}

/** The picker's state: a term typed but not yet answered is "searching", never "no match". */
export function pickerState(facts: PickerFacts): PickerState {
  const typed = facts.term.trim();
  if (!typed) return 'idle';
  if (typed !== facts.sentTerm || facts.loading) return 'searching';
  if (facts.failed) return 'error';
  if (facts.answeredTerm !== facts.sentTerm) return 'searching';
  return facts.matchCount > 0 ? 'matches' : 'none';
}
