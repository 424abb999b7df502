/**
 * Writing to SQLite while another process holds its write lock, without freezing main. `node:sqlite`
 * is synchronous: with a long `busy_timeout` every write waits for the lock on main's thread (the
 * window stops for the whole wait). So connections use a short busy timeout, and the writes that
 * must get through (the audit log's) retry on timers in between, for a bounded total.
 */
import { findLockHolders, type LockHolder } from './lock-holder';

/**
 * The `busy_timeout` of the app's connections: the longest one write blocks the thread while the
 * database is locked (short enough that the window does not visibly stop).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 50;
/** How long {@link retryWhileBusy} keeps trying by default before it gives up. */
export const BUSY_RETRY_TOTAL_MS = 5_000;
/** The first pause between attempts (doubling, up to {@link BUSY_RETRY_MAX_PAUSE_MS}). */
export const BUSY_RETRY_FIRST_PAUSE_MS = 10;
/** The longest pause between two attempts. */
export const BUSY_RETRY_MAX_PAUSE_MS = 250;

/** How {@link retryWhileBusy} waits (injectable for tests). */
export interface BusyRetryOptions {
  /** Total time to keep trying (default {@link BUSY_RETRY_TOTAL_MS}). */
  totalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The database file stayed locked by another connection for the whole retry window. */
export class DatabaseBusyError extends Error {
  /** The processes that had the file open when the retries gave up (empty when unknown). */
  readonly holders: LockHolder[];

  constructor(
    readonly file: string | undefined,
    readonly waitedMs: number,
    cause: unknown,
  ) {
    const holders = file ? findLockHolders(file) : [];
    super(`${describeHolders(holders)} has kept the database locked for ${(waitedMs / 1000).toFixed(1)} s`, { cause });
    this.name = 'DatabaseBusyError';
    this.holders = holders;
  }
}

/** "another program", or "process 123 (sqlite3 clerk-admin.sqlite)" and the others that have the file open. */
export function describeHolders(holders: readonly LockHolder[]): string {
  if (holders.length === 0) return 'another program';
  const named = holders.slice(0, 3).map((h) => `process ${h.pid}${h.command ? ` (${h.command})` : ''}`);
  const more = holders.length > 3 ? ` and ${holders.length - 3} more` : '';
  return `${holders.length > 1 ? 'one of ' : ''}${named.join(', ')}${more}`;
}

/** True for SQLite's SQLITE_BUSY (any extended form) as `node:sqlite` reports it. */
export function isDatabaseBusy(error: unknown): boolean {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode === 'number') return (errcode & 0xff) === 5;
  return error instanceof Error && /database is locked/i.test(error.message);
}

/**
 * Runs `write` (a synchronous SQLite write); while it fails with SQLITE_BUSY, tries again after a
 * timer, so the event loop runs between attempts. Throws {@link DatabaseBusyError} (naming the
 * processes that hold `file`, where the OS tells) once `totalMs` has passed; other errors at once.
 */
export async function retryWhileBusy<T>(write: () => T, file: string | undefined, options: BusyRetryOptions = {}): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const totalMs = options.totalMs ?? BUSY_RETRY_TOTAL_MS;
  const started = now();
  let pause = BUSY_RETRY_FIRST_PAUSE_MS;
  for (;;) {
    try {
      return write();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      const elapsed = now() - started;
      if (elapsed >= totalMs) throw new DatabaseBusyError(file, elapsed, error);
      await sleep(Math.min(pause, totalMs - elapsed));
      pause = Math.min(pause * 2, BUSY_RETRY_MAX_PAUSE_MS);
    }
  }
}
