/**
 * GET /users and /users/count semantics (filters, ordering, pagination, cursor) and the state
 * rules of creating and updating users, on a real Sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let all: any[];

beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 80 });
  all = (await t.api('GET', '/users', { query: { limit: 500 } })).body;
});
afterAll(() => t.cleanup());

const list = async (query: Record<string, any>) => expectOk<any[]>('GET', '/users', await t.api('GET', '/users', { query }));
const count = async (query: Record<string, any>) => expectOk('GET', '/users/count', await t.api('GET', '/users/count', { query })).total_count as number;
const ids = (users: any[]) => users.map((u) => u.id);

describe('listing users', () => {
  it('returns newest first by default, 10 at a time', async () => {
    expect(all).toHaveLength(80);
    const sorted = [...all].sort((a, b) => b.created_at - a.created_at);
    expect(ids(all)).toEqual(ids(sorted));
    expect(ids(await list({}))).toEqual(ids(all.slice(0, 10)));
    expect(ids(await list({ limit: 5, offset: 5 }))).toEqual(ids(all.slice(5, 10)));
  });

  it('orders by every documented field, both directions', async () => {
    const key: Record<string, (u: any) => unknown> = {
      created_at: (u) => u.created_at,
      updated_at: (u) => u.updated_at,
      first_name: (u) => u.first_name?.toLowerCase(),
      last_name: (u) => u.last_name?.toLowerCase(),
      username: (u) => u.username,
      last_active_at: (u) => u.last_active_at,
      last_sign_in_at: (u) => u.last_sign_in_at,
      email_address: (u) => u.email_addresses.find((e: any) => e.id === u.primary_email_address_id)?.email_address.toLowerCase(),
      phone_number: (u) => u.phone_numbers.find((p: any) => p.id === u.primary_phone_number_id)?.phone_number,
      web3wallet: (u) => u.web3_wallets.find((w: any) => w.id === u.primary_web3_wallet_id)?.web3_wallet.toLowerCase(),
    };
    for (const [field, get] of Object.entries(key)) {
      for (const sign of ['+', '-']) {
        const page = await list({ order_by: `${sign}${field}`, limit: 500 });
        const values = page.map(get).filter((v) => v !== null && v !== undefined) as (string | number)[];
        const expected = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (sign === '-') expected.reverse();
        expect(values, `order_by=${sign}${field}`).toEqual(expected);
        // Users without the value come last ascending, first descending (as in Postgres).
        const nullIndex = page.findIndex((u) => get(u) === null || get(u) === undefined);
        if (nullIndex >= 0 && sign === '+') expect(page.slice(nullIndex).every((u) => get(u) == null)).toBe(true);
      }
    }
  });

  it('filters by identifiers (repeated keys), user IDs and external IDs with ±', async () => {
    const [a, b, c] = all.filter((u) => u.external_id);
    const emailOf = (u: any) => u.email_addresses[0].email_address;
    expect(ids(await list({ email_address: [emailOf(all[3]).toUpperCase(), emailOf(all[4]), 'nobody@example.com'] })).sort()).toEqual(
      [all[3].id, all[4].id].sort(),
    );
    expect(ids(await list({ user_id: [all[0].id, `+${all[1].id}`] })).sort()).toEqual([all[0].id, all[1].id].sort());
    expect(ids(await list({ user_id: `-${all[0].id}`, limit: 500 }))).not.toContain(all[0].id);
    expect(await count({ user_id: `-${all[0].id}` })).toBe(79);
    expect(ids(await list({ external_id: [a.external_id, b.external_id] })).sort()).toEqual([a.id, b.id].sort());
    const excluded = await list({ external_id: `-${c.external_id}`, limit: 500 });
    expect(excluded).toHaveLength(79); // users without an external ID stay in
    const withPhone = all.find((u) => u.phone_numbers.length > 0);
    expect(ids(await list({ phone_number: withPhone.phone_numbers[0].phone_number }))).toEqual([withPhone.id]);
    const withUsername = all.find((u) => u.username);
    expect(ids(await list({ username: withUsername.username.toUpperCase() }))).toEqual([withUsername.id]);
  });

  it('filters by organization membership with ±', async () => {
    const org = (await t.api('GET', '/organizations', { query: { limit: 1, order_by: '-members_count', include_members_count: true } })).body.data[0];
    const members = (await t.api('GET', `/organizations/${org.id}/memberships`, { query: { limit: 500 } })).body.data.map((m: any) => m.public_user_data.user_id);
    expect(ids(await list({ organization_id: org.id, limit: 500 })).sort()).toEqual([...members].sort());
    expect(await count({ organization_id: `-${org.id}` })).toBe(80 - members.length);
  });

  it('searches with query and the field-specific queries, case-insensitively', async () => {
    const ada = all.find((u) => u.username === 'ada');
    expect(ids(await list({ query: 'ADA@EXAMPLE' }))).toContain(ada.id);
    expect(ids(await list({ query: 'ada lovelace' }))).toContain(ada.id);
    expect(ids(await list({ query: ada.id }))).toEqual([ada.id]);
    expect(ids(await list({ email_address_query: 'ADA@' }))).toContain(ada.id);
    expect(ids(await list({ phone_number_query: '4155550101' }))).toEqual([ada.id]);
    expect(ids(await list({ username_query: 'AD' }))).toContain(ada.id);
    expect(ids(await list({ name_query: 'love' }))).toContain(ada.id);
    expect(await list({ query: '%' })).toEqual([]);
    const matches = all.filter((u) => `${u.first_name} ${u.last_name}`.toLowerCase().includes('an')).length;
    expect(await count({ name_query: 'an' })).toBe(matches);
  });

  it('filters by banned, dates and OAuth provider', async () => {
    expect(await count({ banned: true })).toBe(all.filter((u) => u.banned).length);
    expect(await count({ banned: false })).toBe(all.filter((u) => !u.banned).length);
    const middle = all[40].created_at;
    expect(await count({ created_at_after: middle })).toBe(all.filter((u) => u.created_at > middle).length);
    expect(await count({ created_at_before: middle })).toBe(all.filter((u) => u.created_at < middle).length);
    const active = all.filter((u) => u.last_active_at).map((u) => u.last_active_at).sort()[20];
    expect(await count({ last_active_at_after: active })).toBe(all.filter((u) => u.last_active_at > active).length);
    expect(await count({ last_active_at_before: active })).toBe(all.filter((u) => u.last_active_at && u.last_active_at < active).length);
    const day = Math.floor(active / 86_400_000) * 86_400_000;
    expect(await count({ last_active_at_since: active })).toBe(all.filter((u) => u.last_active_at >= day).length);
    const signIn = all.filter((u) => u.last_sign_in_at).map((u) => u.last_sign_in_at).sort()[10];
    expect(await count({ last_sign_in_at_before: signIn })).toBe(all.filter((u) => u.last_sign_in_at && u.last_sign_in_at < signIn).length);
    const oauth = all.find((u) => u.external_accounts.length > 0).external_accounts[0];
    expect(ids(await list({ provider: oauth.provider, provider_user_id: oauth.provider_user_id }))).toHaveLength(1);
    expectError('GET', '/users', await t.api('GET', '/users', { query: { provider: 'oauth_google' } }), 422, 'form_conditional_param_missing');
  });

  it('count honours the same filters as the list', async () => {
    for (const query of [{}, { query: 'example.com' }, { banned: false, username_query: 'a' }, { user_id: [all[0].id, all[1].id] }]) {
      expect(await count(query)).toBe((await list({ ...query, limit: 500 })).length);
    }
  });

  it('paginates with starting_after (created_at order only, no offset)', async () => {
    const firstPage = await list({ limit: 30 });
    const next = await list({ limit: 30, starting_after: firstPage.at(-1).id });
    expect(ids(next)).toEqual(ids(all.slice(30, 60)));
    const ascending = await list({ order_by: '+created_at', limit: 10, starting_after: all.at(-1).id });
    expect(ids(ascending)).toEqual(ids([...all].reverse().slice(1, 11)));
    const walked: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await list({ limit: 25, starting_after: cursor });
      walked.push(...ids(page));
      if (page.length < 25) break;
      cursor = page.at(-1).id;
    }
    expect(walked).toEqual(ids(all));
    const error = expectError('GET', '/users', await t.api('GET', '/users', { query: { starting_after: all[0].id, offset: 5 } }), 422, 'form_param_value_invalid');
    expect(error.meta.param_name).toBe('starting_after');
    expectError('GET', '/users', await t.api('GET', '/users', { query: { starting_after: all[0].id, order_by: '-updated_at' } }), 422, 'form_param_value_invalid');
  });

  it('rejects out-of-range limits and unknown order fields', async () => {
    for (const query of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { order_by: 'password' }, { limit: 'ten' }]) {
      expectError('GET', '/users', await t.api('GET', '/users', { query }), 422, 'form_param_value_invalid');
    }
    expect(await list({ limit: 500 })).toHaveLength(80);
  });
});

describe('creating and updating users', () => {
  it('creates verified identifiers, the first email and phone primary', async () => {
    const user = expectOk(
      'POST',
      '/users',
      await t.api('POST', '/users', {
        body: { email_address: ['new.one@example.com', 'second@example.com'], phone_number: ['+14155550177'], username: 'new_one', password: 'correct horse', first_name: 'New' },
      }),
    );
    expect(user.primary_email_address_id).toBe(user.email_addresses[0].id);
    expect(user.primary_phone_number_id).toBe(user.phone_numbers[0].id);
    expect(user.email_addresses.map((e: any) => e.verification.status)).toEqual(['verified', 'verified']);
    expect(user.password_enabled).toBe(true);
    expect(user.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(user.email_addresses[0].id).toMatch(/^idn_/);
  });

  it('enforces uniqueness of email, phone, username and external ID with meta.param_name', async () => {
    const existing = expectOk('POST', '/users', await t.api('POST', '/users', { body: { email_address: ['uniq@example.com'], phone_number: ['+14155550178'], username: 'uniq_user', external_id: 'ext-uniq' } }));
    const cases: [Record<string, unknown>, string][] = [
      [{ email_address: ['UNIQ@example.com'] }, 'email_address'],
      [{ email_address: ['other1@example.com'], phone_number: ['+14155550178'] }, 'phone_number'],
      [{ email_address: ['other2@example.com'], username: 'UNIQ_USER' }, 'username'],
      [{ email_address: ['other3@example.com'], external_id: 'ext-uniq' }, 'external_id'],
    ];
    for (const [body, param] of cases) {
      const error = expectError('POST', '/users', await t.api('POST', '/users', { body }), 422, 'form_identifier_exists');
      expect(error.meta.param_name).toBe(param);
    }
    const other = expectOk('POST', '/users', await t.api('POST', '/users', { body: { email_address: ['patchable@example.com'] } }));
    for (const [body, param] of [[{ username: 'uniq_user' }, 'username'], [{ external_id: 'ext-uniq' }, 'external_id']] as const) {
      expect(expectError('PATCH', '/users/{user_id}', await t.api('PATCH', `/users/${other.id}`, { body }), 422, 'form_identifier_exists').meta.param_name).toBe(param);
    }
    // Keeping one's own username is fine.
    expectOk('PATCH', '/users/{user_id}', await t.api('PATCH', `/users/${existing.id}`, { body: { username: 'uniq_user' } }));
  });

  it('validates formats: E.164, email, username, password, RFC 3339 times, unknown fields', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ phone_number: ['4155550100'] }, 'form_param_format_invalid', 'phone_number'],
      [{ email_address: ['not-an-email'] }, 'form_param_format_invalid', 'email_address'],
      [{ username: 'ab' }, 'form_username_invalid_length', 'username'],
      [{ username: 'has space' }, 'form_username_invalid_character', 'username'],
      [{ email_address: ['pw@example.com'], password: 'short' }, 'form_password_length_too_short', 'password'],
      [{ email_address: ['t@example.com'], created_at: 'yesterday' }, 'form_param_invalid_time', 'created_at'],
      [{ email_address: ['u@example.com'], favourite_colour: 'blue' }, 'form_param_unknown', 'favourite_colour'],
      [{ email_address: ['d@example.com', 'D@example.com'] }, 'form_param_duplicate', 'email_address'],
    ];
    for (const [body, code, param] of cases) {
      expect(expectError('POST', '/users', await t.api('POST', '/users', { body }), 422, code).meta.param_name).toBe(param);
    }
    expectError('POST', '/users', await t.api('POST', '/users', { body: { first_name: 'Nobody' } }), 422, 'form_data_missing');
    expect(expectOk('POST', '/users', await t.api('POST', '/users', { body: { email_address: ['pw2@example.com'], password: 'short', skip_password_checks: true } })).password_enabled).toBe(true);
  });

  it('removes a username with null or "", switches the primary email, and accepts metadata only for old API versions', async () => {
    const user = expectOk('POST', '/users', await t.api('POST', '/users', { body: { email_address: ['p1@example.com', 'p2@example.com'], username: 'to_remove' } }));
    expect(expectOk('PATCH', '/users/{user_id}', await t.api('PATCH', `/users/${user.id}`, { body: { username: '' } })).username).toBeNull();
    const switched = expectOk('PATCH', '/users/{user_id}', await t.api('PATCH', `/users/${user.id}`, { body: { primary_email_address_id: user.email_addresses[1].id } }));
    expect(switched.primary_email_address_id).toBe(user.email_addresses[1].id);
    expect((await list({ order_by: 'email_address', email_address: 'p2@example.com' }))[0].id).toBe(user.id);
    expectError('PATCH', '/users/{user_id}', await t.api('PATCH', `/users/${user.id}`, { body: { primary_email_address_id: 'idn_2aaaaaaaaaaaaaaaaaaaaaaaaaa' } }), 422, 'form_identifier_not_found');
    expectError('PATCH', '/users/{user_id}', await t.api('PATCH', `/users/${user.id}`, { body: { public_metadata: { a: 1 } } }), 422, 'form_param_unknown');
    const legacy = await t.api('PATCH', `/users/${user.id}`, { body: { public_metadata: { a: 1 } }, headers: { 'Clerk-API-Version': '2025-11-10' } });
    expect(expectOk('PATCH', '/users/{user_id}', legacy).public_metadata).toEqual({ a: 1 });
  });

  it('deleting a user removes their memberships and sessions', async () => {
    const member = (await t.api('GET', '/organizations', { query: { limit: 1 } })).body.data[0];
    const membership = (await t.api('GET', `/organizations/${member.id}/memberships`, { query: { limit: 1 } })).body.data[0];
    const userId = membership.public_user_data.user_id;
    expectOk('DELETE', '/users/{user_id}', await t.api('DELETE', `/users/${userId}`));
    const after = (await t.api('GET', `/organizations/${member.id}/memberships`, { query: { limit: 500 } })).body.data;
    expect(after.map((m: any) => m.public_user_data.user_id)).not.toContain(userId);
    expect((await t.api('GET', '/sessions', { query: { user_id: userId } })).body).toEqual([]);
    expectError('GET', '/users/{user_id}', await t.api('GET', `/users/${userId}`), 404, 'resource_not_found');
  });
});
