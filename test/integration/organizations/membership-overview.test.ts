/**
 * The membership overview in main against the real Sandbox: the job pages through every
 * organization and its memberships (pages of 500, through the profile's paced client), reports
 * progress in organizations, finds the organizations without an admin and the users in more than
 * N organizations, and refuses a bad N before starting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, User } from '../../../shared/clerk';
import type { IpcEnvelope, JobStatusOf, ProfileView } from '../../../shared/ipc';
import type { JobStarted } from '../../../shared/ipc/jobs';
import type { OrganizationMembershipPage, OrganizationPage } from '../../../shared/ipc/channels/organizations';
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

/** Polls the job until it ends, keeping each progress seen. */
async function finished(jobId: string, progress: number[] = []): Promise<JobStatusOf<'membership-overview'>> {
  for (;;) {
    const status = (await services.dispatch('jobs:status', { jobId })) as IpcEnvelope<JobStatusOf<'membership-overview'>>;
    if (!status.ok) throw new Error(status.error.message);
    progress.push(status.value.progress.done);
    if (status.value.state !== 'running') return status.value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'membership-overview-'));
  services = await createAppServices({ userDataDir: dir, secrets: new MemorySecretStore(), appVersion: '1.0.0-test' });
  const envelope = (await services.dispatch('profiles:active', undefined)) as IpcEnvelope<ProfileView | null>;
  profileId = envelope.ok ? envelope.value!.id : '';
  users = (await value<{ data: User[] }>('users:list', { limit: 50 })).data;
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the membership overview', () => {
  it('finds organizations without an admin and users in more than N organizations, with progress', async () => {
    // An organization whose only members are plain members, and one whose admin was demoted.
    const headless = await value<Organization>('organizations:create', { body: { name: 'Overview Headless' } });
    await value('memberships:add', { organizationId: headless.id, userId: users[10].id, role: 'org:member' });
    const demoted = await value<Organization>('organizations:create', { body: { name: 'Overview Demoted', created_by: users[11].id } });
    await value('memberships:updateRole', { organizationId: demoted.id, userId: users[11].id, role: 'org:member' });
    // A user in far more organizations than anyone in the seed.
    const busy = users[12];
    const before = (await value<{ totalCount: number }>('users:organizationMemberships', { userId: busy.id, limit: 1 })).totalCount;
    for (let index = 0; index < 6; index += 1) await value('organizations:create', { body: { name: `Overview Busy ${index}`, created_by: busy.id } });

    const orgs = await value<OrganizationPage>('organizations:list', { limit: 500 });
    let expectedWithoutAdmin = 0;
    let expectedMemberships = 0;
    const perUser = new Map<string, number>();
    for (const org of orgs.data) {
      const admins = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id, role: ['org:admin'], limit: 1 });
      if (admins.totalCount === 0) expectedWithoutAdmin += 1;
      expectedMemberships += org.members_count ?? 0;
      const members = await value<OrganizationMembershipPage>('memberships:list', { organizationId: org.id, limit: 500 });
      for (const m of members.data) perUser.set(m.public_user_data!.user_id, (perUser.get(m.public_user_data!.user_id) ?? 0) + 1);
    }
    // N just below the busy user's count.
    const threshold = before + 5;
    const expectedInMany = [...perUser].filter(([, count]) => count > threshold).map(([id]) => id);
    expect(expectedInMany).toContain(busy.id);
    const started = await value<JobStarted>('membershipOverview:run', { threshold });
    const progress: number[] = [];
    const status = await finished(started.jobId, progress);
    expect(status.state).toBe('done');
    expect(status.progress).toEqual({ done: orgs.totalCount, total: orgs.totalCount });
    const result = status.result!;
    expect(result).toMatchObject({ threshold, organizationsScanned: orgs.totalCount, membershipsScanned: expectedMemberships });
    expect(result.withoutAdmin).toHaveLength(expectedWithoutAdmin);
    expect(result.withoutAdmin).toEqual(
      expect.arrayContaining([
        { id: headless.id, name: 'Overview Headless', slug: headless.slug, membersCount: 1 },
        { id: demoted.id, name: 'Overview Demoted', slug: demoted.slug, membersCount: 1 },
      ]),
    );
    const names = result.withoutAdmin.map((org) => org.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    // The users in more than N, each with every organization and role (counted again from the user's side).
    expect(new Set(result.usersInMany.map((user) => user.userId))).toEqual(new Set(expectedInMany));
    for (const user of result.usersInMany) {
      expect((await value<{ totalCount: number }>('users:organizationMemberships', { userId: user.userId, limit: 1 })).totalCount).toBe(user.memberships.length);
    }
    const busyRow = result.usersInMany.find((user) => user.userId === busy.id)!;
    expect(busyRow.memberships).toHaveLength(before + 6);
    expect(busyRow.memberships.filter((m) => m.organizationName.startsWith('Overview Busy')).every((m) => m.role === 'org:admin')).toBe(true);

    // A lower N lists more users, the most organizations first.
    const wider = (await finished((await value<JobStarted>('membershipOverview:run', { threshold: 1 })).jobId)).result!;
    expect(wider.usersInMany.length).toBeGreaterThan(1);
    const counts = wider.usersInMany.map((user) => user.memberships.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((count) => count > 1)).toBe(true);
  });

  it('refuses an N that is not a whole number from 1', async () => {
    for (const threshold of [0, 2.5, -1, 1001]) {
      expect(await call('membershipOverview:run', { threshold })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
  });
});
