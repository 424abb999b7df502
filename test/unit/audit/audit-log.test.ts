import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { openAuditLog, type AuditFilter } from '../../../electron/services/audit';
import { intentInput, steppingClock, successOutcome, tempLog, type TempLog } from './helpers';

let t: TempLog;
beforeEach(() => {
  t = tempLog({ clock: steppingClock() });
});
afterEach(() => t.cleanup());

describe('AuditLog appends', () => {
  it('merges an intent and its outcome into one change', () => {
    const intent = t.log.appendIntent(intentInput({ bulkId: 'bulk_1' }));
    t.log.appendOutcome(intent.seq, successOutcome({ durationMs: 87, traceId: 'trace_9' }));
    const { rows, nextBefore } = t.log.list();
    expect(nextBefore).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      seq: 1,
      action: 'users.update',
      method: 'PATCH',
      route: '/users/{user_id}',
      path: '/users/user_1',
      target: { type: 'user', id: 'user_1' },
      profile: { id: 'prof_1', name: 'Acme Production', environment: 'production' },
      instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '3f9a0c4be172' },
      actor: { user: 'alice', host: 'alice-laptop' },
      appVersion: '1.2.3',
      bulkId: 'bulk_1',
      outcome: 'success',
      status: 200,
      traceId: 'trace_9',
      durationMs: 87,
    });
    expect(rows[0].completedAt).toBeGreaterThan(rows[0].time);
  });

  it('shows an intent without an outcome as "unknown"', () => {
    t.log.appendIntent(intentInput());
    expect(t.log.list().rows[0]).toMatchObject({ outcome: 'unknown', status: null, durationMs: null, completedAt: null });
  });

  it('stores canonical JSON chained with SHA-256 over the previous hash', () => {
    const first = t.log.appendIntent(intentInput());
    const second = t.log.appendOutcome(first.seq, successOutcome());
    const rows = t.log.db.prepare('SELECT seq, json, hash FROM audit_records ORDER BY seq').all() as { seq: number; json: string; hash: string }[];
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(rows[0].hash).toBe(sha('0'.repeat(64) + rows[0].json));
    expect(rows[1].hash).toBe(sha(rows[0].hash + rows[1].json));
    expect([first.hash, second.hash]).toEqual([rows[0].hash, rows[1].hash]);
    const keys = Object.keys(JSON.parse(rows[0].json));
    expect(keys).toEqual([...keys].sort());
    expect(JSON.parse(rows[1].json)).toMatchObject({ kind: 'outcome', seq: 2, intentSeq: 1, v: 1 });
  });

  it('takes exactly one outcome per intent', () => {
    const intent = t.log.appendIntent(intentInput());
    t.log.appendOutcome(intent.seq, successOutcome());
    expect(() => t.log.appendOutcome(intent.seq, successOutcome())).toThrow(/already has an outcome/);
    expect(() => t.log.appendOutcome(99, successOutcome())).toThrow(/does not exist/);
    expect(t.log.head()?.seq).toBe(2);
  });

  it('rejects an incomplete intent without writing anything', () => {
    expect(() => t.log.appendIntent(intentInput({ action: '' }))).toThrow(/"action"/);
    expect(() => t.log.appendIntent(intentInput({ method: 'HEAD' as never }))).toThrow(/"method"/);
    expect(() => t.log.appendIntent(intentInput({ ts: 1.5 }))).toThrow(/"ts"/);
    expect(t.log.head()).toBeNull();
  });

  it('rolls a failed batch back entirely', () => {
    expect(() =>
      t.log.appendBatch(() => {
        t.log.appendIntent(intentInput());
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(t.log.head()).toBeNull();
    t.log.appendBatch(() => t.log.appendOutcome(t.log.appendIntent(intentInput()).seq, successOutcome()));
    expect(t.log.head()?.seq).toBe(2);
  });

  it('continues the chain after the file is reopened', async () => {
    t.log.appendIntent(intentInput());
    t.log.close();
    const reopened = openAuditLog(t.path);
    try {
      expect(reopened.appendIntent(intentInput()).seq).toBe(2);
      expect((await reopened.verify()).ok).toBe(true);
    } finally {
      reopened.close();
    }
  });
});

describe('AuditLog guards', () => {
  it('refuses UPDATE and DELETE through a normal connection', () => {
    t.log.appendIntent(intentInput());
    expect(() => t.log.db.exec(`UPDATE audit_records SET json = '{}' WHERE seq = 1`)).toThrow(/append-only/);
    expect(() => t.log.db.exec('UPDATE audit_records SET hash = hash WHERE seq = 1')).toThrow(/append-only/);
    expect(() => t.log.db.exec('DELETE FROM audit_records WHERE seq = 1')).toThrow(/retention checkpoint/);
    expect(t.log.head()?.seq).toBe(1);
  });

  it('refuses a record that skips or reuses a seq', () => {
    t.log.appendIntent(intentInput());
    expect(() => t.log.db.prepare('INSERT INTO audit_records (seq, json, hash) VALUES (?, ?, ?)').run(5, '{}', 'x')).toThrow(/next seq/);
    expect(() => t.log.db.prepare('INSERT INTO audit_records (seq, json, hash) VALUES (?, ?, ?)').run(1, '{}', 'x')).toThrow();
  });
});

describe('AuditLog queries', () => {
  beforeEach(() => {
    const add = (overrides: Parameters<typeof intentInput>[0], outcome?: Parameters<typeof successOutcome>[0] | 'none') => {
      const intent = t.log.appendIntent(intentInput(overrides));
      if (outcome !== 'none') t.log.appendOutcome(intent.seq, successOutcome(outcome));
      return intent.seq;
    };
    add({}); // seq 1 (outcome 2)
    add({ action: 'users.ban', method: 'POST', path: '/users/user_2/ban', target: { type: 'user', id: 'user_2' } }, 'none'); // seq 3, no outcome
    add({ action: 'organizations.logo.update', method: 'PUT', path: '/organizations/org_1/logo', target: { type: 'organization', id: 'org_1' }, actor: { user: 'bob', host: 'ops' } }, { outcome: 'clerk_error', status: 422, error: { kind: 'clerk', code: 'form_param_format_invalid', message: 'bad' }, response: undefined }); // seq 4 (outcome 5)
    add({ action: 'organizations.update', profile: { id: 'prof_2', name: 'Acme Dev', environment: 'development' }, bulkId: 'bulk_7' }, { outcome: 'network_error', status: undefined, error: { kind: 'network', code: 'timeout', message: 'timed out' } }); // seq 6 (outcome 7)
    add({ action: 'users.delete', method: 'DELETE', bulkId: 'bulk_7' }); // seq 8 (outcome 9)
  });

  const seqs = (filter: Parameters<typeof t.log.list>[0]) => t.log.list(filter).rows.map((row) => row.seq);

  it('lists newest first', () => {
    expect(seqs({})).toEqual([8, 6, 4, 3, 1]);
  });

  it('filters by profile, action (exact and prefix), target, actor and bulk id', () => {
    expect(seqs({ profileId: 'prof_2' })).toEqual([6]);
    expect(seqs({ action: 'users.ban' })).toEqual([3]);
    expect(seqs({ action: 'users.' })).toEqual([8, 3, 1]);
    expect(seqs({ action: 'organizations.*' })).toEqual([6, 4]);
    expect(seqs({ action: 'organizations.logo.' })).toEqual([4]);
    expect(seqs({ targetId: 'user_2' })).toEqual([3]);
    expect(seqs({ actor: 'bob' })).toEqual([4]);
    expect(seqs({ bulkId: 'bulk_7' })).toEqual([8, 6]);
  });

  it('filters by outcome, including "unknown"', () => {
    expect(seqs({ outcome: 'success' })).toEqual([8, 1]);
    expect(seqs({ outcome: 'clerk_error' })).toEqual([4]);
    expect(seqs({ outcome: 'network_error' })).toEqual([6]);
    expect(seqs({ outcome: 'unknown' })).toEqual([3]);
    expect(t.log.list({ outcome: 'clerk_error' }).rows[0]).toMatchObject({ status: 422, errorCode: 'form_param_format_invalid', errorMessage: 'bad' });
  });

  it('combines filters with AND', () => {
    expect(seqs({ action: 'users.', outcome: 'success', bulkId: 'bulk_7' })).toEqual([8]);
    expect(seqs({ profileId: 'prof_1', outcome: 'network_error' })).toEqual([]);
  });

  it('filters by a time range [from, to)', () => {
    const times = t.log.list().rows.map((row) => row.time).reverse();
    expect(seqs({ from: times[1], to: times[3] })).toEqual([4, 3]);
    expect(seqs({ from: times[4] })).toEqual([8]);
    expect(seqs({ to: times[1] })).toEqual([1]);
    expect(seqs({ from: times[4] + 1_000_000 })).toEqual([]);
  });

  it('counts what it lists', () => {
    expect(t.log.count()).toBe(5);
    expect(t.log.count({ action: 'users.' })).toBe(3);
    expect(t.log.count({ outcome: 'unknown' })).toBe(1);
    // Counting skips the outcome join where no condition needs it: every kind of filter still agrees.
    const filters: AuditFilter[] = [{ profileId: 'prof_1' }, { bulkId: 'bulk_7' }, { text: 'user_1' }, ...(['success', 'clerk_error', 'network_error', 'unknown'] as const).flatMap((outcome) => [{ outcome }, { outcome, text: 'users' }])];
    for (const filter of filters) expect(t.log.count(filter), JSON.stringify(filter)).toBe(t.log.list(filter).rows.length);
  });

  it('pages by keyset and by offset', () => {
    const first = t.log.list({}, { limit: 2 });
    expect(first.rows.map((row) => row.seq)).toEqual([8, 6]);
    const second = t.log.list({}, { limit: 2, before: first.nextBefore ?? undefined });
    expect(second.rows.map((row) => row.seq)).toEqual([4, 3]);
    const third = t.log.list({}, { limit: 2, before: second.nextBefore ?? undefined });
    expect(third).toMatchObject({ nextBefore: null });
    expect(third.rows.map((row) => row.seq)).toEqual([1]);
    expect(t.log.list({}, { limit: 2, offset: 3 }).rows.map((row) => row.seq)).toEqual([3, 1]);
  });

  it('returns the full detail of one change', () => {
    const detail = t.log.get(4);
    expect(detail).toMatchObject({ seq: 4, outcome: 'clerk_error', outcomeSeq: 5, error: { kind: 'clerk', code: 'form_param_format_invalid' } });
    expect(detail?.intentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.log.get(5)).toBeNull(); // an outcome is not a change
    expect(t.log.get(999)).toBeNull();
  });

  it('lists the profiles, actors and actions present', () => {
    expect(t.log.facets()).toEqual({
      profiles: [
        { id: 'prof_1', name: 'Acme Production', environment: 'production' },
        { id: 'prof_2', name: 'Acme Dev', environment: 'development' },
      ],
      actors: ['alice', 'bob'],
      actions: ['organizations.logo.update', 'organizations.update', 'users.ban', 'users.delete', 'users.update'],
    });
  });

  it('rejects bad filters and pages with validation errors', () => {
    const kindOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof AppError ? error.kind : 'other';
      }
      return 'none';
    };
    expect(kindOf(() => t.log.list({ outcome: 'maybe' as never }))).toBe('validation');
    expect(kindOf(() => t.log.list({ from: 10, to: 5 }))).toBe('validation');
    expect(kindOf(() => t.log.list({ from: Number.NaN }))).toBe('validation');
    expect(kindOf(() => t.log.list({ actor: 5 as never }))).toBe('validation');
    expect(kindOf(() => t.log.list({}, { limit: 0 }))).toBe('validation');
    expect(kindOf(() => t.log.list({}, { limit: 5000 }))).toBe('validation');
    expect(kindOf(() => t.log.list({}, { before: -1 }))).toBe('validation');
  });
});

describe('AuditLog time filter with a clock that went backwards', () => {
  it('still finds every record in the range', () => {
    for (const ts of [10_000, 20_000, 5_000, 30_000]) t.log.appendIntent(intentInput({ ts }));
    const seqs = (from: number, to: number) => t.log.list({ from, to }).rows.map((row) => row.seq);
    expect(seqs(4_000, 6_000)).toEqual([3]);
    expect(seqs(0, 15_000)).toEqual([3, 1]);
    expect(seqs(15_000, 40_000)).toEqual([4, 2]);
  });
});

describe('AuditLog on an empty log', () => {
  it('lists, counts, verifies and describes nothing without failing', async () => {
    expect(t.log.list()).toEqual({ rows: [], nextBefore: null });
    expect(t.log.count({ text: 'anything' })).toBe(0);
    expect(t.log.facets()).toEqual({ profiles: [], actors: [], actions: [] });
    expect(await t.log.verify()).toEqual({ ok: true, checked: 0, firstSeq: null, head: null, anchorCheckpointSeq: null });
    expect(t.log.head()).toBeNull();
  });
});
