/**
 * The signed audit log against someone who has the database file but not the keychain: each way
 * of rewriting history is done through a second connection with the guard triggers dropped (as in
 * tamper.test.ts), then "Verify integrity" runs as the app runs it (the key and the anchor from the
 * secret store) and must name what failed. Before the signed digests, the forged checkpoint, the
 * deleted covered records, the truncated tail and the edit with a full re-hash all passed verify.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog, type OwnedAuditLog } from '../../../electron/services/audit';
import { GENESIS_HASH } from '../../../electron/services/audit/chain';
import { AUDIT_ANCHOR_ACCOUNT, AUDIT_SIGNING_KEY_ACCOUNT, loadAuditSigning } from '../../../electron/services/audit/signing-key';
import type { AuditVerifyResult } from '../../../shared/audit/types';
import { intentInput } from '../../support/audit-records';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { pruneExpired } from '../../../electron/services/audit/retention';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 9);

let dir = '';
let dbPath = '';
let keychain: MemorySecretStore;

/** The log as the app opens it: signed with the key in the keychain, a digest every 4 records. */
async function openSigned(clock?: () => number): Promise<OwnedAuditLog> {
  const log = openAuditLog(dbPath, { clock, actor: { user: 'tester', host: 'test-host' }, appVersion: '9.9.9', digests: { everyRecords: 4, everyMs: 0 } });
  await log.useSigning(loadAuditSigning(keychain));
  return log;
}

/** 7 changes (14 records) and the digests sealing them: a digest after every 4 records, and one at quit. */
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-signed-tamper-'));
  dbPath = join(dir, 'app.sqlite');
  keychain = new MemorySecretStore();
  let now = T0;
  const log = await openSigned(() => (now += 1000));
  for (const name of ['Ann', 'Bob', 'Cy', 'Di', 'Ed', 'Flo', 'Gus']) {
    const seq = log.appendIntent(intentInput({ path: `/users/user_${name}`, target: { type: 'user', id: `user_${name}` }, body: { first_name: name } })).seq;
    log.appendOutcome(seq, { outcome: 'success', status: 200, durationMs: 10 });
  }
  await log.stopSigning();
  log.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Seqs of the digests, by kind. */
function kinds(): { seq: number; kind: string }[] {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return db.prepare('SELECT seq, kind FROM audit_records ORDER BY seq').all() as { seq: number; kind: string }[];
  } finally {
    db.close();
  }
}

function tamper(sql: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(dbPath);
  db.exec('DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete; DROP TRIGGER audit_records_append_only_seq;');
  sql(db);
  db.close();
}

const sha = (prev: string, json: string) => createHash('sha256').update(prev + json).digest('hex');

/** Rewrites the hash of every record from `from` on, as someone who knows the chain's recipe would. */
function rehashFrom(db: DatabaseSync, from: number): void {
  let prev = from === 1 ? GENESIS_HASH : (db.prepare('SELECT hash FROM audit_records WHERE seq = ?').get(from - 1) as { hash: string }).hash;
  for (const row of db.prepare('SELECT seq, json FROM audit_records WHERE seq >= ? ORDER BY seq').all(from) as { seq: number; json: string }[]) {
    prev = sha(prev, row.json);
    db.prepare('UPDATE audit_records SET hash = ? WHERE seq = ?').run(prev, row.seq);
  }
}

/** Appends a checkpoint with a plain INSERT, correctly chained, claiming records 1..`through` were pruned. */
function forgeCheckpoint(db: DatabaseSync, through: number, extra: Record<string, unknown> = {}): number {
  const head = db.prepare('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  const covered = (db.prepare('SELECT hash FROM audit_records WHERE seq = ?').get(through) as { hash: string }).hash;
  const seq = head.seq + 1;
  const record = {
    actor: { host: 'test-host', user: 'tester' }, appVersion: '9.9.9', cutoff: T0, kind: 'checkpoint', prunedCount: through, prunedFromSeq: 1,
    prunedThrough: { hash: covered, seq: through }, retentionDays: 1, seq, ts: T0 + DAY, v: 1, ...extra,
  };
  const json = JSON.stringify(Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1))));
  db.prepare('INSERT INTO audit_records (seq, json, hash) VALUES (?, ?, ?)').run(seq, json, sha(head.hash, json));
  return seq;
}

async function verify(): Promise<AuditVerifyResult> {
  const log = await openSigned();
  try {
    return await log.verify();
  } finally {
    log.close();
  }
}

