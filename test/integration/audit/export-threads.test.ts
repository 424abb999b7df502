/**
 * The threaded export: real worker threads (export-worker.ts through tsx, found by the default
 * location) on read-only connections to a real log file must write exactly the bytes of the
 * in-process export, for every format and filter, and clean up after a cancel or a failure.
 */
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/services/audit';
import type { AuditExportFormat, AuditFilter, IntentInput, OutcomeInput } from '../../../electron/services/audit';
import { readChangeBatches } from '../../../electron/services/audit/change-reader';
import { exportFormat } from '../../../electron/services/audit/export-formats';
import { splitKeys, threadedExport } from '../../../electron/services/audit/export-threads';
import { defaultExportWorker, type AuditExportWorkerOptions } from '../../../electron/services/audit/export-worker-location';
import { intentInput, steppingClock, successOutcome, tempLog, type TempLog } from '../../unit/audit/helpers';
import { exportChanges } from '../../../electron/services/audit/export';

const FORMATS: AuditExportFormat[] = ['csv', 'ndjson', 'ocsf'];
const CHANGES = 600;
const START = Date.UTC(2026, 2, 1, 12);

/** The default worker (the .ts source through tsx), on 2 threads, for exports of any size. */
function threaded(): AuditExportWorkerOptions {
  const worker = defaultExportWorker();
  if (!worker) throw new Error('no default export worker for the TypeScript sources');
  return { ...worker, threads: 2, minChanges: 0 };
}

/** Change `n` of a varied log: every outcome, deletes, uploads, bulk ids, quotes, line breaks, non-ASCII text. */
function change(n: number): { intent: IntentInput; outcome?: OutcomeInput } {
  const user = `user_${n % 37}`;
  const name = ['Ann, "the" admin\nline 2', 'Zoë Müller', '=SUM(A1)', 'Łukasz 🚀', 'plain'][n % 5];
  const kind = n % 7;
  if (kind === 0) {
    const intent = intentInput({ action: 'users.delete', method: 'DELETE', path: `/users/${user}`, target: { type: 'user', id: user }, body: undefined, statePath: `/users/${user}`, before: { id: user, first_name: name } });
    return { intent, outcome: successOutcome({ response: { object: 'user', id: user, deleted: true }, after: null, diff: [{ path: '/', before: { id: user }, after: null }] }) };
  }
  if (kind === 1) {
    const intent = intentInput({ action: 'users.ban', method: 'POST', path: `/users/${user}/ban`, target: { type: 'user', id: user }, body: undefined, bulkId: `bulk_${Math.floor(n / 50)}` });
    return { intent, outcome: { outcome: 'clerk_error', status: 422, durationMs: 30, traceId: `trace_${n}`, error: { kind: 'clerk', code: 'form_param_format_invalid', message: `bad "${name}"` } } };
  }
  if (kind === 2) {
    const intent = intentInput({ action: 'organizations.logo.update', method: 'PUT', route: '/organizations/{organization_id}/logo', path: `/organizations/org_${n}/logo`, target: { type: 'organization', id: `org_${n}` }, body: undefined, files: [{ field: 'file', name: `logo ${name}.png`, type: 'image/png', size: 1000 + n, sha256: 'ab'.repeat(32) }] });
    return { intent, outcome: { outcome: 'network_error', durationMs: 30000, error: { kind: 'network', code: 'timeout', message: 'no answer' } } };
  }
  if (kind === 3) return { intent: intentInput({ action: 'users.create', method: 'POST', route: '/users', path: '/users', target: { type: 'user' }, body: { first_name: name, password: `pw-${n}` } }) };
  const intent = intentInput({ path: `/users/${user}`, target: { type: 'user', id: user }, body: { first_name: name }, statePath: `/users/${user}`, before: { id: user, first_name: 'old' } });
  return { intent, outcome: successOutcome({ response: undefined, after: { id: user, first_name: name }, diff: [{ path: '/first_name', before: 'old', after: name }] }) };
}

let t: TempLog;
beforeEach(() => {
  t = tempLog({ clock: steppingClock(START, 1000) });
  t.log.appendBatch(() => {
    for (let n = 0; n < CHANGES; n++) {
      const { intent, outcome } = change(n);
      const seq = t.log.appendIntent(intent).seq;
      if (outcome) t.log.appendOutcome(seq, outcome);
    }
  });
});
afterEach(() => t.cleanup());

/** Exports with `exportWorker`, checks how many threads did it, and returns the file's bytes. */
async function exportWith(exportWorker: AuditExportWorkerOptions | false, filter: AuditFilter, format: AuditExportFormat, name: string): Promise<Buffer> {
  const log = new AuditLog(t.log.db, { exportWorker });
  const path = join(t.dir, name);
  const progress: number[] = [];
  const result = await exportChanges(log, filter, { format, path, onProgress: (p) => progress.push(p.done) });
  expect(progress.at(-1) ?? 0).toBe(result.changes);
  if (exportWorker) expect(result.threads).toBeGreaterThan(0);
  else expect(result.threads).toBe(0);
  return readFileSync(path);
}

/** A worker that starts, then fails on its first part. */
const failingWorker = (minChanges: number): AuditExportWorkerOptions => ({ ...threaded(), url: new URL('./failing-export-worker.ts', import.meta.url), minChanges });

/** The files in the test folder other than the database's. */
const leftovers = () => readdirSync(t.dir).filter((name) => !name.startsWith('app.sqlite'));

/** Open file descriptors of this process on the log's database file (Linux /proc). */
const databaseHandles = () =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(t.path);
    } catch {
      return false; // closed while listing
    }
  }).length;

