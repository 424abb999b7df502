/**
 * Per-key request budget in fixed windows, like Clerk's instance rate limits (development:
 * 100 requests per 10 s). Over budget → 429 with `Retry-After` (whole seconds).
 */
import type { RateLimitSetting } from './settings';

/** Counts requests per key within the current window. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private setting: RateLimitSetting) {}

  /** Applies a new budget (resets the counters). */
  configure(setting: RateLimitSetting): void {
    this.setting = setting;
    this.windows.clear();
  }

  /** Counts one request; returns undefined when allowed, else the seconds to wait. */
  take(key: string, now: number): number | undefined {
    if (this.setting === false) return undefined;
    const { requests, windowMs } = this.setting;
    let window = this.windows.get(key);
    if (!window || now >= window.start + windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= requests) return Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    window.count += 1;
    return undefined;
  }
}
