/**
 * The rate budget's parts for bulk jobs (issue 10): a 429's hold stops every start of the profile
 * until it ends, the edge margin keeps a start counted a little past its window, and `usage()`
 * feeds the budget meter. A fake clock moves only when the budget sleeps.
 */
import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../../electron/services/clerk/client';
import { BUDGET_EDGE_MARGIN_MS, RateBudget, budgetFor } from '../../../electron/services/clerk/rate-budget';
import { operations } from '../../../electron/services/clerk/operations';

function fakeClock(start = 0) {
  const clock = { now: start, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.now += ms;
    },
  };
}

describe('RateBudget hold, edge margin and usage', () => {
  it('holds every start back until a hold ends, and a longer hold wins over a shorter one', async () => {
    const { clock, now, sleep } = fakeClock(1_000);
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 8, now, sleep });
    budget.holdFor(2_000);
    budget.holdFor(500); // shorter: does not shorten the hold
    expect(budget.usage().heldUntil).toBe(3_000);
    (await budget.acquire())();
    expect(clock.now).toBe(3_000);
    expect(clock.sleeps).toEqual([2_000]);
    expect(budget.usage().heldUntil).toBeNull();
  });

  it('keeps a start counted for the edge margin past its window', async () => {
    const { clock, now, sleep } = fakeClock(0);
    const budget = new RateBudget({ requests: 1, windowMs: 10_000, concurrency: 1, edgeMarginMs: 100, now, sleep });
    (await budget.acquire())();
    (await budget.acquire())();
    expect(clock.now).toBe(10_100);
    expect(budgetFor('production').options.edgeMarginMs).toBe(BUDGET_EDGE_MARGIN_MS);
  });

  it('reports the starts of the current window, the requests in flight and the ones waiting', async () => {
    const { clock, now } = fakeClock(0);
    const budget = new RateBudget({ requests: 3, windowMs: 10_000, concurrency: 2, now, sleep: () => new Promise(() => {}) });
    const first = await budget.acquire();
    await budget.acquire();
    void budget.acquire();
    expect(budget.usage()).toEqual({ used: 2, limit: 3, windowMs: 10_000, inFlight: 2, queued: 1, heldUntil: null });
    first();
    await new Promise((resolve) => setImmediate(resolve));
    expect(budget.usage()).toMatchObject({ used: 3, inFlight: 2, queued: 0 });
    clock.now = 10_001;
    expect(budget.usage().used).toBe(0);
  });

  it('is held by the client when Clerk answers 429 with Retry-After, so other calls of the profile wait too', async () => {
    const { now, sleep } = fakeClock(0);
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 8, now, sleep });
    let calls = 0;
    const fetch = (async () => {
      calls += 1;
      return calls === 1
        ? new Response(JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'Too many requests' }] }), { status: 429, headers: { 'Retry-After': '3' } })
        : new Response(JSON.stringify({ object: 'total_count', total_count: 1 }), { status: 200 });
    }) as typeof globalThis.fetch;
    const holds: number[] = [];
    const hold = budget.holdFor.bind(budget);
    budget.holdFor = (ms) => (holds.push(ms), hold(ms));
    const client = createClerkClient({ apiUrl: 'http://127.0.0.1:9/v1', secretKey: async () => 'sk_test_x', fetch, budget, sleep: async () => {}, now });
    await client.run(operations.users.count, {});
    expect(holds).toEqual([3_000]);
    expect(calls).toBe(2);
  });
});
