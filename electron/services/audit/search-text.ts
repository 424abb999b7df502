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

/** The words of a search box that can match anything (at least one letter or digit each). */
export function searchTerms(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((term) => /[\p{L}\p{N}]/u.test(term));
}

/** An FTS5 query where every term must match, each as a quoted phrase whose last word is a prefix. */
export function toFtsQuery(terms: string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' ');
}

/** LIKE patterns (fallback search) for the terms, with `\` as the escape character. */
export function toLikePatterns(terms: string[]): string[] {
  return terms.map((term) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
