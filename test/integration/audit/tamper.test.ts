import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../electron/services/audit';
import { intentInput } from '../../support/audit-records';

let dir = '';
let dbPath = '';

/** A log of 4 changes (8 records), written and closed. */
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-tamper-'));
  dbPath = join(dir, 'app.sqlite');
  const log = openAuditLog(dbPath);
  for (const name of ['Ann', 'Bob', 'Cy', 'Di']) {
    const seq = log.appendIntent(intentInput({ path: `/users/user_${name}`, target: { type: 'user', id: `user_${name}` }, body: { first_name: name } })).seq;
    log.appendOutcome(seq, { outcome: 'success', status: 200, durationMs: 10 });
  }
  log.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What an attacker with file access does: another connection, guards dropped first. */
function tamper(sql: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(dbPath);
  db.exec('DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete; DROP TRIGGER audit_records_append_only_seq;');
  sql(db);
  db.close();
}

async function verify() {
  const log = openAuditLog(dbPath);
  try {
    return await log.verify();
  } finally {
    log.close();
  }
}

describe('verify integrity', () => {
  it('passes on an untouched log', async () => {
    expect(await verify()).toMatchObject({ ok: true, checked: 8, firstSeq: 1, head: { seq: 8 } });
  });

  it('names an edited record', async () => {
    tamper((db) => db.exec(`UPDATE audit_records SET json = replace(json, '"first_name":"Bob"', '"first_name":"Eve"') WHERE seq = 3`));
    expect(await verify()).toMatchObject({ ok: false, checked: 2, problem: { seq: 3, reason: 'hash_mismatch' } });
  });

  it('names the next record when the edited one also got a recomputed hash', async () => {
    tamper((db) => {
      const prev = (db.prepare('SELECT hash FROM audit_records WHERE seq = 2').get() as { hash: string }).hash;
      const json = (db.prepare('SELECT json FROM audit_records WHERE seq = 3').get() as { json: string }).json.replace('Bob', 'Eve');
      const hash = createHash('sha256').update(prev + json).digest('hex');
      db.prepare('UPDATE audit_records SET json = ?, hash = ? WHERE seq = 3').run(json, hash);
    });
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: 4, reason: 'hash_mismatch', message: expect.stringContaining('record 3') } });
  });

  it('names a deleted record', async () => {
    tamper((db) => db.exec('DELETE FROM audit_records WHERE seq = 5'));
    expect(await verify()).toMatchObject({ ok: false, checked: 4, problem: { seq: 5, reason: 'missing_record' } });
  });

  it('names the first of two reordered records', async () => {
    tamper((db) => db.exec('UPDATE audit_records SET seq = -1 WHERE seq = 3; UPDATE audit_records SET seq = 3 WHERE seq = 5; UPDATE audit_records SET seq = 5 WHERE seq = -1;'));
    expect(await verify()).toMatchObject({ ok: false, checked: 2, problem: { seq: 3, reason: 'out_of_order' } });
  });

  it('names the record after an inserted one', async () => {
    tamper((db) => {
      db.exec('UPDATE audit_records SET seq = seq + 1000 WHERE seq >= 3; UPDATE audit_records SET seq = seq - 999 WHERE seq >= 1003;');
      const prev = (db.prepare('SELECT hash FROM audit_records WHERE seq = 2').get() as { hash: string }).hash;
      const json = '{"kind":"intent","seq":3,"ts":0}';
      db.prepare('INSERT INTO audit_records (seq, json, hash) VALUES (3, ?, ?)').run(json, createHash('sha256').update(prev + json).digest('hex'));
    });
    expect(await verify()).toMatchObject({ ok: false, checked: 3, problem: { seq: 4, reason: 'out_of_order' } });
  });

  it('names the first missing record when the oldest ones are deleted without a checkpoint', async () => {
    tamper((db) => db.exec('DELETE FROM audit_records WHERE seq <= 2'));
    expect(await verify()).toMatchObject({ ok: false, checked: 0, problem: { seq: 1, reason: 'missing_record' } });
  });

  it('restores the guards when the log is opened again', async () => {
    tamper(() => undefined);
    const log = openAuditLog(dbPath);
    try {
      expect(() => log.db.exec('DELETE FROM audit_records WHERE seq = 8')).toThrow(/retention checkpoint/);
    } finally {
      log.close();
    }
  });

  it('reports progress while verifying', async () => {
    const log = openAuditLog(dbPath);
    const progress: { done: number; total: number }[] = [];
    try {
      await log.verify({ onProgress: (p) => progress.push(p) });
    } finally {
      log.close();
    }
    expect(progress.at(-1)).toEqual({ done: 8, total: 8 });
  });
});
