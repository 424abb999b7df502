import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyBudget, keyPacing } from '../../../electron/services/clerk/key-budget';
import { operations } from '../../../electron/services/clerk/operations';
import { json, scriptedClient, startScriptServer, type ScriptServer } from './script-server';

/** A clock that moves only when told, and sleeps that wait until the test releases them (then advance the clock). */
function heldClock(start = 100_000) {
  const state = { now: start, sleeps: [] as { ms: number; release: () => void; rejected: boolean }[] };
  return {
    state,
    now: () => state.now,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const entry = {
          ms,
          rejected: false,
          release: () => {
            state.now += ms;
            resolve();
          },
        };
        signal?.addEventListener('abort', () => ((entry.rejected = true), reject(signal.reason)), { once: true });
        state.sleeps.push(entry);
      }),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const LIMIT = { requests: 10, windowMs: 10_000 };

describe('KeyBudget (per-user pacing)', () => {
  it('lets 10 starts of one key through, holds the 11th until the oldest leaves the window, and never fails it', async () => {
    const clock = heldClock();
    const budget = new KeyBudget(clock);
    for (let i = 0; i < 10; i += 1) {
      await budget.wait('user_id=user_a', LIMIT);
      clock.state.now += 100; // ten starts over 0.9 s
    }
    expect(clock.state.sleeps).toEqual([]);
    let eleventh = 'waiting';
    const pending = budget.wait('user_id=user_a', LIMIT).then(() => (eleventh = 'started'), () => (eleventh = 'failed'));
    await settle();
    expect(eleventh).toBe('waiting');
    // The first start was at 100 000 and the clock stands at 101 000: the window frees it in 9 s.
    expect(clock.state.sleeps.map((s) => s.ms)).toEqual([9_000]);
    // Another user is not held up by this one.
    await budget.wait('user_id=user_b', LIMIT);
    clock.state.sleeps[0].release();
    await pending;
    expect(eleventh).toBe('started');
    expect(budget.recent('user_id=user_a', LIMIT.windowMs)).toBe(10);
  });

  it('an aborted wait rejects and the waiters behind it keep their turn', async () => {
    const clock = heldClock();
    const budget = new KeyBudget(clock);
    for (let i = 0; i < 10; i += 1) await budget.wait('k', LIMIT);
    const abort = new AbortController();
    const cancelled = budget.wait('k', LIMIT, abort.signal);
    const next = budget.wait('k', LIMIT);
    await settle();
    abort.abort(new Error('closed'));
    await expect(cancelled).rejects.toThrow('closed');
    await settle();
    clock.state.sleeps.at(-1)!.release();
    await expect(next).resolves.toBeUndefined();
  });
});

describe('per-user pacing in the client pipeline', () => {
  let server: ScriptServer;
  beforeEach(async () => {
    server = await startScriptServer();
  });
  afterEach(() => server.close());

  it('operations declared with perUserLimit (metadata and user updates) share it: the 11th update within 10 s waits, then succeeds', async () => {
    expect(operations.users.updateMetadata.perUserLimit).toEqual({ param: 'user_id', requests: 10, windowMs: 10_000 });
    const clock = heldClock();
    const { client } = scriptedClient(server, { middleware: [keyPacing(new KeyBudget(clock))] });
    server.otherwise(json(200, { object: 'user', id: 'user_1' }));
    const updates = Array.from({ length: 11 }, (_, i) =>
      client.run(operations.users.updateMetadata, { user_id: 'user_1' }, { body: { public_metadata: { n: i } } }),
    );
    await expect.poll(() => server.received.length).toBe(10);
    await settle();
    expect(server.received.length).toBe(10);
    expect(clock.state.sleeps.map((s) => s.ms)).toEqual([10_000]);
    clock.state.sleeps[0].release();
    const results = await Promise.all(updates);
    expect(results).toHaveLength(11);
    expect(server.received.map((r) => JSON.parse(r.body.toString()).public_metadata.n)).toContain(10);
    // A read is never paced.
    await client.run(operations.users.get, { user_id: 'user_1' });
    expect(clock.state.sleeps).toHaveLength(1);
  });
});