describe('the signed audit log', () => {
  it('verifies untouched: every record, every digest signature and link, and the keychain anchor', async () => {
    // 14 records; digests at 5, 10, 15 (every 4 records) and the quit digest at 18.
    expect(kinds().filter((row) => row.kind === 'digest').map((row) => row.seq)).toEqual([5, 10, 15, 18]);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: 18, head: { seq: 18 }, signatures: { digests: 4, checkpoints: 0, lastSignedSeq: 18, unsignedTail: 0, anchorSeq: 18 } });
    expect(JSON.parse(keychain.secrets.get(AUDIT_ANCHOR_ACCOUNT)!)).toMatchObject({ seq: 18, hash: (result as { head: { hash: string } }).head.hash });
  });

  it('keeps the private key in the keychain only, never in the database file', async () => {
    const pem = keychain.secrets.get(AUDIT_SIGNING_KEY_ACCOUNT)!;
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const body = pem.split('\n')[1];
    for (const file of [dbPath, `${dbPath}-wal`]) {
      let bytes = '';
      try {
        bytes = readFileSync(file, 'latin1');
      } catch {
        continue;
      }
      expect(bytes.includes(body)).toBe(false);
    }
  });

  it('names a forged checkpoint (a plain INSERT) that would let verify skip an edited record', async () => {
    let forged = 0;
    tamper((db) => {
      db.exec(`UPDATE audit_records SET json = replace(json, '"first_name":"Bob"', '"first_name":"Eve"') WHERE seq = 3`);
      forged = forgeCheckpoint(db, 4);
    });
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: forged, reason: 'bad_signature', subject: 'checkpoint', message: expect.stringContaining('not signed') } });
  });

  it('names a forged checkpoint that carries a real digest signature', async () => {
    let forged = 0;
    tamper((db) => {
      const digest = JSON.parse((db.prepare('SELECT json FROM audit_records WHERE seq = 5').get() as { json: string }).json) as { signature: string; keyFingerprint: string };
      forged = forgeCheckpoint(db, 4, { signature: digest.signature, keyFingerprint: digest.keyFingerprint, prevSignature: null });
    });
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: forged, reason: 'bad_signature', subject: 'checkpoint' } });
  });

  it('names the forged checkpoint when the records it "covers" are deleted', async () => {
    let forged = 0;
    tamper((db) => {
      forged = forgeCheckpoint(db, 6);
      db.exec('DELETE FROM audit_records WHERE seq <= 6');
    });
    expect(await verify()).toMatchObject({ ok: false, checked: 0, problem: { seq: forged, reason: 'bad_signature', subject: 'checkpoint' } });
  });

  it('detects a truncated tail down to the newest digest: the keychain remembers it', async () => {
    tamper((db) => db.exec('DELETE FROM audit_records WHERE seq >= 14'));
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: 14, reason: 'truncated', subject: 'anchor', message: expect.stringContaining('record 18') } });
  });

  it('detects a log emptied altogether', async () => {
    tamper((db) => db.exec('DELETE FROM audit_records'));
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: 1, reason: 'truncated' } });
  });

  it('names the digest after an edit when every hash after it was recomputed', async () => {
    tamper((db) => {
      db.exec(`UPDATE audit_records SET json = replace(json, '"first_name":"Bob"', '"first_name":"Eve"') WHERE seq = 3`);
      rehashFrom(db, 3);
    });
    expect(await verify()).toMatchObject({ ok: false, checked: 4, problem: { seq: 5, reason: 'digest_mismatch', subject: 'digest' } });
  });

  it('names the digest whose sealed hash was rewritten to match a re-hashed chain', async () => {
    tamper((db) => {
      db.exec(`UPDATE audit_records SET json = replace(json, '"first_name":"Bob"', '"first_name":"Eve"') WHERE seq = 3`);
      rehashFrom(db, 3);
      const newHead = (db.prepare('SELECT hash FROM audit_records WHERE seq = 4').get() as { hash: string }).hash;
      const digest = JSON.parse((db.prepare('SELECT json FROM audit_records WHERE seq = 5').get() as { json: string }).json) as { head: { hash: string } };
      const json = (db.prepare('SELECT json FROM audit_records WHERE seq = 5').get() as { json: string }).json.replace(digest.head.hash, newHead);
      db.prepare('UPDATE audit_records SET json = ? WHERE seq = 5').run(json);
      rehashFrom(db, 5);
    });
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: 5, reason: 'bad_signature', subject: 'digest' } });
  });

  it('names the anchor when every digest was stripped out and the rest renumbered and re-hashed', async () => {
    tamper((db) => {
      db.exec(`UPDATE audit_records SET json = replace(json, '"first_name":"Bob"', '"first_name":"Eve"') WHERE seq = 3`);
      db.exec("DELETE FROM audit_records WHERE kind = 'digest'");
      renumber(db);
      rehashFrom(db, 1);
    });
    // 14 records are left: the keychain remembers a digest at 18.
    expect(await verify()).toMatchObject({ ok: false, problem: { reason: 'truncated', subject: 'anchor' } });
  });

  it('names the digest after one that was replaced by another record (the chain re-hashed)', async () => {
    tamper((db) => {
      db.prepare('UPDATE audit_records SET json = ? WHERE seq = 10').run(JSON.stringify({ kind: 'retention', seq: 10, ts: T0, v: 1, days: null }));
      rehashFrom(db, 10);
    });
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: 15, reason: 'broken_link', subject: 'digest', message: expect.stringContaining('signed record 5') } });
  });

  it('names a digest moved to another position (removed records renumbered and re-hashed)', async () => {
    tamper((db) => {
      db.exec('DELETE FROM audit_records WHERE seq IN (11, 12)');
      renumber(db);
      rehashFrom(db, 11);
    });
    // The digest that was at 15 is now at 13: its signature covers its old seq.
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: 13, reason: 'bad_signature', subject: 'digest' } });
  });

  it('names an edited record, a deleted one and two reordered ones (as before the digests)', async () => {
    const original = readFileSync(dbPath);
    const restore = () => {
      rmSync(`${dbPath}-wal`, { force: true });
      rmSync(`${dbPath}-shm`, { force: true });
      writeFileSync(dbPath, original);
    };
    tamper((db) => db.exec(`UPDATE audit_records SET json = replace(json, '"first_name":"Cy"', '"first_name":"Eve"') WHERE seq = 6`));
    expect(await verify()).toMatchObject({ ok: false, checked: 5, problem: { seq: 6, reason: 'hash_mismatch', subject: 'record' } });
    restore();
    tamper((db) => db.exec('DELETE FROM audit_records WHERE seq = 7'));
    expect(await verify()).toMatchObject({ ok: false, checked: 6, problem: { seq: 7, reason: 'missing_record' } });
    restore();
    tamper((db) => db.exec('UPDATE audit_records SET seq = -1 WHERE seq = 3; UPDATE audit_records SET seq = 3 WHERE seq = 4; UPDATE audit_records SET seq = 4 WHERE seq = -1;'));
    expect(await verify()).toMatchObject({ ok: false, checked: 2, problem: { seq: 3, reason: 'out_of_order' } });
  });

  it('reports a removed keychain anchor, and a keychain it cannot read', async () => {
    keychain.secrets.delete(AUDIT_ANCHOR_ACCOUNT);
    expect(await verify()).toMatchObject({ ok: false, problem: { reason: 'anchor_mismatch', subject: 'anchor' } });
    keychain.failWith = 'The keyring is locked';
    const log = openAuditLog(dbPath);
    await expect(log.useSigning(loadAuditSigning(keychain))).rejects.toThrow(/cannot be signed/);
    try {
      expect(await log.verify()).toMatchObject({ ok: false, problem: { reason: 'no_signing_key', message: expect.stringContaining('Unlock your keychain') } });
      expect(() => log.appendCheckpoint(() => ({}) as never)).toThrow(/signing key is unavailable/);
    } finally {
      log.close();
    }
  });

  it('signs a real retention checkpoint: the pruned log verifies, and an edit of the checkpoint is named', async () => {
    let now = T0 + 30 * DAY;
    const log = await openSigned(() => now++);
    log.setRetention(7);
    const pruned = await pruneExpired(log);
    expect(pruned.pruned).toBe(18);
    const result = await log.verify();
    expect(result).toMatchObject({ ok: true, anchorCheckpointSeq: pruned.checkpointSeq, signatures: { checkpoints: 1 } });
    await log.stopSigning();
    log.close();
    tamper((db) => db.exec(`UPDATE audit_records SET json = replace(json, '"retentionDays":7', '"retentionDays":3') WHERE kind = 'checkpoint'`));
    expect(await verify()).toMatchObject({ ok: false, problem: { seq: pruned.checkpointSeq, reason: 'bad_signature', subject: 'checkpoint' } });
  });
});

/** Closes the gaps left by deleted records (seq 1, 2, 3, … again), as a careful forger would. */
function renumber(db: DatabaseSync): void {
  const seqs = (db.prepare('SELECT seq FROM audit_records ORDER BY seq').all() as { seq: number }[]).map((row) => row.seq);
  seqs.forEach((seq, index) => {
    if (seq === index + 1) return;
    const json = (db.prepare('SELECT json FROM audit_records WHERE seq = ?').get(seq) as { json: string }).json.replace(`"seq":${seq}`, `"seq":${index + 1}`);
    db.prepare('UPDATE audit_records SET seq = ?, json = ? WHERE seq = ?').run(index + 1, json, seq);
  });
}
