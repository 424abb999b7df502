import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../electron/services/sandbox/rate-limit';

describe('per-key rate limit', () => {
  it('allows the budget per window and says how long to wait after it', () => {
    const limiter = new RateLimiter({ requests: 3, windowMs: 10_000 });
    expect([limiter.take('k', 0), limiter.take('k', 1), limiter.take('k', 2)]).toEqual([undefined, undefined, undefined]);
    expect(limiter.take('k', 2_500)).toBe(8);
    expect(limiter.take('k', 9_999)).toBe(1);
    expect(limiter.take('k', 10_000)).toBeUndefined();
  });
  it('counts keys separately and can be turned off', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 1000 });
    expect(limiter.take('a', 0)).toBeUndefined();
    expect(limiter.take('b', 0)).toBeUndefined();
    expect(limiter.take('a', 0)).toBe(1);
    limiter.configure(false);
    expect(limiter.take('a', 0)).toBeUndefined();
  });
});
