/**
 * Display formatting shared by the views: times (Clerk's and the audit log's Unix milliseconds),
 * counts and JSON. Every time in the app is shown by {@link formatTime}, in one format: the
 * locale's date and time to the second, on the locale's own 12- or 24-hour clock.
 */

// No `hour12` / `hourCycle`: the locale decides between 12- and 24-hour time.
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const isTime = (ms: number | null | undefined): ms is number => typeof ms === 'number' && Number.isFinite(ms);

/** A time (Unix ms) as the local date and time to the second; `fallback` when absent. The app's one time format. */
export function formatTime(ms: number | null | undefined, fallback = '—'): string {
  return isTime(ms) ? time.format(ms) : fallback;
}

/** The date part of {@link formatTime} alone, for narrow table cells (give the cell {@link formatTime} as its title). */
export function formatDate(ms: number | null | undefined, fallback = '—'): string {
  return isTime(ms) ? dateOnly.format(ms) : fallback;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString();
}

/** Pretty JSON for metadata blocks; `{}` for absent values. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}
