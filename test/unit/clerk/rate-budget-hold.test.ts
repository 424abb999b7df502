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

  it('makes one hold of the 429s of one burst: a request sent before the hold began does not push it further', async () => {
    const { clock, now, sleep } = fakeClock(0);
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 8, now, sleep });
    const burst = [await budget.acquire(), await budget.acquire(), await budget.acquire()];
    clock.now = 10;
    budget.holdFor(1_000, burst[0]!.grantedAt);
    clock.now = 25; // two more refusals of the same burst come back a moment later
    budget.holdFor(1_000, burst[1]!.grantedAt);
    budget.holdFor(1_000, burst[2]!.grantedAt);
    expect(budget.usage().heldUntil).toBe(1_010);
    expect(budget.holdStats()).toEqual({ heldMs: 1_000, starts: 3 });
    // A longer Retry-After from the same burst still wins, counted from the hold's start.
    budget.holdFor(3_000, burst[2]!.grantedAt);
    expect(budget.usage().heldUntil).toBe(3_010);
    expect(budget.holdStats().heldMs).toBe(3_000);
  });

  it('holds again for a refusal of a request sent after the hold (a new burst)', async () => {
    const { clock, now, sleep } = fakeClock(0);
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 8, now, sleep });
    budget.holdFor(1_000, (await budget.acquire()).grantedAt);
    const after = await budget.acquire();
    expect(after.grantedAt).toBe(1_000);
    clock.now = 1_005;
    budget.holdFor(1_000, after.grantedAt);
    expect(budget.usage().heldUntil).toBe(2_005);
    expect(budget.holdStats()).toEqual({ heldMs: 2_000, starts: 2 });
  });

  it('lets every waiting request go at once when a hold ends (no slow start): the rest of the window is not wasted', async () => {
    const { clock, now, sleep } = fakeClock(0);
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 8, now, sleep });
    budget.holdFor(1_000);
    const slots = await Promise.all(Array.from({ length: 8 }, () => budget.acquire()));
    expect(slots.map((slot) => slot.grantedAt)).toEqual(Array(8).fill(1_000));
    expect(clock.sleeps).toEqual([1_000]);
    for (const release of slots) release();
    // Then at the window's pace: 92 more fit in the window that began before the hold.
    const next = await Promise.all(Array.from({ length: 8 }, () => budget.acquire()));
    expect(next.every((slot) => slot.grantedAt === 1_000)).toBe(true);
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
    budget.holdFor = (ms, sentAt) => (holds.push(ms), hold(ms, sentAt));
    const client = createClerkClient({ apiUrl: 'http://127.0.0.1:9/v1', secretKey: async () => 'sk_test_x', fetch, budget, sleep: async () => {}, now });
    await client.run(operations.users.count, {});
    expect(holds).toEqual([3_000]);
    expect(calls).toBe(2);
  });

  it('passes each refused request\'s send time, so two 429s of one burst hold the profile once', async () => {
    const { clock, now, sleep } = fakeClock(0);
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 8, now, sleep });
    let calls = 0;
    const fetch = (async () => {
      const call = (calls += 1);
      // The second refusal comes back once the first has set its hold, a moment later.
      if (call === 2) while (budget.holdStats().heldMs === 0) await new Promise((resolve) => setImmediate(resolve));
      clock.now += call === 2 ? 15 : 5;
      return call <= 2
        ? new Response(JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'Too many requests' }] }), { status: 429, headers: { 'Retry-After': '1' } })
        : new Response(JSON.stringify({ object: 'total_count', total_count: 1 }), { status: 200 });
    }) as typeof globalThis.fetch;
    const client = createClerkClient({ apiUrl: 'http://127.0.0.1:9/v1', secretKey: async () => 'sk_test_x', fetch, budget, sleep: async () => {}, now });
    await Promise.all([client.run(operations.users.count, {}), client.run(operations.users.count, {})]);
    expect(budget.holdStats().heldMs).toBe(1_000);
  });
});
