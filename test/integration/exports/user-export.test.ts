/**
 * The users export against the real Sandbox: every page (1,200 users in pages of 500) read
 * through the real client and streamed to CSV and JSON, parsed back (papaparse) and compared with
 * the Sandbox's own users, metadata included; the list's filters narrow it; a cancelled export
 * leaves no file behind.
 */
import { mkdtempSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { createClerkClient, type ClerkClient } from '../../../electron/services/clerk/client';
import { runPagedExport } from '../../../electron/services/exports/paged-export';
import { USER_CSV_COLUMNS, userExportSource } from '../../../electron/services/exports/user-export';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let sandbox: TestSandbox;
let client: ClerkClient;
let dir: string;
const seen: ClerkCall[] = [];
const all: User[] = [];
let tagged: User;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedUsers: 1200 });
  client = createClerkClient({
    apiUrl: sandbox.sandbox.baseUrl,
    secretKey: async () => sandbox.key,
    middleware: [(call, next) => (seen.push(call), next(call))],
  });
  const made = await sandbox.api<User>('POST', '/users', {
    body: { email_address: ['export-meta@example.com'], external_id: 'crm-export-1', public_metadata: { plan: 'pro', nested: { a: [1, 2] } }, private_metadata: { note: '=SUM(A1)' }, unsafe_metadata: { theme: 'dark' } },
  });
  expect(made.status).toBe(200);
  tagged = made.body;
  for (let offset = 0; ; offset += 500) {
    const page = await sandbox.api<User[]>('GET', `/users?limit=500&offset=${offset}`);
    all.push(...page.body);
    if (page.body.length < 500) break;
  }
  dir = mkdtempSync(join(tmpdir(), 'user-export-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  return sandbox.cleanup();
});

describe('the users export against the Sandbox', () => {
  it('writes every user to JSON, the full objects with their metadata, in pages of 500', async () => {
    seen.length = 0;
    const progress: number[] = [];
    const path = join(dir, 'all.json');
    const result = await runPagedExport(userExportSource(client, {}), { path, format: 'json', signal: new AbortController().signal, onProgress: (p) => progress.push(p.done) });
    expect(result.rows).toBe(all.length);
    const written = JSON.parse(readFileSync(path, 'utf8')) as User[];
    expect(new Set(written.map((user) => user.id))).toEqual(new Set(all.map((user) => user.id)));
    const mine = written.find((user) => user.id === tagged.id)!;
    expect(mine.public_metadata).toEqual({ plan: 'pro', nested: { a: [1, 2] } });
    expect(mine.private_metadata).toEqual({ note: '=SUM(A1)' });
    expect(mine.unsafe_metadata).toEqual({ theme: 'dark' });
    const pages = seen.filter((call) => call.method === 'GET' && call.path === '/users');
    expect(pages).toHaveLength(Math.ceil((all.length + 1) / 500));
    expect(pages.every((call) => call.query?.limit === 500)).toBe(true);
    expect(progress.at(-1)).toBe(all.length);
  });

  it('writes every user to CSV with metadata as JSON columns, parsed back equal', async () => {
    const path = join(dir, 'all.csv');
    await runPagedExport(userExportSource(client, {}), { path, format: 'csv', signal: new AbortController().signal });
    const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...USER_CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(all.length);
    const byId = new Map(all.map((user) => [user.id, user]));
    for (const row of parsed.data) {
      const user = byId.get(row.id)!;
      expect(JSON.parse(row.public_metadata)).toEqual(user.public_metadata);
      expect(JSON.parse(row.private_metadata)).toEqual(user.private_metadata ?? {});
      expect(row.email_address.split('; ')[0]).toBe(user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? '');
    }
    const mine = parsed.data.find((row) => row.id === tagged.id)!;
    expect(mine.external_id).toBe('crm-export-1');
    expect(JSON.parse(mine.unsafe_metadata)).toEqual({ theme: 'dark' });
  });

  it('exports only what the filters match', async () => {
    const path = join(dir, 'filtered.csv');
    const result = await runPagedExport(userExportSource(client, { externalId: ['crm-export-1'] }), { path, format: 'csv', signal: new AbortController().signal });
    expect(result.rows).toBe(1);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((row) => row.id)).toEqual([tagged.id]);
  });

  it('leaves no file when cancelled', async () => {
    const controller = new AbortController();
    const path = join(dir, 'cancelled.json');
    const running = runPagedExport(userExportSource(client, {}), { path, format: 'json', signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toBeDefined();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('cancelled'))).toEqual([]);
  });
});
