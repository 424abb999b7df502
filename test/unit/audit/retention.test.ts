import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { intentInput, successOutcome, tempLog, type TempLog } from './helpers';
import { pruneExpired } from '../../../electron/services/audit/retention';

const DAY = 86_400_000;

describe('retention', () => {
  let t: TempLog;
  let now: number;
  beforeEach(() => {
    now = Date.UTC(2026, 5, 1);
    t = tempLog({ clock: () => now });
  });
  afterEach(() => t.cleanup());

  /** Appends a change (intent + outcome) `daysAgo` days before now. */
  const changeAt = (daysAgo: number, overrides = {}) => {
    const ts = now - daysAgo * DAY;
    const seq = t.log.appendIntent(intentInput({ ts, ...overrides })).seq;
    t.log.appendOutcome(seq, successOutcome({ ts: ts + 10 }));
    return seq;
  };

  it('keeps forever by default: pruning does nothing', async () => {
    changeAt(400);
    expect(t.log.getRetention()).toBeNull();
    expect(await pruneExpired(t.log)).toEqual({ pruned: 0, checkpointSeq: null });
    expect(t.log.count()).toBe(1);
  });

  it('records a change of the retention setting in the chain', () => {
    t.log.setRetention(30);
    expect(t.log.getRetention()).toBe(30);
    const record = JSON.parse((t.log.db.prepare('SELECT json FROM audit_records WHERE seq = 1').get() as { json: string }).json);
    expect(record).toMatchObject({ kind: 'retention', days: 30, actor: { user: 'tester', host: 'test-host' }, appVersion: '9.9.9' });
    t.log.setRetention(null);
    expect(t.log.getRetention()).toBeNull();
  });

  it('rejects a retention that is not a whole number of days', () => {
    expect(() => t.log.setRetention(0)).toThrow(AppError);
    expect(() => t.log.setRetention(1.5)).toThrow(/whole number of days/);
  });

  it('prunes through a signed-off checkpoint and the rest still verifies', async () => {
    changeAt(100, { target: { type: 'user', id: 'user_old' }, body: { first_name: 'Oldname' } }); // seqs 1-2
    changeAt(95); // 3-4
    const unknownOld = t.log.appendIntent(intentInput({ ts: now - 90 * DAY })).seq; // 5, never answered
    t.log.setRetention(30); // 6 (recorded now, so kept)
    const recent = changeAt(2); // 7-8
    const progress: number[] = [];
    const result = await pruneExpired(t.log, { onProgress: (p) => progress.push(p.done) });

    expect(result).toEqual({ pruned: 5, checkpointSeq: 9 });
    expect(progress.at(-1)).toBe(5);
    const checkpoint = JSON.parse((t.log.db.prepare('SELECT json FROM audit_records WHERE seq = 9').get() as { json: string }).json);
    expect(checkpoint).toMatchObject({
      kind: 'checkpoint',
      actor: { user: 'tester', host: 'test-host' },
      ts: now,
      retentionDays: 30,
      cutoff: now - 30 * DAY,
      prunedCount: 5,
      prunedFromSeq: 1,
      prunedThrough: { seq: 5 },
    });
    expect(checkpoint.prunedThrough.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.log.list().rows.map((row) => row.seq)).toEqual([recent]);
    expect(t.log.list({ outcome: 'unknown' }).rows).toEqual([]);
    expect(t.log.list({ text: 'Oldname' }).rows).toEqual([]);
    expect(t.log.get(unknownOld)).toBeNull();
    expect(await t.log.verify()).toMatchObject({ ok: true, firstSeq: 6, anchorCheckpointSeq: 9, checked: 4 });

    // The guard still refuses records no checkpoint covers.
    expect(() => t.log.db.exec(`DELETE FROM audit_records WHERE seq = ${recent}`)).toThrow(/retention checkpoint/);
  });

  it('prunes a log that searches without FTS5 as well', async () => {
    const like = tempLog({ clock: () => now, fullTextSearch: false });
    try {
      const old = like.log.appendIntent(intentInput({ ts: now - 50 * DAY })).seq;
      like.log.appendOutcome(old, successOutcome({ ts: now - 50 * DAY }));
      like.log.setRetention(7);
      expect(await pruneExpired(like.log)).toEqual({ pruned: 2, checkpointSeq: 4 });
      expect(like.log.list({ text: 'user_1' }).rows).toEqual([]);
      expect((await like.log.verify()).ok).toBe(true);
    } finally {
      like.cleanup();
    }
  });

  it('prunes again later from the previous checkpoint', async () => {
    t.log.setRetention(30);
    changeAt(60);
    await pruneExpired(t.log);
    changeAt(1);
    now += 40 * DAY;
    const second = await pruneExpired(t.log);
    expect(second.pruned).toBeGreaterThan(0);
    const result = await t.log.verify();
    expect(result).toMatchObject({ ok: true, anchorCheckpointSeq: second.checkpointSeq });
    expect(t.log.count()).toBe(0);
  });

  it('finishes a prune that stopped between its checkpoint and the deletes', async () => {
    changeAt(50);
    changeAt(40); // seqs 1-4
    const { hash } = t.log.db.prepare('SELECT hash FROM audit_records WHERE seq = 4').get() as { hash: string };
    // What a prune commits first; then the app "stops" before deleting anything.
    t.log.appendRecord((seq) => ({
      v: 1,
      kind: 'checkpoint',
      seq,
      ts: now,
      actor: t.log.actor,
      appVersion: t.log.appVersion,
      retentionDays: 10,
      cutoff: now - 10 * DAY,
      prunedCount: 4,
      prunedFromSeq: 1,
      prunedThrough: { seq: 4, hash },
    }));
    expect(await t.log.verify()).toMatchObject({ ok: true, firstSeq: 5, anchorCheckpointSeq: 5, checked: 1 });
    expect(await pruneExpired(t.log)).toEqual({ pruned: 4, checkpointSeq: null });
    expect(t.log.count()).toBe(0);
    expect(await t.log.verify()).toMatchObject({ ok: true, firstSeq: 5 });
  });
});
