/**
 * The app's services sign their audit log: the key is made in the secret store on first start and
 * reused after, `audit:signingKey` gives the renderer the public key and fingerprint only, quitting
 * writes a digest and the database's anchor, and a keychain that cannot be read is a startup problem
 * and a verify that says so (never a key on disk instead).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { AUDIT_SIGNING_KEY_ACCOUNT, anchorAccountFor } from '../../../electron/services/audit/signing-key';
import { APP_DATABASE_FILE } from '../../../electron/services/storage/app-database';
import type { AuditSigningStatus, AuditVerifyResult, IpcEnvelope, JobStatus } from '../../../shared/ipc';
import { intentInput, successOutcome } from '../../support/audit-records';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir = '';
const open: AppServices[] = [];

afterEach(async () => {
  for (const services of open.splice(0)) await services.close().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function start(secrets: MemorySecretStore): Promise<AppServices> {
  const services = await createAppServices({ userDataDir: dir, secrets, appVersion: '1.0.0-test', sandbox: false });
  open.push(services);
  return services;
}

async function value<T>(services: AppServices, channel: string, input?: unknown): Promise<T> {
  const envelope = (await services.dispatch(channel, input)) as IpcEnvelope<T>;
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

async function verify(services: AppServices): Promise<AuditVerifyResult> {
  const { jobId } = await value<{ jobId: string }>(services, 'audit:verify');
  const status = (await services.jobs.settled(jobId)) as JobStatus & { result: AuditVerifyResult };
  return status.result;
}

describe('the app signs its audit log', () => {
  it('makes the key on first start, shows only its public half, seals at quit and verifies after a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-signing-app-'));
    const secrets = new MemorySecretStore();
    const first = await start(secrets);
    const pem = secrets.secrets.get(AUDIT_SIGNING_KEY_ACCOUNT)!;
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const shown = await value<AuditSigningStatus>(first, 'audit:signingKey');
    expect(shown).toMatchObject({ available: true, key: { publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/) } });
    expect(JSON.stringify(shown)).not.toContain(pem.split('\n')[1]);

    const seq = first.audit!.appendIntent(intentInput()).seq;
    first.audit!.appendOutcome(seq, successOutcome());
    await first.close();
    open.splice(0);
    const anchor = JSON.parse(secrets.secrets.get(anchorAccountFor(join(dir, APP_DATABASE_FILE)))!) as { seq: number };
    expect(anchor.seq).toBe(3); // the quit digest after the 2 records

    const second = await start(secrets);
    expect(secrets.secrets.get(AUDIT_SIGNING_KEY_ACCOUNT)).toBe(pem);
    expect(await value<AuditSigningStatus>(second, 'audit:signingKey')).toEqual(shown);
    expect(await verify(second)).toMatchObject({ ok: true, checked: 3, signatures: { digests: 1, anchorSeq: 3, keyFingerprint: (shown as { key: { fingerprint: string } }).key.fingerprint } });
  });

  it('reports a keychain it cannot read at start, and verify says the signatures cannot be checked', async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-signing-app-'));
    const secrets = new MemorySecretStore();
    secrets.failWith = 'The keyring is locked';
    const services = await start(secrets);
    expect(services.startupProblems.join('\n')).toContain('The audit log is not being signed');
    expect(await value<AuditSigningStatus>(services, 'audit:signingKey')).toMatchObject({ available: false, problem: expect.stringContaining('keychain') });
    expect(await verify(services)).toMatchObject({ ok: false, problem: { reason: 'no_signing_key' } });
  });
});
