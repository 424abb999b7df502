/**
 * The organizations:* and memberships:* channels in main, end to end: the app's services against a
 * real Sandbox over HTTP. Lists come back as the app's pages with Clerk's totals and filters; every
 * change lands in the audit log against the organization with its before/after state (a
 * membership's read from its organization's list); Clerk's errors keep their field; a logo of the
 * wrong type or over 10 MB is refused in main and nothing is sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeletedObject, Organization, OrganizationMembership, User } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult, IpcEnvelope, ProfileView } from '../../../shared/ipc';
import type { OrganizationMembershipPage, OrganizationPage } from '../../../shared/ipc/channels/organizations';
import { IMAGE_UPLOAD_MAX_BYTES } from '../../../shared/image-upload';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { MemorySecretStore } from '../../support/memory-secret-store';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n').toString('base64');

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

async function records(action: string, targetId: string): Promise<AuditListResult['rows']> {
  const page = (await services.dispatch('audit:list', { filter: { action, targetId } })) as IpcEnvelope<AuditListResult>;
  if (!page.ok) throw new Error(page.error.message);
  return page.value.rows;
}

async function audited(action: string, targetId: string): Promise<AuditChangeDetail> {
  const rows = await records(action, targetId);
  if (!rows.length) throw new Error(`no ${action} record for ${targetId}`);
  const detail = (await services.dispatch('audit:get', { seq: rows[0].seq })) as IpcEnvelope<AuditChangeDetail>;
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value;
}

/** A fresh organization created by `creator` (its first admin). */
async function freshOrganization(name: string, creator = users[0]): Promise<Organization> {
  return value<Organization>('organizations:create', { body: { name, created_by: creator.id } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'organization-channels-'));
  services = await createAppServices({ userDataDir: dir, secrets: new MemorySecretStore(), appVersion: '1.0.0-test' });
  const envelope = (await services.dispatch('profiles:active', undefined)) as IpcEnvelope<ProfileView | null>;
  profileId = envelope.ok ? envelope.value!.id : '';
  users = (await value<{ data: User[] }>('users:list', { limit: 50 })).data;
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('organizations', () => {
  it('list as pages with the total, member counts, sorting and search', async () => {
    const all = await value<OrganizationPage>('organizations:list', { limit: 500, orderBy: 'name' });
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    expect(all.data.length).toBe(all.totalCount);
    const names = all.data.map((org) => org.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(all.data.every((org) => typeof org.members_count === 'number')).toBe(true);

    const second = await value<OrganizationPage>('organizations:list', { limit: 2, offset: 1, orderBy: 'name' });
    expect(second.totalCount).toBe(all.totalCount);
    expect(second.data.map((org) => org.id)).toEqual(all.data.slice(1, 3).map((org) => org.id));

    const byMembers = await value<OrganizationPage>('organizations:list', { limit: 500, orderBy: '-members_count' });
    const counts = byMembers.data.map((org) => org.members_count!);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const withoutCounts = await value<OrganizationPage>('organizations:list', { limit: 1, includeMembersCount: false });
    expect(withoutCounts.data[0].members_count).toBeUndefined();

    const target = all.data[1];
    const found = await value<OrganizationPage>('organizations:list', { query: target.slug });
    expect(found.data.map((org) => org.id)).toContain(target.id);
    expect(found.totalCount).toBeLessThan(all.totalCount);
    expect(await call('organizations:list', { orderBy: 'slug' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('read by id or slug', async () => {
    const [org] = (await value<OrganizationPage>('organizations:list', { limit: 1 })).data;
    expect((await value<Organization>('organizations:get', { idOrSlug: org.id })).id).toBe(org.id);
    expect((await value<Organization>('organizations:get', { idOrSlug: org.slug })).id).toBe(org.id);
    expect(await call('organizations:get', { idOrSlug: 'no-such-organization-slug' })).toMatchObject({ ok: false, error: { kind: 'clerk', status: 404 } });
  });

  it('create with the creator as first admin, and Clerk’s errors on their fields', async () => {
    const org = await value<Organization>('organizations:create', {
      body: { name: 'Org Core Create', slug: 'org-core-create', created_by: users[0].id, max_allowed_memberships: 5, public_metadata: { tier: 'gold' }, private_metadata: { note: 'x' } },
    });
    expect(org).toMatchObject({ slug: 'org-core-create', max_allowed_memberships: 5, public_metadata: { tier: 'gold' }, private_metadata: { note: 'x' } });
    const members = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id });
    expect(members.data).toMatchObject([{ role: 'org:admin', public_user_data: { user_id: users[0].id } }]);
    // A create names no id before it is sent: the new one is in the recorded answer, and the
    // record's target (what "open target" opens) is the new organization.
    const [created] = await records('organizations.create', '');
    expect(created).toMatchObject({ target: { type: 'organization', id: org.id }, targetName: 'Org Core Create' });
    const detail = (await services.dispatch('audit:get', { seq: created.seq })) as IpcEnvelope<AuditChangeDetail>;
    expect(detail.ok && detail.value).toMatchObject({ target: { type: 'organization' }, body: { slug: 'org-core-create', created_by: users[0].id }, response: { id: org.id } });

    const taken = await call('organizations:create', { body: { name: 'Again', slug: 'org-core-create' } });
    expect(taken).toMatchObject({ ok: false, error: { kind: 'clerk', code: 'form_identifier_exists', paramName: 'slug' } });
    const nobody = await call('organizations:create', { body: { name: 'Nobody’s', created_by: 'user_2zzzzzzzzzzzzzzzzzzzzzzzzzz' } });
    expect(nobody).toMatchObject({ ok: false, error: { kind: 'clerk', code: 'organization_creator_not_found', paramName: 'created_by' } });
    // The slug rule is checked in main before anything is sent.
    expect(await call('organizations:create', { body: { name: 'Bad', slug: 'Bad Slug' } })).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('update, metadata and delete are recorded against the organization with before and after', async () => {
    const org = await freshOrganization('Org Core Edit');
    const updated = await value<Organization>('organizations:update', { organizationId: org.id, body: { name: 'Org Core Edited', admin_delete_enabled: false } });
    expect(updated).toMatchObject({ name: 'Org Core Edited', admin_delete_enabled: false });
    expect(await audited('organizations.update', org.id)).toMatchObject({
      target: { type: 'organization', id: org.id },
      body: { name: 'Org Core Edited', admin_delete_enabled: false },
      before: { name: 'Org Core Edit' },
      after: { name: 'Org Core Edited' },
      outcome: 'success',
    });

    await value('organizations:updateMetadata', { organizationId: org.id, patch: { public_metadata: { plan: { tier: 'pro', seats: 3 } } } });
    const merged = await value<Organization>('organizations:updateMetadata', { organizationId: org.id, patch: { public_metadata: { plan: { seats: null, region: 'eu' } } } });
    expect(merged.public_metadata).toEqual({ plan: { tier: 'pro', region: 'eu' } });
    expect(await audited('organizations.update_metadata', org.id)).toMatchObject({
      before: { public_metadata: { plan: { tier: 'pro', seats: 3 } } },
      after: { public_metadata: { plan: { tier: 'pro', region: 'eu' } } },
    });

    const deleted = await value<DeletedObject>('organizations:delete', { organizationId: org.id });
    expect(deleted).toMatchObject({ object: 'organization', id: org.id, deleted: true });
    const record = await audited('organizations.delete', org.id);
    expect(record).toMatchObject({ before: { id: org.id, name: 'Org Core Edited' }, after: null, outcome: 'success' });
    expect(await call('organizations:get', { idOrSlug: org.id })).toMatchObject({ ok: false, error: { status: 404 } });
  });
});

describe('logo', () => {
  it('uploads a PNG with the uploader, deletes it, and both are in the audit log', async () => {
    const org = await freshOrganization('Org Core Logo');
    const withLogo = await value<Organization>('organizations:setLogo', { organizationId: org.id, uploaderUserId: users[0].id, fileName: 'logo.png', dataBase64: PNG });
    expect(withLogo.has_image).toBe(true);
    const upload = await audited('organizations.set_logo', org.id);
    expect(upload).toMatchObject({ method: 'PUT', before: { has_image: false }, after: { has_image: true }, form: { uploader_user_id: users[0].id } });
    expect(upload.files).toMatchObject([{ field: 'file', name: 'logo.png', type: 'image/png', size: Buffer.from(PNG, 'base64').byteLength }]);

    const without = await value<Organization>('organizations:deleteLogo', { organizationId: org.id });
    expect(without.has_image).toBe(false);
    expect(await audited('organizations.delete_logo', org.id)).toMatchObject({ before: { has_image: true }, after: { has_image: false } });
  });

  it('refuses a wrong type or an image over 10 MB in main, sending nothing', async () => {
    const org = await freshOrganization('Org Core Refused Logo');
    const pdf = await call('organizations:setLogo', { organizationId: org.id, uploaderUserId: users[0].id, fileName: 'logo.png', dataBase64: PDF });
    expect(pdf).toMatchObject({ ok: false, error: { kind: 'validation', code: 'image_rejected', paramName: 'file' } });
    expect(pdf.ok ? '' : pdf.error.message).toMatch(/PDF, not an image/);
    const huge = Buffer.alloc(IMAGE_UPLOAD_MAX_BYTES + 1);
    Buffer.from(PNG, 'base64').copy(huge);
    const oversize = await call('organizations:setLogo', { organizationId: org.id, uploaderUserId: users[0].id, fileName: 'big.png', dataBase64: huge.toString('base64') });
    expect(oversize).toMatchObject({ ok: false, error: { kind: 'validation', code: 'image_rejected', paramName: 'file' } });
    expect(oversize.ok ? '' : oversize.error.message).toMatch(/limit is 10485760 bytes/);
    // Nothing was sent: no record (the recorder writes before sending), no logo.
    expect(await records('organizations.set_logo', org.id)).toEqual([]);
    expect((await value<Organization>('organizations:get', { idOrSlug: org.id })).has_image).toBe(false);
  });
});

describe('memberships', () => {
  it('list with role and query filters, sorted, paged with the total', async () => {
    const org = await freshOrganization('Org Core Members');
    for (const user of users.slice(1, 4)) await value('memberships:add', { organizationId: org.id, userId: user.id, role: 'org:member' });
    const all = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id, limit: 500 });
    expect(all.totalCount).toBe(4);
    const admins = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id, role: ['org:admin'] });
    expect(admins.data.map((m) => m.public_user_data?.user_id)).toEqual([users[0].id]);
    expect(admins.totalCount).toBe(1);
    const both = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id, role: ['org:admin', 'org:member'] });
    expect(both.totalCount).toBe(4);
    const page = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id, limit: 2, offset: 2, orderBy: '+created_at' });
    expect(page.totalCount).toBe(4);
    expect(page.data.map((m) => m.public_user_data?.user_id)).toEqual([users[2].id, users[3].id]);
    const wanted = users[2];
    const email = wanted.email_addresses[0]?.email_address;
    const searched = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id, query: email ?? wanted.id });
    expect(searched.data.map((m) => m.public_user_data?.user_id)).toContain(wanted.id);
    expect(searched.totalCount).toBeLessThan(4);
    expect(await call('memberships:list', { organizationId: org.id, role: ['admin'] })).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('add, change role, membership metadata and remove are recorded against the organization with the membership’s state', async () => {
    const org = await freshOrganization('Org Core Membership Changes');
    const user = users[5];
    const added = await value<OrganizationMembership>('memberships:add', { organizationId: org.id, userId: user.id, role: 'org:member' });
    expect(added).toMatchObject({ role: 'org:member', public_user_data: { user_id: user.id } });
    expect(await audited('memberships.add', org.id)).toMatchObject({ target: { type: 'organization', id: org.id }, body: { user_id: user.id, role: 'org:member' }, outcome: 'success' });
    const twice = await call('memberships:add', { organizationId: org.id, userId: user.id, role: 'org:member' });
    expect(twice).toMatchObject({ ok: false, error: { kind: 'clerk', code: 'already_a_member_in_organization' } });

    const promoted = await value<OrganizationMembership>('memberships:updateRole', { organizationId: org.id, userId: user.id, role: 'org:admin' });
    expect(promoted.role).toBe('org:admin');
    const roleChange = await audited('memberships.update_role', org.id);
    expect(roleChange).toMatchObject({
      target: { type: 'organization', id: org.id },
      path: `/organizations/${org.id}/memberships/${user.id}`,
      before: { id: added.id, role: 'org:member' },
      after: { id: added.id, role: 'org:admin' },
    });

    const meta = await value<OrganizationMembership>('memberships:updateMetadata', { organizationId: org.id, userId: user.id, patch: { private_metadata: { seat: 7 } } });
    expect(meta.private_metadata).toEqual({ seat: 7 });
    expect(await audited('memberships.update_metadata', org.id)).toMatchObject({ before: { private_metadata: {} }, after: { private_metadata: { seat: 7 } } });

    // Every membership record targets the organization (named by it), so "open target" opens the organization's tab.
    for (const action of ['memberships.add', 'memberships.update_role', 'memberships.update_metadata']) {
      const succeeded = (await records(action, org.id)).find((row) => row.outcome === 'success');
      expect(succeeded, action).toMatchObject({ target: { type: 'organization', id: org.id }, targetName: 'Org Core Membership Changes' });
    }

    const removed = await value<OrganizationMembership>('memberships:remove', { organizationId: org.id, userId: user.id });
    expect(removed.id).toBe(added.id);
    expect(await audited('memberships.remove', org.id)).toMatchObject({ before: { id: added.id, role: 'org:admin' }, after: null, path: `/organizations/${org.id}/memberships/${user.id}` });
    const gone = await call('memberships:remove', { organizationId: org.id, userId: user.id });
    expect(gone).toMatchObject({ ok: false, error: { kind: 'clerk', status: 404 } });
  });
});
