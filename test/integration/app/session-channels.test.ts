/**
 * The Sessions section's main side (issue 12, item 2), against a real Sandbox over HTTP: the list
 * filtered by status with Clerk's total, a JWT from a template (audited as sensitive with the JWT
 * redacted; an unknown template answered on the `templateName` field; a bad name refused unsent),
 * and the `sessions.revoke` bulk job (dry run skips the already revoked with why, per-item results).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, User } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult, BulkItemPage, BulkJobStatus, BulkPreview, IpcEnvelope, ProfileView } from '../../../shared/ipc';
import type { SessionPage, SessionToken } from '../../../shared/ipc/channels/sessions';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { decodeJwt } from '../../../shared/jwt-decode';
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

async function latestAudit(action: string, targetId: string): Promise<AuditChangeDetail> {
  const page = (await services.dispatch('audit:list', { filter: { action, targetId } })) as IpcEnvelope<AuditListResult>;
  if (!page.ok || !page.value.rows.length) throw new Error(`no ${action} record for ${targetId}`);
  const detail = (await services.dispatch('audit:get', { seq: page.value.rows[0].seq })) as IpcEnvelope<AuditChangeDetail>;
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value;
}

/** Active sessions of the first users that have them, at least `count`. */
async function activeSessions(count: number): Promise<Session[]> {
  const found: Session[] = [];
  for (const user of users) {
    found.push(...(await value<SessionPage>('sessions:list', { userId: user.id, status: 'active', limit: 50 })).data);
    if (found.length >= count) return found;
  }
  throw new Error(`fewer than ${count} active sessions in the seed`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'session-channels-'));
  services = await createAppServices({ userDataDir: dir, secrets: new MemorySecretStore(), appVersion: '1.0.0-test' });
  const envelope = (await services.dispatch('profiles:active', undefined)) as IpcEnvelope<ProfileView | null>;
  profileId = envelope.ok ? envelope.value!.id : '';
  users = (await value<{ data: User[] }>('users:list', { limit: 100 })).data;
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sessions:list', () => {
  it('filters by status and pages with the total of the filter', async () => {
    const [session] = await activeSessions(1);
    const all = await value<SessionPage>('sessions:list', { userId: session.user_id, limit: 500 });
    const active = await value<SessionPage>('sessions:list', { userId: session.user_id, status: 'active', limit: 1 });
    expect(active.totalCount).toBe(all.data.filter((s) => s.status === 'active').length);
    expect(active.data).toHaveLength(1);
    expect(active.data[0].status).toBe('active');
    const byClient = await value<SessionPage>('sessions:list', { clientId: session.client_id, limit: 10 });
    expect(byClient.data.map((s) => s.id)).toContain(session.id);
  });
});

describe('sessions:createToken', () => {
  it('answers a JWT from the template, audited as sensitive without the JWT', async () => {
    const [session] = await activeSessions(1);
    const token = await value<SessionToken>('sessions:createToken', { sessionId: session.id, templateName: 'supabase' });
    const { header, claims } = decodeJwt(token.jwt);
    expect(header).toMatchObject({ alg: 'RS256' });
    expect(claims).toMatchObject({ sub: session.user_id, sid: session.id, aud: 'authenticated' });
    const record = await latestAudit('sessions.create_token', session.id);
    expect(record).toMatchObject({ sensitive: true, method: 'POST', target: { type: 'session', id: session.id }, outcome: 'success' });
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(token.jwt);
    expect(stored).not.toContain(token.jwt.split('.')[1]);
  });

  it('puts Clerk’s 404 for an unknown template on the template field, and refuses a bad name unsent', async () => {
    const [session] = await activeSessions(1);
    const unknown = await call('sessions:createToken', { sessionId: session.id, templateName: 'no_such_template' });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'clerk', status: 404, paramName: 'templateName', fields: [{ field: 'templateName' }], errors: [{ paramName: 'templateName' }] } });
    const bad = await call('sessions:createToken', { sessionId: session.id, templateName: '../users' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', fields: [{ field: 'templateName' }] } });
  });
});

describe('sessions.revoke bulk job', () => {
  it('dry-runs the selection (an already revoked session skipped with why), then revokes the rest with per-item results', async () => {
    const [first, second, third] = await activeSessions(3);
    await value('sessions:revoke', { sessionId: third.id });
    const items = [first, second, third].map((s) => ({ targetId: s.id, label: s.id }));
    const preview = await value<BulkPreview>('bulkJobs:create', { operation: 'sessions.revoke', items });
    expect(preview).toMatchObject({ wouldChange: 2, skipped: [{ reason: 'already revoked', count: 1 }] });
    await value('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: preview.job.confirmPhrase ?? undefined });
    let status: BulkJobStatus;
    // Polled as the renderer's job tracker does (a pause between reads lets the engine's timers run).
    for (;;) {
      status = await value<BulkJobStatus>('bulkJobs:status', { jobId: preview.job.jobId });
      if (!['queued', 'running'].includes(status.state)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toMatchObject({ state: 'done', counts: { done: 2, skipped: 1, failed: 0 } });
    const rows = (await value<BulkItemPage>('bulkJobs:items', { jobId: preview.job.jobId })).rows;
    expect(rows.map((row) => [row.targetId, row.state, row.result ?? row.skipReason])).toEqual([
      [first.id, 'done', 'revoked'],
      [second.id, 'done', 'revoked'],
      [third.id, 'skipped', 'already revoked'],
    ]);
    for (const session of [first, second]) expect((await value<Session>('sessions:get', { sessionId: session.id })).status).toBe('revoked');
  });
});
