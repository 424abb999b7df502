import { describe, expect, it } from 'vitest';
import { RateBudget, budgetFor } from '../../../electron/services/clerk/rate-budget';

/** A clock that only moves when the budget sleeps, and a record of those sleeps. */
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

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RateBudget', () => {
  it('lets N starts through in a window and delays the next one until the oldest leaves the window', async () => {
    const { clock, now, sleep } = fakeClock(50_000);
    const budget = new RateBudget({ requests: 3, windowMs: 10_000, concurrency: 10, now, sleep });
    for (let i = 0; i < 3; i += 1) {
      (await budget.acquire())();
      clock.now += 1_000;
    }
    expect(clock.sleeps).toEqual([]);
    (await budget.acquire())();
    // The first start was at 50 000; the window frees it at 60 000, and the clock stood at 53 000.
    expect(clock.sleeps).toEqual([7_000]);
    expect(clock.now).toBe(60_000);
  });

  it('caps requests in flight and hands slots out in arrival order', async () => {
    const { now, sleep } = fakeClock();
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 2, now, sleep });
    const order: string[] = [];
    const first = await budget.acquire();
    const second = await budget.acquire();
    const third = budget.acquire().then((release) => (order.push('third'), release));
    const fourth = budget.acquire().then((release) => (order.push('fourth'), release));
    await settle();
    expect(order).toEqual([]);
    expect(budget.inFlight).toBe(2);
    first();
    first(); // releasing twice must not free a second slot
    await settle();
    expect(order).toEqual(['third']);
    second();
    await settle();
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    expect(budget.inFlight).toBe(0);
  });

  it('rejects a waiter whose signal aborts, and the others keep their turn', async () => {
    const { now, sleep } = fakeClock();
    const budget = new RateBudget({ requests: 100, windowMs: 10_000, concurrency: 1, now, sleep });
    const held = await budget.acquire();
    const controller = new AbortController();
    const cancelled = budget.acquire(controller.signal);
    const next = budget.acquire();
    controller.abort(new Error('user cancelled'));
    await expect(cancelled).rejects.toThrow('user cancelled');
    held();
    (await next)();
    expect(budget.inFlight).toBe(0);
    await expect(budget.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('stops waiting for the window when the only waiter aborts', async () => {
    let sleeping = false;
    let wokenByAbort = false;
    const budget = new RateBudget({
      requests: 1,
      windowMs: 10_000,
      concurrency: 1,
      now: () => 0,
      // A sleep that only ends when aborted, like a real timer that is cancelled.
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          sleeping = true;
          signal?.addEventListener('abort', () => {
            wokenByAbort = true;
            reject(new Error('woken'));
          });
        }),
    });
    (await budget.acquire())();
    const controller = new AbortController();
    const waiting = budget.acquire(controller.signal);
    await settle();
    expect(sleeping).toBe(true);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(wokenByAbort).toBe(true);
  });

  it('refuses nonsense sizes', () => {
    expect(() => new RateBudget({ requests: 0, windowMs: 1, concurrency: 1 })).toThrow('requests must be a positive integer');
    expect(() => new RateBudget({ requests: 1, windowMs: 1, concurrency: 1.5 })).toThrow('concurrency must be a positive integer');
  });
});

describe('budgetFor', () => {
  it("uses Clerk's limits: 100/10 s for development, 1000/10 s otherwise, 8 in flight", () => {
    expect(budgetFor('development').options).toMatchObject({ requests: 100, windowMs: 10_000, concurrency: 8 });
    expect(budgetFor('staging').options).toMatchObject({ requests: 1000, windowMs: 10_000, concurrency: 8 });
    expect(budgetFor('production').options).toMatchObject({ requests: 1000, windowMs: 10_000, concurrency: 8 });
    expect(budgetFor('development')).not.toBe(budgetFor('development'));
  });
});