describe('threaded export', () => {
  const filters: [string, AuditFilter][] = [
    ['everything', {}],
    // Leading parts hold no matching change: the first line written comes from a later part.
    ['the end of the time range', { from: START + CHANGES * 1500 }],
    ['a few scattered changes', { targetId: 'user_5' }],
    ['one outcome', { outcome: 'clerk_error' }],
    ['outcome unknown (the pending table)', { outcome: 'unknown' }],
    ['free text (the search index)', { text: 'Müller' }],
    ['nothing', { actor: 'nobody' }],
  ];
  for (const format of FORMATS) {
    it(`writes the same ${format} bytes as the in-process export, for every filter`, async () => {
      for (const [name, filter] of filters) {
        expect(t.log.count(filter) > 0, name).toBe(name !== 'nothing');
        const inProcess = await exportWith(false, filter, format, `one.${format}`);
        const withThreads = await exportWith(threaded(), filter, format, `two.${format}`);
        expect(withThreads.equals(inProcess), `${format}, ${name}`).toBe(true);
      }
      if (format === 'ocsf') expect(JSON.parse(readFileSync(join(t.dir, 'two.ocsf'), 'utf8'))).toEqual([]);
      expect(leftovers().filter((name) => name.endsWith('.partial'))).toEqual([]);
    });
  }

  it('gives worker threads the parts in order, however many parts there are', async () => {
    const query = t.log.queryParts({});
    const rows = [...readChangeBatches(t.log.db, query)].flat();
    const format = exportFormat('ocsf');
    const expected = rows.map((row) => format.line(row)).join('');
    // 40 parts on 2 threads: workers run ahead of the writer and their parts wait in order.
    const ranges = splitKeys(rows[0].seq, rows.at(-1)?.seq ?? 0, rows.length, 20);
    expect(ranges).toHaveLength(40);
    const decoder = new TextDecoder();
    let text = '';
    let changes = 0;
    const fallback = () => {
      throw new Error('the threads should have started');
    };
    const source = threadedExport({ worker: threaded(), data: { dbPath: t.path, query, format: 'ocsf' }, ranges, fallback });
    for await (const chunk of source.chunks) {
      text += typeof chunk.data === 'string' ? chunk.data : decoder.decode(chunk.data);
      changes += chunk.rows;
    }
    expect(source.threads()).toBe(2);
    expect(changes).toBe(CHANGES);
    expect(text).toBe(expected);
  });

  it('leaves out changes appended while it runs', async () => {
    const log = new AuditLog(t.log.db, { exportWorker: threaded() });
    let appended = false;
    const result = await exportChanges(log, {}, {
      format: 'ndjson',
      path: join(t.dir, 'snapshot.ndjson'),
      onProgress: () => {
        if (!appended) log.appendIntent(intentInput({ path: '/users/late' }));
        appended = true;
      },
    });
    expect(appended).toBe(true);
    expect(result.changes).toBe(CHANGES);
    const lines = readFileSync(join(t.dir, 'snapshot.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(CHANGES);
    expect(lines.some((line) => line.includes('/users/late'))).toBe(false);
  });

  it('stops its threads and leaves no file behind when cancelled midway', async () => {
    const log = new AuditLog(t.log.db, { exportWorker: threaded() });
    // This process's own connection holds the database, its WAL and its shared memory open; SQLite
    // may also park a closed connection's descriptor for reuse (at most one per thread here).
    const mostHandles = 3 + 2;
    for (let run = 0; run < 3; run++) {
      const controller = new AbortController();
      const progress: number[] = [];
      const exported = exportChanges(log, {}, {
        format: 'csv',
        path: join(t.dir, 'cancelled.csv'),
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p.done);
          controller.abort();
        },
      });
      await expect(exported).rejects.toMatchObject({ name: 'AbortError' });
      expect(progress).toHaveLength(1);
      expect(progress[0]).toBeLessThan(CHANGES);
      expect(leftovers()).toEqual([]);
      // Terminated threads leave no connection open: the descriptors do not pile up.
      expect(databaseHandles()).toBeLessThanOrEqual(mostHandles);
    }
  });

  it('fails cleanly when a thread breaks down', async () => {
    const log = new AuditLog(t.log.db, { exportWorker: failingWorker(0) });
    await expect(exportChanges(log, {}, { format: 'csv', path: join(t.dir, 'out.csv') })).rejects.toThrow('the export thread broke down');
    expect(leftovers()).toEqual([]);
  });

  it('exports in-process when its threads cannot start', async () => {
    const expected = await exportWith(false, {}, 'ocsf', 'one.ocsf');
    const missing = { ...threaded(), url: new URL('./no-such-worker.js', import.meta.url) };
    const log = new AuditLog(t.log.db, { exportWorker: missing });
    const result = await exportChanges(log, {}, { format: 'ocsf', path: join(t.dir, 'two.ocsf') });
    expect(result).toMatchObject({ changes: CHANGES, threads: 0 });
    expect(readFileSync(join(t.dir, 'two.ocsf')).equals(expected)).toBe(true);
  });

  it('exports in-process below the size threshold and for an in-memory database', async () => {
    // A worker that would fail the export, had it been started.
    const small = new AuditLog(t.log.db, { exportWorker: failingWorker(CHANGES + 1) });
    expect(await exportChanges(small, {}, { format: 'ndjson', path: join(t.dir, 'small.ndjson') })).toMatchObject({ changes: CHANGES, threads: 0 });

    const db = new DatabaseSync(':memory:');
    try {
      const memory = new AuditLog(db, { exportWorker: failingWorker(0) });
      memory.appendIntent(intentInput());
      const result = await exportChanges(memory, {}, { format: 'csv', path: join(t.dir, 'memory.csv') });
      expect(result).toMatchObject({ changes: 1, threads: 0 });
      expect(existsSync(join(t.dir, 'memory.csv'))).toBe(true);
    } finally {
      db.close();
    }
  });
});
