/**
 * Sign-in tokens through the app's services against a real Sandbox over HTTP: a created token is in
 * the ledger (never its URL or token), a revoke updates it, a second revoke is refused in main with
 * the reason and never sent, and the audit log records both changes with the token and URL redacted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult, IpcEnvelope, ProfileView } from '../../../shared/ipc';
import type { CreatedSignInToken, SignInTokenLedgerEntry } from '../../../shared/ipc/channels/sign-in-tokens';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir: string;
let services: AppServices;
let profile: ProfileView;
let user: User;

async function call<T>(channel: string, input?: unknown): Promise<IpcEnvelope<T>> {
  return (await services.dispatch(channel, input)) as IpcEnvelope<T>;
}

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const envelope = await call<T>(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/** The app database's files (not the Sandbox's, which holds its tokens as Clerk does). */
function appDatabaseBytes(): Buffer {
  const userData = join(dir, 'userData');
  return Buffer.concat(readdirSync(userData).filter((name) => name.startsWith('clerk-admin.sqlite')).map((name) => readFileSync(join(userData, name))));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sign-in-tokens-'));
  services = await createAppServices({ userDataDir: join(dir, 'userData'), secrets: new MemorySecretStore(), appVersion: '1.2.3-test' });
  profile = (await value<ProfileView | null>('profiles:active'))!;
  [user] = (await value<{ data: User[] }>('users:list', { profileId: profile.id, limit: 1 })).data;
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sign-in tokens against the Sandbox', () => {
  let created: CreatedSignInToken;

  it('creates a token whose URL signs in, and keeps it in the ledger without its URL or token', async () => {
    const before = Date.now();
    created = await value<CreatedSignInToken>('signInTokens:create', { profileId: profile.id, userId: user.id, userLabel: 'Ada Example', expiresInSeconds: 900 });
    expect(created.entry).toMatchObject({ profileId: profile.id, userId: user.id, userLabel: 'Ada Example', status: 'pending' });
    expect(created.entry.id).toMatch(/^sit_/);
    expect(created.entry.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(created.entry.expiresAt - created.entry.createdAt).toBe(900_000);
    expect(created.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/tickets\/accept\?ticket=eyJ/);
    expect(created.token).toBeNull();
    expect(await value('signInTokens:list', { profileId: profile.id })).toEqual([created.entry]);
    expect(await value('signInTokens:list', { profileId: profile.id, userId: user.id })).toEqual([created.entry]);
    expect(await value('signInTokens:list', { profileId: profile.id, userId: 'user_nobody' })).toEqual([]);
  });

  it('records the create against the user, with neither the token nor the URL', async () => {
    const [row] = (await value<AuditListResult>('audit:list', { filter: { targetId: user.id } })).rows;
    expect(row).toMatchObject({ action: 'sign_in_tokens.create', method: 'POST', route: '/sign_in_tokens', outcome: 'success', status: 200 });
    const detail = await value<AuditChangeDetail>('audit:get', { seq: row.seq });
    expect(detail).toMatchObject({ target: { type: 'user', id: user.id }, response: { id: created.entry.id, token: '[redacted]', url: '[redacted]' } });
    const ticket = new URL(created.url!).searchParams.get('ticket')!;
    expect(JSON.stringify(detail)).not.toContain(ticket);
  });

  it('revokes a pending token, and refuses a second revoke in main with the reason', async () => {
    const revoked = await value<SignInTokenLedgerEntry>('signInTokens:revoke', { profileId: profile.id, tokenId: created.entry.id });
    expect(revoked).toMatchObject({ id: created.entry.id, status: 'revoked' });
    expect(await value('signInTokens:list', { profileId: profile.id })).toEqual([revoked]);
    const [row] = (await value<AuditListResult>('audit:list', { filter: { targetId: created.entry.id } })).rows;
    expect(row).toMatchObject({ action: 'sign_in_tokens.revoke', route: '/sign_in_tokens/{sign_in_token_id}/revoke', outcome: 'success', target: { type: 'sign_in_token', id: created.entry.id } });

    const audited = (await value<AuditListResult>('audit:list', { includeTotal: true })).total;
    const again = await call('signInTokens:revoke', { profileId: profile.id, tokenId: created.entry.id });
    expect(again).toMatchObject({ ok: false, error: { kind: 'validation', code: 'sign_in_token_not_revocable', message: expect.stringMatching(/already revoked/) } });
    // Refused before the pipeline: nothing sent, nothing recorded.
    expect((await value<AuditListResult>('audit:list', { includeTotal: true })).total).toBe(audited);
  });

  it('refuses in main to revoke a token that has expired, with the reason, and sends nothing', async () => {
    const shortLived = await value<CreatedSignInToken>('signInTokens:create', { profileId: profile.id, userId: user.id, userLabel: 'Short-lived', expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const audited = (await value<AuditListResult>('audit:list', { includeTotal: true })).total;
    const refused = await call('signInTokens:revoke', { profileId: profile.id, tokenId: shortLived.entry.id });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation', code: 'sign_in_token_not_revocable', message: expect.stringMatching(/expired/) } });
    expect((await value<AuditListResult>('audit:list', { includeTotal: true })).total).toBe(audited);
  });

  it('refuses to revoke a token this app did not create on the profile', async () => {
    expect(await call('signInTokens:revoke', { profileId: profile.id, tokenId: 'sit_notours' })).toMatchObject({ ok: false, error: { kind: 'not_found', code: 'sign_in_token_not_in_ledger' } });
  });

  it('never writes the token or its URL to the app database (ledger and audit log)', () => {
    const ticket = new URL(created.url!).searchParams.get('ticket')!;
    const bytes = appDatabaseBytes();
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(created.entry.id))).toBe(true);
    expect(bytes.includes(Buffer.from(ticket))).toBe(false);
    expect(bytes.includes(Buffer.from(ticket.split('.')[2]))).toBe(false);
  });
});
