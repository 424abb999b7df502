/**
 * When signed digests are written (every N records, every M ms, on demand at the end of a bulk job,
 * before an export, at quit) and what they hold; that ordinary appends are not signed; and the
 * signing key's life in the secret store (created once, reused, public half only shown).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/services/audit/canonical-json';
import { DIGEST_EVERY_MS, DIGEST_EVERY_RECORDS } from '../../../electron/services/audit/digests';
import { AUDIT_ANCHOR_ACCOUNT, AUDIT_SIGNING_KEY_ACCOUNT, anchorAccountFor, loadAuditSigning, publicVerifier } from '../../../electron/services/audit/signing-key';
import type { DigestRecord } from '../../../shared/audit/types';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { intentInput, successOutcome, tempLog, type TempLog } from './helpers';

let t: TempLog | undefined;
afterEach(() => t?.cleanup());

function digests(log: TempLog['log']): DigestRecord[] {
  return (log.db.prepare("SELECT json FROM audit_records WHERE kind = 'digest' ORDER BY seq").all() as { json: string }[]).map((row) => JSON.parse(row.json) as DigestRecord);
}

function change(log: TempLog['log'], n = 1): void {
  for (let i = 0; i < n; i++) log.appendOutcome(log.appendIntent(intentInput()).seq, successOutcome());
}

describe('signed digests', () => {
  it('uses named defaults: a digest every 1000 records or every minute', () => {
    expect(DIGEST_EVERY_RECORDS).toBe(1000);
    expect(DIGEST_EVERY_MS).toBe(60_000);
  });

  it('writes one every N records, sealing the record before it and linking to the previous one', async () => {
    const store = new MemorySecretStore();
    t = tempLog({ digests: { everyRecords: 10, everyMs: 0 } });
    await t.log.useSigning(loadAuditSigning(store));
    change(t.log, 25); // 50 records
    const written = digests(t.log);
    // Records 1..10, digest 11, 12..21, digest 22, …: 5 digests for 50 records, not one per append.
    expect(written.map((d) => d.seq)).toEqual([11, 22, 33, 44, 55]);
    expect(written.every((d) => d.reason === 'records')).toBe(true);
    const hashOf = (seq: number) => (t!.log.db.prepare('SELECT hash FROM audit_records WHERE seq = ?').get(seq) as { hash: string }).hash;
    expect(written[0]).toMatchObject({ head: { seq: 10, hash: hashOf(10) }, prevSignature: null });
    expect(written[1]).toMatchObject({ head: { seq: 21, hash: hashOf(21) }, prevSignature: written[0].signature });
    // The signature is Ed25519 over the canonical JSON without it, checkable with the public key alone.
    const status = await t.log.signingStatus();
    if (!status.available) throw new Error('no key');
    const { signature, ...unsigned } = written[2];
    expect(publicVerifier(status.key.publicKeyPem).verify(canonicalJson(unsigned), signature)).toBe(true);
    expect(written[2].keyFingerprint).toBe(status.key.fingerprint);
    await t.log.stopSigning();
    // Nothing new since digest 55: no quit digest; the keychain remembers 55.
    expect(digests(t.log)).toHaveLength(5);
    expect(JSON.parse(store.secrets.get(AUDIT_ANCHOR_ACCOUNT)!)).toMatchObject({ seq: 55, signature: written[4].signature });
  });

  it('writes one after M ms when records were appended, and none when nothing was', async () => {
    t = tempLog({ digests: { everyRecords: 1000, everyMs: 20 } });
    await t.log.useSigning(loadAuditSigning(new MemorySecretStore()));
    change(t.log, 2);
    await expect.poll(() => digests(t!.log).length, { timeout: 2000 }).toBe(1);
    expect(digests(t.log)[0]).toMatchObject({ reason: 'interval', head: { seq: 4 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(digests(t.log)).toHaveLength(1);
    await t.log.stopSigning();
  });

  it('seals on demand (the end of a bulk job) and at quit, only when something is new', async () => {
    t = tempLog({ digests: { everyRecords: 1000, everyMs: 0 } });
    await t.log.useSigning(loadAuditSigning(new MemorySecretStore()));
    change(t.log, 3);
    expect(t.log.writeDigest('bulk_job')).toMatchObject({ seq: 7 });
    expect(t.log.writeDigest('bulk_job')).toBeNull();
    change(t.log, 1);
    await t.log.stopSigning();
    expect(digests(t.log).map((d) => [d.seq, d.reason])).toEqual([[7, 'bulk_job'], [10, 'quit']]);
  });

  it('does not sign a log without a key (tools, the benchmark)', () => {
    t = tempLog({ digests: { everyRecords: 2, everyMs: 0 } });
    change(t.log, 5);
    expect(t.log.writeDigest()).toBeNull();
    expect(digests(t.log)).toEqual([]);
  });

  it('continues the link across restarts', async () => {
    const store = new MemorySecretStore();
    t = tempLog({ digests: { everyRecords: 4, everyMs: 0 } });
    await t.log.useSigning(loadAuditSigning(store));
    change(t.log, 2);
    await t.log.stopSigning();
    const first = digests(t.log)[0];
    t.log.close();
    const { openAuditLog } = await import('../../../electron/services/audit');
    const again = openAuditLog(t.path, { digests: { everyRecords: 4, everyMs: 0 } });
    try {
      await again.useSigning(loadAuditSigning(store));
      change(again, 2);
      const [, second] = digests(again as TempLog['log']);
      expect(second.prevSignature).toBe(first.signature);
      expect(await again.verify()).toMatchObject({ ok: true, signatures: { digests: 2 } });
    } finally {
      again.close();
    }
  });
});

describe('the signing key', () => {
  it('is created once in the secret store, reused after, and only its public half is shown', async () => {
    const store = new MemorySecretStore();
    t = tempLog();
    await t.log.useSigning(loadAuditSigning(store));
    const first = await t.log.signingStatus();
    const pem = store.secrets.get(AUDIT_SIGNING_KEY_ACCOUNT)!;
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = (await loadAuditSigning(store)).signer.info;
    expect(store.secrets.get(AUDIT_SIGNING_KEY_ACCOUNT)).toBe(pem);
    expect(first).toEqual({ available: true, key: again });
    if (!first.available) throw new Error('no key');
    expect(first.key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(first.key.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(JSON.stringify(first)).not.toContain(pem.split('\n')[1]);
  });

  it('keeps one anchor per database file', () => {
    expect(anchorAccountFor('/a/app.sqlite')).not.toBe(anchorAccountFor('/b/app.sqlite'));
    expect(anchorAccountFor('/a/app.sqlite')).toMatch(/^audit-anchor:[0-9a-f]{16}$/);
  });

  it('says why there is none when the keychain is locked', async () => {
    const store = new MemorySecretStore();
    store.failWith = 'The keyring is locked';
    t = tempLog();
    await expect(t.log.useSigning(loadAuditSigning(store))).rejects.toMatchObject({ kind: 'keychain' });
    expect(await t.log.signingStatus()).toMatchObject({ available: false, problem: expect.stringContaining('keychain') });
  });
});
