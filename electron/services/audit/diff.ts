/**
 * The difference between a record's state before and after a change, leaf by leaf, with JSON
 * Pointer paths, so the detail drawer can show "first_name: Ann → Anna" without re-deriving it.
 */
import type { AuditDiffEntry } from '../../../shared/audit/types';

/** Changed leaves from `before` to `after` (plain JSON data); arrays are compared index by index. */
export function diffStates(before: unknown, after: unknown): AuditDiffEntry[] {
  const out: AuditDiffEntry[] = [];
  compare(before, after, '', out);
  return out;
}

function compare(before: unknown, after: unknown, path: string, out: AuditDiffEntry[]): void {
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      const child = `${path}/${escapePointer(key)}`;
      const hasBefore = Object.hasOwn(before, key);
      const hasAfter = Object.hasOwn(after, key);
      const b = (before as Record<string, unknown>)[key];
      const a = (after as Record<string, unknown>)[key];
      if (!hasBefore) out.push({ path: child, after: a });
      else if (!hasAfter) out.push({ path: child, before: b });
      else compare(b, a, child, out);
    }
    return;
  }
  if (!sameLeaf(before, after)) out.push({ path: path || '/', before, after });
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (isContainer(a) || isContainer(b)) return JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
