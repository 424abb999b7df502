/**
 * Sign-up attempts through the app's services against a real Sandbox over HTTP: the Sandbox's list
 * (only for the Sandbox profile, refused in main for any other), one attempt, an update of
 * `external_id` and `custom_action` audited with its state before and after, and a finished
 * attempt's 403 passed through as Clerk said it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignUp } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult, ProfileView } from '../../../shared/ipc';
import { generateSandboxSecretKey } from '../../../electron/services/sandbox';
import type { SignUpPage } from '../../../shared/ipc/channels/sign-ups';
import { startTestApp, type TestApp } from './support';

let app: TestApp;
let page: SignUpPage;

beforeAll(async () => {
  app = await startTestApp('sign-ups');
  page = await app.value<SignUpPage>('signUps:sandboxList', { profileId: app.profile.id, limit: 100 });
});

afterAll(async () => {
  await app?.close();
});

describe('sign-up attempts against the Sandbox', () => {
  it("lists the Sandbox's attempts newest first, paged, and reads one", async () => {
    expect(page.totalCount).toBe(12);
    expect(page.data.map((attempt) => attempt.object)).toEqual(Array(12).fill('sign_up_attempt'));
    const second = await app.value<SignUpPage>('signUps:sandboxList', { profileId: app.profile.id, limit: 5, offset: 5 });
    expect(second.data.map((attempt) => attempt.id)).toEqual(page.data.slice(5, 10).map((attempt) => attempt.id));
    expect(await app.value('signUps:get', { profileId: app.profile.id, signUpId: page.data[0].id })).toEqual(page.data[0]);
  });

  it('updates external_id and custom_action of an attempt in progress, with its state in the audit log', async () => {
    const open = page.data.find((attempt) => attempt.status === 'missing_requirements')!;
    const updated = await app.value<SignUp>('signUps:update', { profileId: app.profile.id, signUpId: open.id, externalId: 'crm-42', customAction: true });
    expect(updated).toMatchObject({ id: open.id, external_id: 'crm-42', custom_action: true });
    const [row] = (await app.value<AuditListResult>('audit:list', { filter: { targetId: open.id } })).rows;
    expect(row).toMatchObject({ action: 'sign_ups.update', outcome: 'success', target: { type: 'sign_up', id: open.id } });
    const detail = await app.value<AuditChangeDetail>('audit:get', { seq: row.seq });
    expect(detail).toMatchObject({ before: { external_id: null, custom_action: false }, after: { external_id: 'crm-42', custom_action: true } });
    // Clearing the external id sends null; custom_action stays as it was.
    expect(await app.value('signUps:update', { profileId: app.profile.id, signUpId: open.id, externalId: null })).toMatchObject({ external_id: null, custom_action: true });
  });

  it("passes a finished attempt's 403 through, and refuses an empty update in main", async () => {
    const done = page.data.find((attempt) => attempt.status === 'complete')!;
    const refused = await app.call('signUps:update', { profileId: app.profile.id, signUpId: done.id, customAction: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'clerk', status: 403, code: 'sign_up_cannot_be_updated', longMessage: 'This sign up is complete and can no longer be updated.' });
    const empty = await app.call('signUps:update', { profileId: app.profile.id, signUpId: done.id });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.kind).toBe('validation');
  });

  it('never sends the Sandbox-only list to another profile (the same Sandbox under a profile of its own)', async () => {
    const key = generateSandboxSecretKey();
    app.services.sandbox!.addSecretKey(key);
    const other = await app.value<ProfileView>('profiles:create', { name: 'Not the Sandbox', environment: 'development', apiUrl: app.profile.apiUrl, secretKey: key });
    expect(other.isSandbox).toBe(false);
    const refused = await app.call('signUps:sandboxList', { profileId: other.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'validation', code: 'sign_up_list_sandbox_only' });
    // Clerk's own read still works on it.
    expect(await app.value('signUps:get', { profileId: other.id, signUpId: page.data[0].id })).toMatchObject({ id: page.data[0].id });
  });
});
