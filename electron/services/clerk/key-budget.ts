/**
 * Pacing per key (one user, one organization): at most `requests` starts in any sliding window of
 * `windowMs` for the same key, on top of the profile's instance-wide budget. Clerk allows 10
 * metadata and user updates per 10 s per user; a call over that waits for the window to free
 * instead of collecting a 429. Waiters of one key go in arrival order; a wait is abortable.
 */
import type { ClerkMiddleware } from './call';
import { networkError } from './errors';
import { realSleep, type Sleep } from './rate-budget';

/** How many starts one key may make per window. */
export interface KeyLimit {
  requests: number;
  windowMs: number;
}

/** How a {@link KeyBudget} is clocked (injectable for tests). */
export interface KeyBudgetOptions {
  now?: () => number;
  sleep?: Sleep;
}

/** Keys kept before a sweep drops those whose window has emptied. */
const SWEEP_ABOVE = 1_000;

/** Sliding windows per key; each {@link KeyBudget.wait} resolves when the call may start. */
export class KeyBudget {
  private readonly starts = new Map<string, number[]>();
  private readonly tails = new Map<string, Promise<void>>();
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(options: KeyBudgetOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Waits (behind earlier waiters of the same key) until `key` has room in its window, then counts a start. */
  wait(key: string, limit: KeyLimit, signal?: AbortSignal): Promise<void> {
    if (!Number.isInteger(limit.requests) || limit.requests < 1 || !(limit.windowMs > 0)) throw new RangeError(`KeyBudget: invalid limit for ${key}.`);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const previous = this.tails.get(key) ?? Promise.resolve();
    // An earlier waiter that was aborted must not hold up the ones behind it.
    const mine = previous.catch(() => undefined).then(() => this.take(key, limit, signal));
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }

  /** Starts counted in `key`'s current window (for tests and progress). */
  recent(key: string, windowMs: number): number {
    return this.prune(key, windowMs).length;
  }

  private async take(key: string, limit: KeyLimit, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const starts = this.prune(key, limit.windowMs);
      if (starts.length < limit.requests) {
        starts.push(this.now());
        this.starts.set(key, starts);
        if (this.starts.size > SWEEP_ABOVE) this.sweep(limit.windowMs);
        return;
      }
      await this.sleep(starts[starts.length - limit.requests] + limit.windowMs - this.now(), signal);
    }
  }

  private prune(key: string, windowMs: number): number[] {
    const cutoff = this.now() - windowMs;
    const starts = (this.starts.get(key) ?? []).filter((at) => at > cutoff);
    if (starts.length === 0) this.starts.delete(key);
    else this.starts.set(key, starts);
    return starts;
  }

  private sweep(windowMs: number): void {
    for (const key of [...this.starts.keys()]) this.prune(key, windowMs);
  }
}

/**
 * The pipeline stage that paces calls carrying `pacing` (operations declared with `perUserLimit`)
 * through `budget`; a call cancelled while it waits fails as cancelled and is never sent.
 */
export function keyPacing(budget: KeyBudget): ClerkMiddleware {
  return async (call, next) => {
    if (call.pacing) {
      try {
        await budget.wait(call.pacing.key, call.pacing, call.signal);
      } catch (error) {
        if (error instanceof RangeError) throw error;
        throw networkError('request_cancelled', `The request ${call.method} ${call.path} was cancelled while it waited for Clerk's per-user limit.`);
      }
    }
    return next(call);
  };
}
