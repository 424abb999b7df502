/**
 * Phone numbers on a real Sandbox: E.164, uniqueness, primary switching, second-factor rules,
 * and what the user object shows after each change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 20 });
});
afterAll(() => t.cleanup());

const user = async () => (await t.api('GET', `/users/${(await t.api('POST', '/users', { body: { username: `phone_${Math.random().toString(36).slice(2, 9)}` } })).body.id}`)).body;
const add = (body: Record<string, unknown>) => t.api('POST', '/phone_numbers', { body });

describe('phone numbers', () => {
  it('the first number becomes primary; a later one only when asked (primary switching)', async () => {
    const u = await user();
    const first = expectOk('POST', '/phone_numbers', await add({ user_id: u.id, phone_number: '+4915112345678', verified: true }));
    const second = expectOk('POST', '/phone_numbers', await add({ user_id: u.id, phone_number: '+4915112345679', verified: true }));
    expect((await t.api('GET', `/users/${u.id}`)).body.primary_phone_number_id).toBe(first.id);
    const third = expectOk('POST', '/phone_numbers', await add({ user_id: u.id, phone_number: '+4915112345670', verified: true, primary: true }));
    expect((await t.api('GET', `/users/${u.id}`)).body.primary_phone_number_id).toBe(third.id);
    expectOk('PATCH', '/phone_numbers/{phone_number_id}', await t.api('PATCH', `/phone_numbers/${second.id}`, { body: { primary: true } }));
    const after = (await t.api('GET', `/users/${u.id}`)).body;
    expect(after.primary_phone_number_id).toBe(second.id);
    expect(after.phone_numbers).toHaveLength(3);
    expect((await t.api('GET', '/users', { query: { phone_number: '+4915112345679' } })).body.map((x: any) => x.id)).toEqual([u.id]);
    // Deleting the primary number promotes another one.
    expectOk('DELETE', '/phone_numbers/{phone_number_id}', await t.api('DELETE', `/phone_numbers/${second.id}`));
    const final = (await t.api('GET', `/users/${u.id}`)).body;
    expect(final.primary_phone_number_id).toBe(first.id);
    expectError('GET', '/phone_numbers/{phone_number_id}', await t.api('GET', `/phone_numbers/${second.id}`), 404, 'resource_not_found');
  });

  it('requires E.164, a unique number, and an existing user', async () => {
    const u = await user();
    for (const bad of ['+1 415 555 0100', '00491511234567', '+0123456789', 'call me']) {
      const error = expectError('POST', '/phone_numbers', await add({ user_id: u.id, phone_number: bad }), 422, 'form_param_format_invalid');
      expect(error.meta.param_name).toBe('phone_number');
    }
    await add({ user_id: u.id, phone_number: '+14155550199' });
    const taken = expectError('POST', '/phone_numbers', await add({ user_id: (await user()).id, phone_number: '+14155550199' }), 422, 'form_identifier_exists');
    expect(taken.meta.param_name).toBe('phone_number');
    expectError('POST', '/phone_numbers', await add({ user_id: 'user_2aaaaaaaaaaaaaaaaaaaaaaaaaa', phone_number: '+14155550198' }), 404, 'resource_not_found');
    expectError('POST', '/phone_numbers', await add({ phone_number: '+14155550197' }), 422, 'form_param_missing');
  });

  it('unverified numbers carry a pending OTP verification and cannot be reserved for second factor', async () => {
    const u = await user();
    const pending = expectOk('POST', '/phone_numbers', await add({ user_id: u.id, phone_number: '+33612345678' }));
    expect(pending.verification).toMatchObject({ status: 'unverified', strategy: 'phone_code' });
    expectError('POST', '/phone_numbers', await add({ user_id: u.id, phone_number: '+33612345679', reserved_for_second_factor: true }), 400, 'identification_create_second_factor_unverified');
    const verified = expectOk('PATCH', '/phone_numbers/{phone_number_id}', await t.api('PATCH', `/phone_numbers/${pending.id}`, { body: { verified: true, reserved_for_second_factor: true } }));
    expect(verified).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true, verification: { status: 'verified' } });
    expect((await t.api('GET', `/users/${u.id}`)).body.two_factor_enabled).toBe(true);
    const off = (await t.api('PATCH', `/phone_numbers/${pending.id}`, { body: { reserved_for_second_factor: false } })).body;
    expect(off).toMatchObject({ reserved_for_second_factor: false, default_second_factor: false });
    expect((await t.api('GET', `/users/${u.id}`)).body.two_factor_enabled).toBe(false);
  });
});
