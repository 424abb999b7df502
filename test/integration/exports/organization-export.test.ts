/**
 * The organizations and memberships exports against the real Sandbox: every page read through the
 * real client (small pages here, to cross page boundaries) and streamed to CSV and JSON, parsed
 * back (papaparse) and compared with the Sandbox's own records, metadata included; the list's
 * search and the members' role filter narrow them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, OrganizationMembership, Paginated, User } from '../../../shared/clerk';
import { MEMBERSHIP_CSV_COLUMNS, ORGANIZATION_CSV_COLUMNS } from '../../../shared/ipc/exports';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { createClerkClient, type ClerkClient } from '../../../electron/services/clerk/client';
import { membershipExportSource, organizationExportSource } from '../../../electron/services/exports/organization-export';
import { runPagedExport } from '../../../electron/services/exports/paged-export';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let sandbox: TestSandbox;
let client: ClerkClient;
let dir: string;
const seen: ClerkCall[] = [];
let all: Organization[];
let tagged: Organization;
let members: OrganizationMembership[];
const signal = new AbortController().signal;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = createClerkClient({ apiUrl: sandbox.sandbox.baseUrl, secretKey: async () => sandbox.key, middleware: [(call, next) => (seen.push(call), next(call))] });
  const users = (await sandbox.api<User[]>('GET', '/users?limit=10')).body;
  const made = await sandbox.api<Organization>('POST', '/organizations', {
    body: { name: 'Export Meta Org', slug: 'export-meta-org', created_by: users[0].id, public_metadata: { plan: 'pro', nested: { a: [1, 2] } }, private_metadata: { note: '=SUM(A1)' } },
  });
  expect(made.status).toBe(200);
  tagged = made.body;
  for (const [index, user] of users.slice(1, 6).entries()) {
    const added = await sandbox.api('POST', `/organizations/${tagged.id}/memberships`, { body: { user_id: user.id, role: index === 0 ? 'org:admin' : 'org:member' } });
    expect(added.status).toBe(200);
  }
  await sandbox.api('PATCH', `/organizations/${tagged.id}/memberships/${users[2].id}/metadata`, { body: { public_metadata: { seat: 'A1' }, private_metadata: { cost: '+1 200' } } });
  all = (await sandbox.api<Paginated<Organization>>('GET', '/organizations?limit=500&include_members_count=true')).body.data;
  members = (await sandbox.api<Paginated<OrganizationMembership>>('GET', `/organizations/${tagged.id}/memberships?limit=500`)).body.data;
  dir = mkdtempSync(join(tmpdir(), 'organization-export-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  return sandbox.cleanup();
});

const csvOf = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });

describe('the organizations export', () => {
  it('writes every organization to JSON with member counts and metadata, page by page', async () => {
    seen.length = 0;
    const path = join(dir, 'organizations.json');
    const progress: number[] = [];
    const source = { ...organizationExportSource(client, {}), pageSize: 3 };
    const result = await runPagedExport(source, { path, format: 'json', signal, onProgress: (p) => progress.push(p.done) });
    expect(result.rows).toBe(all.length);
    const written = JSON.parse(readFileSync(path, 'utf8')) as Organization[];
    expect(new Set(written.map((org) => org.id))).toEqual(new Set(all.map((org) => org.id)));
    const mine = written.find((org) => org.id === tagged.id)!;
    expect(mine).toMatchObject({ members_count: 6, public_metadata: { plan: 'pro', nested: { a: [1, 2] } }, private_metadata: { note: '=SUM(A1)' } });
    const pages = seen.filter((call) => call.path === '/organizations');
    expect(pages.length).toBe(Math.floor(all.length / 3) + 1);
    expect(pages.every((call) => call.query?.include_members_count === true && call.query?.order_by === '+created_at')).toBe(true);
    expect(progress.at(-1)).toBe(all.length);
  });

  it('writes CSV with metadata as JSON columns, parsed back equal, and only what the search matches', async () => {
    const path = join(dir, 'organizations.csv');
    await runPagedExport({ ...organizationExportSource(client, {}), pageSize: 4 }, { path, format: 'csv', signal });
    const parsed = csvOf(path);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...ORGANIZATION_CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(all.length);
    const byId = new Map(all.map((org) => [org.id, org]));
    for (const row of parsed.data) {
      const org = byId.get(row.id)!;
      expect(row).toMatchObject({ name: org.name, slug: org.slug, members_count: String(org.members_count) });
      expect(JSON.parse(row.public_metadata)).toEqual(org.public_metadata);
      expect(JSON.parse(row.private_metadata)).toEqual(org.private_metadata ?? {});
    }
    expect(JSON.parse(parsed.data.find((row) => row.id === tagged.id)!.private_metadata)).toEqual({ note: '=SUM(A1)' });

    const filtered = join(dir, 'filtered.csv');
    const result = await runPagedExport(organizationExportSource(client, { query: 'export-meta' }), { path: filtered, format: 'csv', signal });
    expect(result.rows).toBe(1);
    expect(csvOf(filtered).data.map((row) => row.id)).toEqual([tagged.id]);
  });
});

describe('the memberships export', () => {
  it('writes an organization’s members to CSV and JSON with the membership’s metadata, filtered by role', async () => {
    const csvPath = join(dir, 'members.csv');
    const result = await runPagedExport({ ...membershipExportSource(client, tagged.id, {}), pageSize: 2 }, { path: csvPath, format: 'csv', signal });
    expect(result.rows).toBe(6);
    const parsed = csvOf(csvPath);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...MEMBERSHIP_CSV_COLUMNS]);
    expect(new Set(parsed.data.map((row) => row.user_id))).toEqual(new Set(members.map((m) => m.public_user_data!.user_id)));
    const seat = parsed.data.find((row) => JSON.parse(row.public_metadata).seat === 'A1')!;
    expect(seat).toMatchObject({ organization_id: tagged.id, role: 'org:member' });
    expect(JSON.parse(seat.private_metadata)).toEqual({ cost: '+1 200' });

    const jsonPath = join(dir, 'admins.json');
    await runPagedExport(membershipExportSource(client, tagged.id, { role: ['org:admin'] }), { path: jsonPath, format: 'json', signal });
    const admins = JSON.parse(readFileSync(jsonPath, 'utf8')) as OrganizationMembership[];
    expect(admins).toHaveLength(2);
    expect(admins.every((m) => m.role === 'org:admin' && m.organization.id === tagged.id)).toBe(true);
  });
});
