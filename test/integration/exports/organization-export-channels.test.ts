/**
 * The organizations and memberships exports through their channels, as the renderer starts them:
 * the save dialog is asked with a title and file name that say what is exported (filtered or all),
 * the export runs as a records-export job that jobs:status follows, and the file holds what the
 * filters match; a cancelled dialog starts nothing; bad filters are refused before anything runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, OrganizationMembership, User } from '../../../shared/clerk';
import type { IpcEnvelope, JobStatusOf, ProfileView } from '../../../shared/ipc';
import type { JobStarted } from '../../../shared/ipc/jobs';
import type { SavePathRequest } from '../../../electron/services/platform';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir: string;
let services: AppServices;
let profileId: string;
const asked: SavePathRequest[] = [];
let answer: string | null = null;

async function call<T>(channel: string, input: Record<string, unknown>): Promise<IpcEnvelope<T>> {
  return (await services.dispatch(channel, { profileId, ...input })) as IpcEnvelope<T>;
}

async function value<T>(channel: string, input: Record<string, unknown>): Promise<T> {
  const envelope = await call<T>(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

async function finished(jobId: string): Promise<JobStatusOf<'records-export'>> {
  for (;;) {
    const status = (await services.dispatch('jobs:status', { jobId })) as IpcEnvelope<JobStatusOf<'records-export'>>;
    if (!status.ok) throw new Error(status.error.message);
    if (status.value.state !== 'running') return status.value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'organization-export-channels-'));
  services = await createAppServices({
    userDataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    appVersion: '1.0.0-test',
    desktop: { chooseSavePath: async (request) => (asked.push(request), answer), showInFolder: () => undefined },
  });
  const envelope = (await services.dispatch('profiles:active', undefined)) as IpcEnvelope<ProfileView | null>;
  profileId = envelope.ok ? envelope.value!.id : '';
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exports:organizations and exports:memberships', () => {
  it('ask where the file goes, naming what is exported, and write what the filters match', async () => {
    const users = (await value<{ data: User[] }>('users:list', { limit: 5 })).data;
    const org = await value<Organization>('organizations:create', { body: { name: 'Channel Export Org', slug: 'channel-export-org', created_by: users[0].id, private_metadata: { crm: 42 } } });
    await value('memberships:add', { organizationId: org.id, userId: users[1].id, role: 'org:member' });

    answer = join(dir, 'orgs.csv');
    const started = await value<JobStarted>('exports:organizations', { filters: { query: 'channel-export' }, format: 'csv' });
    expect(asked.at(-1)).toMatchObject({ title: 'Export the filtered organizations', filters: [{ extensions: ['csv'] }] });
    expect(asked.at(-1)!.defaultName).toMatch(/^clerk-organizations-filtered-\d{4}-\d\d-\d\d\.csv$/);
    const done = await finished(started.jobId);
    expect(done).toMatchObject({ state: 'done', result: { path: answer, format: 'csv', rows: 1 } });
    const rows = Papa.parse<Record<string, string>>(readFileSync(answer, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toMatchObject([{ id: org.id, slug: 'channel-export-org', members_count: '2' }]);
    expect(JSON.parse(rows[0].private_metadata)).toEqual({ crm: 42 });

    answer = join(dir, 'admins.json');
    const members = await value<JobStarted>('exports:memberships', { organizationId: org.id, filters: { role: ['org:admin'] }, format: 'json' });
    expect(asked.at(-1)).toMatchObject({ title: 'Export the filtered members', defaultName: expect.stringMatching(new RegExp(`^clerk-${org.id}-members-filtered-.*\\.json$`)) });
    expect((await finished(members.jobId)).state).toBe('done');
    const admins = JSON.parse(readFileSync(answer, 'utf8')) as OrganizationMembership[];
    expect(admins.map((m) => m.public_user_data?.user_id)).toEqual([users[0].id]);

    answer = null;
    expect(await value('exports:organizations', { format: 'json' })).toBeNull();
    expect(asked.at(-1)).toMatchObject({ title: 'Export every organization' });
  });

  it('refuse bad filters before asking anything', async () => {
    const before = asked.length;
    expect(await call('exports:memberships', { organizationId: 'org_1', filters: { role: ['admin'] }, format: 'csv' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await call('exports:organizations', { filters: { slug: 'x' }, format: 'csv' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await call('exports:organizations', { format: 'xlsx' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(asked).toHaveLength(before);
  });
});
