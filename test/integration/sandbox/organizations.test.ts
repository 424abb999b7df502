/**
 * Organizations and memberships on a real Sandbox: list shapes and filters, slugs, computed
 * fields, delete cascades, logos, metadata, and the membership rules (instance users only, not
 * twice, within max_allowed_memberships).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { fileForm, tinyPng } from '../../support/sandbox/fixtures';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let users: any[];
let orgs: any[];

beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 120 });
  users = (await t.api('GET', '/users', { query: { limit: 500 } })).body;
  orgs = (await t.api('GET', '/organizations', { query: { limit: 500, include_members_count: true, include_missing_member_with_elevated_permissions: true } })).body.data;
});
afterAll(() => t.cleanup());

const createOrg = async (body: Record<string, unknown>) => expectOk('POST', '/organizations', await t.api('POST', '/organizations', { body }));
const memberIds = async (orgId: string, query: Record<string, any> = {}) =>
  (await t.api('GET', `/organizations/${orgId}/memberships`, { query: { limit: 500, ...query } })).body.data.map((m: any) => m.public_user_data.user_id);

describe('the seed', () => {
  it('has organizations with logos, memberships of every role, one full and one without an admin', async () => {
    expect(orgs.length).toBe(15);
    expect(orgs.some((o) => o.has_image)).toBe(true);
    expect(orgs.some((o) => o.max_allowed_memberships > 0 && o.members_count === o.max_allowed_memberships)).toBe(true);
    expect(orgs.some((o) => o.missing_member_with_elevated_permissions)).toBe(true);
    const roles = new Set<string>();
    for (const org of orgs) for (const m of (await t.api('GET', `/organizations/${org.id}/memberships`, { query: { limit: 500 } })).body.data) roles.add(m.role);
    expect([...roles].sort()).toEqual(['org:admin', 'org:billing', 'org:member']);
  });
});

describe('listing organizations', () => {
  it('returns {data,total_count}, newest first, members_count only when asked', async () => {
    const page = expectOk('GET', '/organizations', await t.api('GET', '/organizations', { query: { limit: 3, offset: 1 } }));
    expect(page.total_count).toBe(orgs.length);
    expect(page.data.map((o: any) => o.id)).toEqual(orgs.slice(1, 4).map((o) => o.id));
    expect(page.data[0].members_count).toBeUndefined();
    expect(orgs[0].members_count).toBe((await memberIds(orgs[0].id)).length);
  });

  it('orders by name, created_at and members_count', async () => {
    const by = async (order_by: string) => (await t.api('GET', '/organizations', { query: { order_by, limit: 500, include_members_count: true } })).body.data;
    const names = (await by('name')).map((o: any) => o.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const counts = (await by('-members_count')).map((o: any) => o.members_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await by('+created_at')).map((o: any) => o.id)).toEqual([...orgs].reverse().map((o) => o.id));
  });

  it('searches by exact ID or partial name/slug, and filters by member users and organization IDs (±)', async () => {
    const acme = orgs.find((o) => o.slug === 'acme');
    const search = async (query: string) => (await t.api('GET', '/organizations', { query: { query } })).body.data.map((o: any) => o.id);
    expect(await search('ACME')).toContain(acme.id);
    expect(await search(acme.id)).toEqual([acme.id]);
    expect(await search(acme.id.slice(0, 10))).toEqual([]);
    const someUser = (await memberIds(acme.id))[0];
    const ofUser = (await t.api('GET', '/organizations', { query: { user_id: someUser, limit: 500 } })).body;
    expect(ofUser.data.map((o: any) => o.id)).toContain(acme.id);
    const memberships = (await t.api('GET', `/users/${someUser}/organization_memberships`)).body;
    expect(ofUser.total_count).toBe(memberships.total_count);
    const notOfUser = (await t.api('GET', '/organizations', { query: { user_id: `-${someUser}`, limit: 500 } })).body;
    expect(notOfUser.total_count).toBe(orgs.length - ofUser.total_count);
    const picked = (await t.api('GET', '/organizations', { query: { organization_id: [orgs[0].id, `+${orgs[1].id}`] } })).body;
    expect(picked.total_count).toBe(2);
    expect((await t.api('GET', '/organizations', { query: { organization_id: `-${orgs[0].id}` } })).body.total_count).toBe(orgs.length - 1);
  });
});

describe('creating, updating and deleting organizations', () => {
  it('derives a unique slug, makes the creator admin, and enforces slug format and uniqueness', async () => {
    const first = await createOrg({ name: 'Slug Test Co', created_by: users[0].id });
    expect(first.slug).toBe('slug-test-co');
    expect(first.created_by).toBe(users[0].id);
    const second = await createOrg({ name: 'Slug Test Co' });
    expect(second.slug).toMatch(/^slug-test-co-[a-z0-9]{6}$/);
    const members = (await t.api('GET', `/organizations/${first.id}/memberships`)).body.data;
    expect(members.map((m: any) => [m.public_user_data.user_id, m.role])).toEqual([[users[0].id, 'org:admin']]);
    const taken = expectError('POST', '/organizations', await t.api('POST', '/organizations', { body: { name: 'X', slug: 'slug-test-co' } }), 422, 'form_identifier_exists');
    expect(taken.meta.param_name).toBe('slug');
    for (const slug of ['Upper', 'with space', 'under_score']) {
      expectError('POST', '/organizations', await t.api('POST', '/organizations', { body: { name: 'X', slug } }), 422, 'form_param_format_invalid');
    }
    expectError('POST', '/organizations', await t.api('POST', '/organizations', { body: { name: 'Visit https://spam.test' } }), 422, 'form_param_format_invalid');
    expectError('POST', '/organizations', await t.api('POST', '/organizations', { body: { name: 'X', created_by: 'user_2aaaaaaaaaaaaaaaaaaaaaaaaaa' } }), 400, 'organization_creator_not_found');
    expectError('POST', '/organizations', await t.api('POST', '/organizations', { body: {} }), 422, 'form_param_missing');
  });

  it('reads by slug, updates fields, refuses metadata in PATCH, and deletes with its memberships', async () => {
    const org = await createOrg({ name: 'Cascade Inc', created_by: users[1].id, public_metadata: { a: 1 } });
    expect((await t.api('GET', '/organizations/cascade-inc')).body.id).toBe(org.id);
    const updated = expectOk('PATCH', '/organizations/{organization_id}', await t.api('PATCH', `/organizations/${org.id}`, { body: { name: 'Cascade Ltd', slug: 'cascade-ltd', max_allowed_memberships: 9, admin_delete_enabled: false } }));
    expect(updated).toMatchObject({ name: 'Cascade Ltd', slug: 'cascade-ltd', max_allowed_memberships: 9, admin_delete_enabled: false });
    expectError('PATCH', '/organizations/{organization_id}', await t.api('PATCH', `/organizations/${org.id}`, { body: { public_metadata: {} } }), 422, 'form_param_unknown');
    expect((await t.api('GET', '/users', { query: { organization_id: org.id } })).body).toHaveLength(1);
    expectOk('DELETE', '/organizations/{organization_id}', await t.api('DELETE', `/organizations/${org.id}`));
    expect((await t.api('GET', '/users', { query: { organization_id: org.id } })).body).toEqual([]);
    expect((await t.api('GET', `/users/${users[1].id}/organization_memberships`, { query: { limit: 500 } })).body.data.map((m: any) => m.organization.id)).not.toContain(org.id);
    expectError('GET', '/organizations/{organization_id}', await t.api('GET', `/organizations/${org.id}`), 404, 'resource_not_found');
  });

  it('merges and replaces metadata', async () => {
    const org = await createOrg({ name: 'Meta Org', public_metadata: { a: { b: 1, c: 2 } }, private_metadata: { p: 1 } });
    const merged = expectOk('PATCH', '/organizations/{organization_id}/metadata', await t.api('PATCH', `/organizations/${org.id}/metadata`, { body: { public_metadata: { a: { c: null } } } }));
    expect(merged.public_metadata).toEqual({ a: { b: 1 } });
    const replaced = expectOk('PUT', '/organizations/{organization_id}/metadata', await t.api('PUT', `/organizations/${org.id}/metadata`, { body: { private_metadata: { q: 2 } } }));
    expect(replaced).toMatchObject({ public_metadata: { a: { b: 1 } }, private_metadata: { q: 2 } });
  });

  it('uploads a logo (served by the Sandbox) and removes it', async () => {
    const org = await createOrg({ name: 'Logo Org' });
    const form = fileForm(tinyPng(), 'logo.dat', 'application/octet-stream', { uploader_user_id: users[2].id });
    const withLogo = expectOk('PUT', '/organizations/{organization_id}/logo', await t.api('PUT', `/organizations/${org.id}/logo`, { form }));
    expect(withLogo.logo_url).toBe(withLogo.image_url);
    const image = await fetch(withLogo.image_url);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await t.api('GET', `/organizations/${org.id}`)).body.has_image).toBe(true);
    const unknownUploader = fileForm(tinyPng(), 'logo.png', 'image/png', { uploader_user_id: 'user_2aaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expectError('PUT', '/organizations/{organization_id}/logo', await t.api('PUT', `/organizations/${org.id}/logo`, { form: unknownUploader }), 404, 'resource_not_found');
    // A whole 1×1 GIF (a header and screen alone, with no image, is refused as not an image).
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect((await t.api('PUT', `/organizations/${org.id}/logo`, { form: fileForm(gif, 'x.gif') })).status).toBe(200);
    const removed = expectOk('DELETE', '/organizations/{organization_id}/logo', await t.api('DELETE', `/organizations/${org.id}/logo`));
    expect(removed).toMatchObject({ id: org.id, has_image: false });
  });
});

describe('memberships', () => {
  it('adds only users of the instance, never twice, within max_allowed_memberships', async () => {
    const org = await createOrg({ name: 'Small Team', created_by: users[3].id, max_allowed_memberships: 2 });
    const added = expectOk('POST', '/organizations/{organization_id}/memberships', await t.api('POST', `/organizations/${org.id}/memberships`, { body: { user_id: users[4].id, role: 'org:member', public_metadata: { team: 'red' } } }));
    expect(added).toMatchObject({ role: 'org:member', role_name: 'Member', public_metadata: { team: 'red' }, organization: { id: org.id } });
    expect(added.permissions).toContain('org:sys_memberships:read');
    const twice = await t.api('POST', `/organizations/${org.id}/memberships`, { body: { user_id: users[4].id, role: 'org:member' } });
    expectError('POST', '/organizations/{organization_id}/memberships', twice, 400, 'already_a_member_in_organization');
    const full = await t.api('POST', `/organizations/${org.id}/memberships`, { body: { user_id: users[5].id, role: 'org:member' } });
    expectError('POST', '/organizations/{organization_id}/memberships', full, 403, 'organization_membership_quota_exceeded');
    const stranger = await t.api('POST', `/organizations/${org.id}/memberships`, { body: { user_id: 'user_2aaaaaaaaaaaaaaaaaaaaaaaaaa', role: 'org:member' } });
    expectError('POST', '/organizations/{organization_id}/memberships', stranger, 404, 'resource_not_found');
    expectError('POST', '/organizations/{organization_id}/memberships', await t.api('POST', `/organizations/${org.id}/memberships`, { body: { user_id: users[5].id } }), 422, 'form_param_missing');
  });

  it('filters members by role, user fields and queries, orders them, and paginates with total_count', async () => {
    const acme = orgs.find((o) => o.slug === 'acme');
    const all = (await t.api('GET', `/organizations/${acme.id}/memberships`, { query: { limit: 500 } })).body;
    expect(all.total_count).toBe(all.data.length);
    const admins = await memberIds(acme.id, { role: 'org:admin' });
    expect(admins.length).toBe(all.data.filter((m: any) => m.role === 'org:admin').length);
    const target = all.data[0].public_user_data;
    expect(await memberIds(acme.id, { user_id: target.user_id })).toEqual([target.user_id]);
    expect(await memberIds(acme.id, { user_id: `-${target.user_id}` })).toHaveLength(all.data.length - 1);
    if (target.identifier?.includes('@')) expect(await memberIds(acme.id, { email_address: target.identifier })).toEqual([target.user_id]);
    expect(await memberIds(acme.id, { query: target.first_name })).toContain(target.user_id);
    const byName = (await t.api('GET', `/organizations/${acme.id}/memberships`, { query: { order_by: 'first_name', limit: 500 } })).body.data.map((m: any) => m.public_user_data.first_name.toLowerCase());
    expect(byName).toEqual([...byName].sort());
    const page = (await t.api('GET', `/organizations/${acme.id}/memberships`, { query: { limit: 2, offset: 2 } })).body;
    expect(page).toMatchObject({ total_count: all.total_count });
    expect(page.data.map((m: any) => m.id)).toEqual(all.data.slice(2, 4).map((m: any) => m.id));
  });

  it('changes roles, merges metadata, and a delete answers with the removed membership', async () => {
    const org = await createOrg({ name: 'Role Co', created_by: users[6].id });
    await t.api('POST', `/organizations/${org.id}/memberships`, { body: { user_id: users[7].id, role: 'org:member', private_metadata: { a: { b: 1 } } } });
    expect((await t.api('PATCH', `/organizations/${org.id}/memberships/${users[7].id}`, { body: { role: 'org:admin' } })).body.role_name).toBe('Admin');
    const meta = (await t.api('PATCH', `/organizations/${org.id}/memberships/${users[7].id}/metadata`, { body: { private_metadata: { a: { c: 2, b: null } } } })).body;
    expect(meta.private_metadata).toEqual({ a: { c: 2 } });
    const removed = expectOk('DELETE', '/organizations/{organization_id}/memberships/{user_id}', await t.api('DELETE', `/organizations/${org.id}/memberships/${users[7].id}`));
    expect(removed).toMatchObject({ object: 'organization_membership', role: 'org:admin', public_user_data: { user_id: users[7].id } });
    expect(await memberIds(org.id)).toEqual([users[6].id]);
    expectError('PATCH', '/organizations/{organization_id}/memberships/{user_id}', await t.api('PATCH', `/organizations/${org.id}/memberships/${users[7].id}`, { body: { role: 'org:member' } }), 404, 'resource_not_found');
  });

  it("lists a user's memberships with the full organization", async () => {
    const member = (await t.api('GET', `/organizations/${orgs[0].id}/memberships`, { query: { limit: 1 } })).body.data[0].public_user_data.user_id;
    const mine = expectOk('GET', '/users/{user_id}/organization_memberships', await t.api('GET', `/users/${member}/organization_memberships`, { query: { limit: 1 } }));
    expect(mine.data).toHaveLength(1);
    expect(mine.data[0].organization.object).toBe('organization');
    expect(mine.total_count).toBeGreaterThanOrEqual(1);
  });
});
