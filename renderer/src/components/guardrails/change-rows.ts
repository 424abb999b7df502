/** The rows of a change preview: each field whose value a change would alter, before and after. */

/** One changed field. `before`/`after` are undefined when the field is absent on that side. */
export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields of `after` whose value differs from `before` (compared as JSON), in `after`'s key
 * order, labelled with `labels[field]` when given.
 */
export function changeRows(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>> = {}): ChangeRow[] {
  return Object.keys(after)
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field: labels[field] ?? field, before: before[field], after: after[field] }));
}

/** A value as the preview shows it: text as is, nothing as "(none)", anything else as compact JSON. */
export function previewValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
