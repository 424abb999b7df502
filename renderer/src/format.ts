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

/** The units of {@link formatFromNow} and of lifetimes, largest first, with their length in ms. */
export const TIME_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'always', style: 'long' });

/** "in 14 minutes", "in 3 days", "2 hours ago": from `now` to `at` (Unix ms), in the largest whole unit. The app's one relative time. */
export function formatFromNow(at: number, now: number): string {
  const delta = at - now;
  const size = Math.abs(delta);
  const [unit, ms] = TIME_UNITS.find(([, length]) => size >= length) ?? TIME_UNITS[TIME_UNITS.length - 1];
  // Whole units only, rounded towards now: 14 min 59 s left reads "in 14 minutes", never "in 15".
  return relative.format(Math.trunc(delta / ms), unit);
}
