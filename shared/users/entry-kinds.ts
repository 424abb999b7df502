/**
 * What a pasted entry is ("Paste a list" in the Users list): a user id (`user_…`), an email address
 * (has an `@`), or otherwise a username or an external id, which look alike, so both are looked up.
 * Shared by the dialog (which counts them before sending) and main's resolver (which looks them up).
 */

/** How many entries one paste may hold. */
export const RESOLVE_MAX_ENTRIES = 1000;

/** The longest entry (an email address may be 320 characters). */
export const RESOLVE_ENTRY_MAX = 320;

/** What an entry is looked up as. */
export type EntryKind = 'user_id' | 'email_address' | 'username_or_external_id';

/** The kind of one (trimmed) entry. */
export function entryKind(entry: string): EntryKind {
  if (/^user_[A-Za-z0-9]+$/.test(entry)) return 'user_id';
  if (entry.includes('@')) return 'email_address';
  return 'username_or_external_id';
}

/** Entries trimmed, blanks dropped, duplicates (case-insensitive for emails) kept once, in order. */
export function uniqueEntries(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const key = entryKind(entry) === 'email_address' ? entry.toLowerCase() : entry;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}
