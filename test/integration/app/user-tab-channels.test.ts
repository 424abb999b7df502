/**
 * The user tab's channels in main, end to end: the app's services against a real Sandbox over
 * HTTP. Memberships and sessions come back with Clerk's totals, a session revoke and the phone
 * number changes land in the audit log with the right target and before/after state, and an OAuth
 * token read is recorded as a sensitive read with the token redacted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeletedObject, OAuthAccessToken, PhoneNumber, Session, User } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult, IpcEnvelope, ProfileView } from '../../../shared/ipc';
import type { MembershipPage } from '../../../shared/ipc/channels/users';
import type { SessionPage } from '../../../shared/ipc/channels/sessions';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir: string;
let services: AppServices;
let profileId: string;
let users: User[];

async function call<T>(channel: string, input: Record<string, unknown>): Promise<IpcEnvelope<T>> {
  return (await services.dispatch(channel, { profileId, ...input })) as IpcEnvelope<T>;
}

async function value<T>(channel: string, input: Record<string, unknown>): Promise<T> {
  const envelope = await call<T>(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

async function audited(action: string, targetId: string): Promise<AuditChangeDetail> {
  const page = (await services.dispatch('audit:list', { filter: { action, targetId } })) as IpcEnvelope<AuditListResult>;
  if (!page.ok || !page.value.rows.length) throw new Error(`no ${action} record for ${targetId}`);
  const detail = (await services.dispatch('audit:get', { seq: page.value.rows[0].seq })) as IpcEnvelope<AuditChangeDetail>;
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'user-tab-channels-'));
  services = await createAppServices({ userDataDir: dir, secrets: new MemorySecretStore(), appVersion: '1.0.0-test' });
  const envelope = (await services.dispatch('profiles:active', undefined)) as IpcEnvelope<ProfileView | null>;
  profileId = envelope.ok ? envelope.value!.id : '';
  users = (await value<{ data: User[] }>('users:list', { limit: 200 })).data;
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('memberships and sessions', () => {
  it('page a user’s memberships with Clerk’s total', async () => {
    for (const user of users) {
      const all = await value<MembershipPage>('users:organizationMemberships', { userId: user.id, limit: 500 });
      if (all.totalCount < 3) continue;
      const second = await value<MembershipPage>('users:organizationMemberships', { userId: user.id, limit: 2, offset: 2 });
      expect(second.totalCount).toBe(all.totalCount);
      expect(second.data.map((m) => m.id)).toEqual(all.data.slice(2, 4).map((m) => m.id));
      return;
    }
    throw new Error('no user with three memberships in the seed');
  });

  it('lists a user’s sessions with the total, refuses a list for nobody, and revokes one into the audit log', async () => {
    const refused = await call('sessions:list', {});
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
    let active: Session | undefined;
    for (const user of users) {
      const page = await value<SessionPage>('sessions:list', { userId: user.id, limit: 50 });
      expect(page.totalCount).toBe(page.data.length);
      expect(page.data.every((session) => session.user_id === user.id)).toBe(true);
      active = page.data.find((session) => session.status === 'active');
      if (active) break;
    }
    expect(active).toBeDefined();
    const revoked = await value<Session>('sessions:revoke', { sessionId: active!.id });
    expect(revoked.status).toBe('revoked');
    expect((await value<Session>('sessions:get', { sessionId: active!.id })).status).toBe('revoked');
    const record = await audited('sessions.revoke', active!.id);
    expect(record).toMatchObject({ target: { type: 'session', id: active!.id }, before: { status: 'active' }, after: { status: 'revoked' }, outcome: 'success' });
  });
});

describe('OAuth access tokens', () => {
  it('are read per provider, and each read is a sensitive audit record without the token', async () => {
    const user = users.find((candidate) => candidate.external_accounts.length)!;
    const provider = user.external_accounts[0].provider;
    const tokens = await value<OAuthAccessToken[]>('users:oauthAccessTokens', { userId: user.id, provider });
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens[0].provider).toBe(provider);
    const record = await audited('users.oauth_access_tokens', user.id);
    expect(record).toMatchObject({ sensitive: true, method: 'GET', target: { type: 'user', id: user.id }, outcome: 'success' });
    expect(JSON.stringify(record)).not.toContain(tokens[0].token);
    // A provider without Clerk's prefix is refused before anything is sent.
    expect(await call('users:oauthAccessTokens', { userId: user.id, provider: 'google' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});

describe('phone numbers', () => {
  it('are created against their user, updated with only what changed, and deleted, each in the audit log', async () => {
    const user = users[0];
    expect(await call('phoneNumbers:create', { userId: user.id, phoneNumber: '555 0100' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: [{ field: 'phoneNumber' }] },
    });
    const phone = await value<PhoneNumber>('phoneNumbers:create', { userId: user.id, phoneNumber: '+14155550177', verified: true });
    expect(phone.verification?.status).toBe('verified');
    const created = await audited('phone_numbers.create', user.id);
    expect(created).toMatchObject({ target: { type: 'user', id: user.id }, body: { user_id: user.id, phone_number: '+14155550177', verified: true } });

    const updated = await value<PhoneNumber>('phoneNumbers:update', { phoneNumberId: phone.id, reservedForSecondFactor: true });
    expect(updated.reserved_for_second_factor).toBe(true);
    const update = await audited('phone_numbers.update', phone.id!);
    expect(update.body).toEqual({ reserved_for_second_factor: true });
    expect(update).toMatchObject({ before: { reserved_for_second_factor: false }, after: { reserved_for_second_factor: true } });
    expect(await call('phoneNumbers:update', { phoneNumberId: phone.id })).toMatchObject({ ok: false, error: { kind: 'validation' } });

    const deleted = await value<DeletedObject>('phoneNumbers:delete', { phoneNumberId: phone.id });
    expect(deleted).toMatchObject({ object: 'phone_number', id: phone.id, deleted: true });
    const removal = await audited('phone_numbers.delete', phone.id!);
    expect(removal).toMatchObject({ before: { id: phone.id }, after: null, outcome: 'success' });
    expect(await call('phoneNumbers:get', { phoneNumberId: phone.id })).toMatchObject({ ok: false, error: { status: 404 } });
  });
});
