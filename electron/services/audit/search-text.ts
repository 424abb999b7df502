/**
 * Free-text search: what of an intent is indexed (its action, target, path, profile, actor and
 * every value of its payloads, already redacted) and how typed words become an FTS5 query.
 */
import type { IntentRecord } from '../../../shared/audit/types';

const MAX_INDEXED_CHARS = 32_768;

/** The words indexed for one intent: values only (keys would make every record match "email"). */
export function searchTextOf(intent: IntentRecord): string {
  const parts: string[] = [intent.action, intent.path, intent.profile.name, intent.actor.user];
  if (intent.target) parts.push(intent.target.type, intent.target.id ?? '');
  if (intent.bulkId) parts.push(intent.bulkId);
  for (const file of intent.files ?? []) parts.push(file.name, file.sha256);
  collectValues(intent.query, parts);
  collectValues(intent.body, parts);
  collectValues(intent.form, parts);
  collectValues(intent.before, parts);
  const text = parts.filter((part) => part.length > 0).join(' ');
  return text.length > MAX_INDEXED_CHARS ? text.slice(0, MAX_INDEXED_CHARS) : text;
}

function collectValues(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) collectValues(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectValues(item, into);
}

/** The words of a search box, split on white space; punctuation is searched too, literally. */
export function searchTerms(text: string): string[] {
  return text.trim().split(/\s+/).filter((term) => term.length > 0);
}

// What the FTS tokenizer keeps of a term: letters, digits and `_` (its token characters).
const TOKEN_CHAR = /[\p{L}\p{N}_]/u;
const NON_TOKEN_CHAR = /[^\p{L}\p{N}_]/u;

/** The terms the FTS index can answer: those with at least one letter or digit (the index drops punctuation). */
export function ftsTerms(terms: string[]): string[] {
  return terms.filter((term) => TOKEN_CHAR.test(term));
}

/**
 * The terms the FTS index cannot answer alone, because they hold characters it drops (`%`, `*`,
 * `"`, `@`, `.`, …): each is also matched literally against the record's text, so `%` finds only
 * records containing `%`, not every record.
 */
export function literalTerms(terms: string[]): string[] {
  return terms.filter((term) => NON_TOKEN_CHAR.test(term));
}

/**
 * An FTS5 query where every term must match, each as a quoted phrase (so `*`, `"`, `-`, `:` and
 * FTS5's operators are never syntax) whose last word is a prefix; '' when no term has a word.
 */
export function toFtsQuery(terms: string[]): string {
  return ftsTerms(terms)
    .map((term) => `"${term.replace(/"/g, '""')}"*`)
    .join(' ');
}

/**
 * LIKE patterns over a record's JSON text for the terms, with `\` as the escape character: each
 * term as it is written inside a JSON string (`"` as `\"`, `\` as `\\`), its `%`, `_` and `\`
 * escaped, so every character matches itself.
 */
export function toLikePatterns(terms: string[]): string[] {
  return terms.map((term) => `%${JSON.stringify(term).slice(1, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
