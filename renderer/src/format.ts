/** Display formatting shared by the views: Clerk's millisecond timestamps and JSON. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A Clerk timestamp (Unix ms) as local date and time; `fallback` when absent. */
export function formatDateTime(ms: number | null | undefined, fallback = '—'): string {
  return typeof ms === 'number' && Number.isFinite(ms) ? dateTime.format(ms) : fallback;
}

/** Like {@link formatDateTime}, with seconds (detail views). */
export function formatDateTimePrecise(ms: number | null | undefined, fallback = '—'): string {
  return typeof ms === 'number' && Number.isFinite(ms) ? dateTimeSeconds.format(ms) : fallback;
}

/** A Clerk timestamp as a local date only. */
export function formatDate(ms: number | null | undefined, fallback = '—'): string {
  return typeof ms === 'number' && Number.isFinite(ms) ? dateOnly.format(ms) : fallback;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString();
}

/** Pretty JSON for metadata blocks; `{}` for absent values. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}
