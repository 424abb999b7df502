import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/services/dispatch';
import { createUserBody, updateUserBody } from '../../../shared/ipc/channels/users';

const PROFILE = '00000000-0000-4000-8000-00000000000a';

describe('the users:create and users:update schemas', () => {
  it("refuse a body breaking Clerk's rules, each issue at its field (list entries by index)", () => {
    const result = createUserBody.safeParse({ email_address: ['ada@example.com', 'nope'], username: 'a', password: 'short', created_at: 'soon' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['username', 'email_address.1', 'password', 'created_at']);
    expect(createUserBody.safeParse({ email_address: ['ada@example.com'], password: 'short', skip_password_checks: true }).success).toBe(true);
  });

  it('refuse unknown fields and metadata in an update (since 2026-05-12 that is the metadata endpoint)', () => {
    expect(createUserBody.safeParse({ email_address: ['a@example.com'], nickname: 'x' }).success).toBe(false);
    expect(updateUserBody.safeParse({ public_metadata: { a: 1 } }).success).toBe(false);
  });

  it('take a username removal, but no password flags without a password and no empty update', () => {
    expect(updateUserBody.safeParse({ username: '' }).success).toBe(true);
    expect(updateUserBody.safeParse({}).success).toBe(false);
    const flags = updateUserBody.safeParse({ sign_out_of_other_sessions: true });
    expect(flags.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sign_out_of_other_sessions']);
    expect(updateUserBody.safeParse({ password: 'long enough', sign_out_of_other_sessions: true, skip_password_checks: true }).success).toBe(true);
  });

  it('come back through the dispatcher as field issues a form can place (body.<field>.<index>)', async () => {
    const dispatch = createDispatch({} as Handlers);
    const envelope = await dispatch('users:create', { profileId: PROFILE, body: { email_address: ['nope'] } });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.fields).toEqual([{ field: 'body.email_address.0', message: 'nope is not a valid email address.' }]);
  });
});
