import { describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import { createUserBody, emptyCreateForm } from '../../../renderer/src/views/users/user-create-model';
import { editFormOf, editPreview, updateUserBody } from '../../../renderer/src/views/users/user-edit-model';

const verification = (status: string) => ({ object: 'verification_admin', status, strategy: 'admin', attempts: null, expire_at: null }) as never;

/** Just the fields the models read. */
const USER = {
  id: 'user_1', first_name: 'Ada', last_name: 'Lovelace', username: 'ada', external_id: null, locale: null,
  primary_email_address_id: 'idn_a', primary_phone_number_id: null, primary_web3_wallet_id: null,
  email_addresses: [
    { id: 'idn_a', email_address: 'ada@example.com', verification: verification('verified') },
    { id: 'idn_b', email_address: 'ada@home.example.com', verification: verification('verified') },
  ],
  phone_numbers: [], web3_wallets: [],
  password_enabled: true, totp_enabled: false, backup_code_enabled: false,
  delete_self_enabled: true, create_organization_enabled: true, create_organizations_limit: null,
  legal_accepted_at: null, created_at: Date.parse('2020-01-01T00:00:00.000Z'), bypass_client_trust: false,
} as unknown as User;

describe('the create-user form model', () => {
  it('sends only what was filled in, statuses only when one entry is reserved', () => {
    const form = { ...emptyCreateForm(), first_name: ' Grace ', email_address: ['grace@example.com', '', 'g@example.com'], email_status: ['verified' as const, 'verified' as const, 'reserved' as const] };
    expect(createUserBody(form)).toEqual({
      body: { first_name: 'Grace', email_address: ['grace@example.com', 'g@example.com'], email_address_identification_status: ['verified', 'reserved'] },
      issues: [],
    });
    expect(createUserBody({ ...emptyCreateForm(), email_address: ['a@example.com'] }).body).toEqual({ email_address: ['a@example.com'] });
  });

  it('names the broken fields and metadata that is not an object', () => {
    const { issues } = createUserBody({ ...emptyCreateForm(), email_address: ['nope'], passwordMode: 'password', password: 'short', public_metadata: '[1]', private_metadata: '{' });
    expect(issues.map((i) => i.name)).toEqual(['public_metadata', 'private_metadata', 'email_address.0', 'password']);
  });
});

describe('the edit-user form model', () => {
  it('sends only the changed fields; a cleared username as "" and other cleared texts as null', () => {
    const before = editFormOf(USER);
    expect(updateUserBody(before, { ...before }).body).toEqual({});
    expect(updateUserBody(before, { ...before, first_name: 'Augusta', last_name: '', username: '' }).body).toEqual({ first_name: 'Augusta', last_name: null, username: '' });
  });

  it('sends the password flags only with a password, and never shows the password in the preview', () => {
    const before = editFormOf(USER);
    expect(updateUserBody(before, { ...before, skip_password_checks: true }).body).toEqual({});
    const { body } = updateUserBody(before, { ...before, password: 'hunter2hunter2', sign_out_of_other_sessions: true });
    expect(body).toEqual({ password: 'hunter2hunter2', sign_out_of_other_sessions: true });
    const rows = editPreview(USER, before, body);
    expect(rows).toEqual([
      { field: 'Password', before: '(a password is set)', after: '(new password)' },
      { field: 'Sign out of other sessions', before: undefined, after: 'Yes' },
    ]);
    expect(JSON.stringify(rows)).not.toContain('hunter2');
  });

  it('shows a primary switch by address and a removed username as removed', () => {
    const before = editFormOf(USER);
    const { body } = updateUserBody(before, { ...before, primary_email_address_id: 'idn_b', username: '' });
    expect(editPreview(USER, before, body)).toEqual([
      { field: 'Username', before: 'ada', after: '(removed)' },
      { field: 'Primary email', before: 'ada@example.com', after: 'ada@home.example.com' },
    ]);
  });
});
