/**
 * A per-profile request budget: at most `requests` request starts in any sliding window of
 * `windowMs`, and at most `concurrency` requests in flight. Clerk limits each instance (one secret
 * key), so a bulk action in the app must queue behind the limit instead of collecting 429s.
 */
import { setTimeout as delay } from 'node:timers/promises';

/** Sleeps for `ms`; rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** How a {@link RateBudget} is sized and clocked. */
export interface RateBudgetOptions {
  /** Request starts allowed per window. */
  requests: number;
  windowMs: number;
  /** Requests allowed in flight at once. */
  concurrency: number;
  /**
   * How much longer than `windowMs` a start keeps counting (default 0). The server counts a
   * request when it arrives, a moment after the budget let it go, and a server with fixed windows
   * (the Sandbox; likely Clerk) would refuse the request let go the very millisecond a start
   * expired; a small margin keeps the budget on the safe side of that edge.
   */
  edgeMarginMs?: number;
  /** Injectable for tests. */
  now?: () => number;
  sleep?: Sleep;
}

/** Which kind of Clerk instance a profile talks to. */
export type InstanceEnvironment = 'development' | 'staging' | 'production';

/** The default sleep: a real timer, abortable. */
export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

/** The budget's use right now: what the status bar's budget meter shows. */
export interface BudgetUsage {
  /** Request starts in the current window. */
  used: number;
  /** Starts allowed per window. */
  limit: number;
  windowMs: number;
  inFlight: number;
  /** Requests waiting for a slot. */
  queued: number;
  /** While a 429's `Retry-After` holds every request back: until when (ms), else null. */
  heldUntil: number | null;
}

/** What {@link RateBudget.acquire} hands out: call it when the request is done; `grantedAt`: when its slot was given (the budget's clock). */
export type BudgetRelease = (() => void) & { readonly grantedAt: number };

/** The holds a budget has imposed and the starts it has granted, in all (for a job's ETA: hold time per request so far). */
export interface HoldStats {
  /** Milliseconds every start was held back by 429s (overlapping holds counted once; the current hold in full). */
  heldMs: number;
  /** Request starts granted. */
  starts: number;
}

interface Waiter {
  resolve: (release: BudgetRelease) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Hands out slots; each holder must call the release function it got exactly when its request is done. */
export class RateBudget {
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private active = 0;
  private pumping = false;
  private pause?: AbortController;
  private heldUntil = 0;
  // When the latest hold began, and the totals of holdStats().
  private holdStartedAt = Number.NEGATIVE_INFINITY;
  private heldMs = 0;
  private granted = 0;
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(readonly options: RateBudgetOptions) {
    for (const key of ['requests', 'windowMs', 'concurrency'] as const) {
      if (!Number.isInteger(options[key]) || options[key] < 1) throw new RangeError(`RateBudget ${key} must be a positive integer.`);
    }
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Requests in flight right now. */
  get inFlight(): number {
    return this.active;
  }

  /** What the budget has used and has waiting, now. */
  usage(): BudgetUsage {
    const now = this.now();
    const cutoff = now - this.options.windowMs - (this.options.edgeMarginMs ?? 0);
    return {
      used: this.starts.filter((start) => start > cutoff).length,
      limit: this.options.requests,
      windowMs: this.options.windowMs,
      inFlight: this.active,
      queued: this.queue.length,
      heldUntil: this.heldUntil > now ? this.heldUntil : null,
    };
  }

  /**
   * Holds back every request start for `ms` (a 429's `Retry-After`): Clerk limits the whole
   * instance, so after one refusal the others would be refused too. A longer hold wins.
   * `sentAt` (the refused request's `grantedAt`): a request that went out before the latest hold
   * began was part of the burst that hold answers, so its wait counts from that hold's start: the
   * 429s of one burst make one hold, not a chain of holds each a moment longer.
   */
  holdFor(ms: number, sentAt?: number): void {
    const now = this.now();
    const sameBurst = sentAt !== undefined && sentAt < this.holdStartedAt;
    const until = Math.max(this.heldUntil, (sameBurst ? this.holdStartedAt : now) + ms);
    if (until <= this.heldUntil) return;
    this.heldMs += until - Math.max(this.heldUntil, now);
    if (!sameBurst && this.heldUntil <= now) this.holdStartedAt = now;
    this.heldUntil = until;
    // A pump asleep on a shorter window gap wakes and sleeps again until the hold ends.
    this.pause?.abort();
  }

  /** How long 429s have held this budget back, and how many starts it has granted, since it was made. */
  holdStats(): HoldStats {
    return { heldMs: this.heldMs, starts: this.granted };
  }

  /** Waits (in arrival order) for a slot; resolves with its release function, rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<BudgetRelease> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => this.abandon(waiter);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      void this.pump();
    });
  }

  private abandon(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return;
    this.queue.splice(index, 1);
    waiter.reject(waiter.signal?.reason);
    // Nobody left to wait for: stop the window timer instead of letting it run out.
    if (this.queue.length === 0) this.pause?.abort();
  }

  // One loop at a time hands out slots, so arrival order is kept and the window is checked once per grant.
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.active < this.options.concurrency) {
        const now = this.now();
        if (now < this.heldUntil) {
          this.pause = new AbortController();
          await this.sleep(this.heldUntil - now, this.pause.signal).catch(() => undefined);
          continue;
        }
        const span = this.options.windowMs + (this.options.edgeMarginMs ?? 0);
        while (this.starts.length > 0 && this.starts[0] <= now - span) this.starts.shift();
        if (this.starts.length >= this.options.requests) {
          this.pause = new AbortController();
          await this.sleep(this.starts[0] + span - now, this.pause.signal).catch(() => undefined);
          continue;
        }
        const waiter = this.queue.shift()!;
        if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
        this.starts.push(now);
        this.granted += 1;
        this.active += 1;
        waiter.resolve(this.releaser(now));
      }
    } finally {
      this.pumping = false;
    }
  }

  private releaser(grantedAt: number): BudgetRelease {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.active -= 1;
      void this.pump();
    };
    return Object.assign(release, { grantedAt });
  }
}

/** How long past its window a start keeps counting in the profiles' budgets (see `edgeMarginMs`): 1 % of the window. */
export const BUDGET_EDGE_MARGIN_MS = 100;

/** Clerk's documented per-instance limits: development 100 req/10 s, production 1000 req/10 s; 8 in flight. */
export function budgetFor(environment: InstanceEnvironment, clock?: Pick<RateBudgetOptions, 'now' | 'sleep'>): RateBudget {
  const requests = environment === 'development' ? 100 : 1000;
  return new RateBudget({ requests, windowMs: 10_000, concurrency: 8, edgeMarginMs: BUDGET_EDGE_MARGIN_MS, ...clock });
}
