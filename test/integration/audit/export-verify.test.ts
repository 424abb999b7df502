/**
 * Exports of a signed log checked by `npm run audit:verify-export` (the script itself, in a child
 * process, with no app and no keychain): each format verifies and prints the key's fingerprint;
 * an edited export, an edited digest file, a digest file re-signed with another key (a different
 * fingerprint), and a log re-hashed before it was exported are each refused, naming what failed.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog, type OwnedAuditLog } from '../../../electron/services/audit';
import { canonicalJson } from '../../../electron/services/audit/canonical-json';
import { exportDigestPath, type ExportDigest } from '../../../electron/services/audit/export-digest';
import { loadAuditSigning, signerFromPem } from '../../../electron/services/audit/signing-key';
import { intentInput, successOutcome } from '../../support/audit-records';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { exportChanges } from '../../../electron/services/audit/export';

const SCRIPT = join(import.meta.dirname, '../../../scripts/audit-verify-export.ts');

let dir = '';
let dbPath = '';
let keychain: MemorySecretStore;
let log: OwnedAuditLog;
let fingerprint = '';

/** Runs the auditor's command on `file`. */
function verifyExport(file: string, ...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, file, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-export-verify-'));
  dbPath = join(dir, 'app.sqlite');
  keychain = new MemorySecretStore();
  log = openAuditLog(dbPath, { digests: { everyRecords: 5, everyMs: 0 } });
  await log.useSigning(loadAuditSigning(keychain));
  for (const name of ['Ann', 'Bob', 'Cy', 'Di', 'Ed', 'Flo']) {
    const seq = log.appendIntent(intentInput({ path: `/users/user_${name}`, target: { type: 'user', id: `user_${name}` }, body: { first_name: name } })).seq;
    if (name !== 'Flo') log.appendOutcome(seq, successOutcome());
  }
  const status = await log.signingStatus();
  fingerprint = status.available ? status.key.fingerprint : '';
});
afterEach(() => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run audit:verify-export', () => {
  it('verifies every format and prints the fingerprint the app shows; a full NDJSON export has its chain recomputed', async () => {
    for (const format of ['ndjson', 'csv', 'ocsf'] as const) {
      const path = join(dir, `all.${format}`);
      const result = await exportChanges(log, {}, { format, path });
      expect(result.digestPath).toBe(exportDigestPath(path));
      expect(existsSync(exportDigestPath(path))).toBe(true);
      const run = verifyExport(path);
      expect(run.out).toContain(`Public key fingerprint: ${fingerprint}`);
      expect(run.status, run.out).toBe(0);
      expect(run.out).toContain(format === 'ndjson' ? 'Hash chain: records 1..' : 'Hash chain: not recomputed');
    }
    const digest = JSON.parse(readFileSync(exportDigestPath(join(dir, 'all.ndjson')), 'utf8')) as ExportDigest;
    // The export sealed the head first: its digest is the last record the file covers.
    expect(digest.records.at(-1)).toMatchObject({ seq: digest.sealSeq, record: { kind: 'digest', reason: 'export' } });
    expect(digest).toMatchObject({ keyFingerprint: fingerprint, export: { full: true, changes: 6 } });
    expect(digest.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(JSON.stringify(digest)).not.toContain('PRIVATE');
  });

  it('verifies a filtered export by its signature and digests, and says the chain needs a full export', async () => {
    const path = join(dir, 'bob.ndjson');
    await exportChanges(log, { targetId: 'user_Bob' }, { format: 'ndjson', path });
    const run = verifyExport(path);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('a filtered export holds only some of the records');
  });

  it('refuses an export edited after it was written', async () => {
    for (const format of ['ndjson', 'csv', 'ocsf'] as const) {
      const path = join(dir, `edited.${format}`);
      await exportChanges(log, {}, { format, path });
      writeFileSync(path, readFileSync(path, 'utf8').replace('Bob', 'Eve'));
      const run = verifyExport(path);
      expect(run.status, run.out).toBe(1);
      expect(run.out).toContain('FAILED: the export file was changed after it was exported');
    }
  });

  it('refuses an edited digest file, and a missing one', async () => {
    const path = join(dir, 'all.ndjson');
    await exportChanges(log, {}, { format: 'ndjson', path });
    const digestPath = exportDigestPath(path);
    writeFileSync(digestPath, readFileSync(digestPath, 'utf8').replace('"changes": 6', '"changes": 5'));
    expect(verifyExport(path)).toMatchObject({ status: 1, out: expect.stringContaining("the digest file's signature is not valid") });
    rmSync(digestPath);
    expect(verifyExport(path)).toMatchObject({ status: 1, out: expect.stringContaining('cannot be read') });
  });

  it('shows a different fingerprint when someone re-signs an edited export with a key of their own', async () => {
    const path = join(dir, 'all.csv');
    await exportChanges(log, {}, { format: 'csv', path });
    const edited = readFileSync(path, 'utf8').replace('Bob', 'Eve');
    writeFileSync(path, edited);
    const digestPath = exportDigestPath(path);
    const forger = signerFromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const digest = JSON.parse(readFileSync(digestPath, 'utf8')) as ExportDigest;
    const { signature: _old, ...unsigned } = {
      ...digest,
      publicKeyPem: forger.info.publicKeyPem,
      keyFingerprint: forger.info.fingerprint,
      export: { ...digest.export, bytes: Buffer.byteLength(edited), sha256: createHash('sha256').update(edited).digest('hex') },
    };
    writeFileSync(digestPath, JSON.stringify({ ...unsigned, signature: forger.sign(canonicalJson(unsigned)) }));
    const run = verifyExport(path);
    // The log's own digests were signed with the app's key, so they fail under the forger's.
    expect(run.status, run.out).toBe(1);
    expect(run.out).toContain(`Public key fingerprint: ${forger.info.fingerprint}`);
    expect(run.out).not.toContain(fingerprint);
    expect(run.out).toContain('bad_signature');
  });

  it('with --fingerprint, requires the app\'s key: a consistent export signed with another key is refused', async () => {
    const path = join(dir, 'keyed.ndjson');
    await exportChanges(log, {}, { format: 'ndjson', path });
    const spaced = fingerprint.toUpperCase().replace(/(.{4})/g, '$1 ');
    expect(verifyExport(path, '--fingerprint', spaced)).toMatchObject({ status: 0, out: expect.stringContaining('signed with the expected key') });
    const other = signerFromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const refused = verifyExport(path, '--fingerprint', other.info.fingerprint);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(`not the expected ${other.info.fingerprint}`);
    // Without it, the command says what the check does and does not prove.
    expect(verifyExport(path).out).toContain('pass --fingerprint');
  });

  it('refuses a full NDJSON export of a log that was edited and re-hashed before the export', async () => {
    await log.stopSigning();
    log.close();
    const db = new DatabaseSync(dbPath);
    db.exec('DROP TRIGGER audit_records_no_update');
    db.exec(`UPDATE audit_records SET json = replace(json, '"first_name":"Bob"', '"first_name":"Eve"') WHERE seq = 3`);
    let prev = (db.prepare('SELECT hash FROM audit_records WHERE seq = 2').get() as { hash: string }).hash;
    for (const row of db.prepare('SELECT seq, json FROM audit_records WHERE seq >= 3 ORDER BY seq').all() as { seq: number; json: string }[]) {
      prev = createHash('sha256').update(prev + row.json).digest('hex');
      db.prepare('UPDATE audit_records SET hash = ? WHERE seq = ?').run(prev, row.seq);
    }
    db.close();
    log = openAuditLog(dbPath, { digests: { everyRecords: 5, everyMs: 0 } });
    await log.useSigning(loadAuditSigning(keychain));
    const path = join(dir, 'rehashed.ndjson');
    await exportChanges(log, {}, { format: 'ndjson', path });
    const run = verifyExport(path);
    expect(run.status, run.out).toBe(1);
    // The file's own signature holds (the app signed what it exported); the digest signed back then does not.
    expect(run.out).toContain('SHA-256 matches the signed digest');
    expect(run.out).toContain('FAILED: record 6 (digest_mismatch)');
  });
});
