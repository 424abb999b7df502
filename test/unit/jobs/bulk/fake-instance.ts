/**
 * A fake Clerk instance for the bulk engine's unit tests: users in a Map, a ClerkClient whose
 * `run` answers GET /users (by `user_id`) and the ban/unban/lock/unlock operations from it, a log
 * of what was sent, and a hook that can hold or fail a send. The engine runs on a real SQLite app
 * database (openAppDatabase in a temp dir) with this client behind `clients.for`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { User } from '../../../../shared/clerk';
import { AppError } from '../../../../shared/ipc/errors';
import type { ClerkClient } from '../../../../electron/services/clerk/client';
import type { Operation, RunOptions } from '../../../../electron/services/clerk/operation';
import { RateBudget } from '../../../../electron/services/clerk/rate-budget';
import { BulkJobEngine, type BulkJobEngineOptions } from '../../../../electron/services/jobs/bulk/bulk-engine';
import type { ProfileRecord } from '../../../../electron/services/profiles/profile-store';
import { openAppDatabase } from '../../../../electron/services/storage/app-database';

/** One call the fake instance received. */
export interface SentCall {
  action: string;
  userId: string;
  bulkId?: string;
}

/** The fake instance and the engine's surroundings. */
export interface FakeWorld {
  users: Map<string, { id: string; banned: boolean; locked: boolean }>;
  sent: SentCall[];
  /** Called before a change is applied; may wait, or throw to fail the call. */
  beforeChange: (call: SentCall) => Promise<void> | void;
  client: ClerkClient;
  budget: RateBudget;
  profile: ProfileRecord;
  db: DatabaseSync;
  dir: string;
  engine(options?: Partial<BulkJobEngineOptions>): BulkJobEngine;
  cleanup(): void;
}

/** Builds a world with `count` users `user_1`…, none banned or locked. */
export function fakeWorld(count: number, profile: Partial<ProfileRecord> = {}): FakeWorld {
  const dir = mkdtempSync(join(tmpdir(), 'bulk-unit-'));
  const db = openAppDatabase(join(dir, 'app.sqlite'));
  const record: ProfileRecord = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Test',
    environment: 'development',
    apiUrl: 'http://127.0.0.1:9/v1',
    isSandbox: false,
    keyHint: 'sk_test_…abcd',
    keyFingerprint: '0000000000000000',
    readOnly: false,
    createdAt: 0,
    updatedAt: 0,
    ...profile,
  };
  db.prepare("INSERT INTO profiles (id, name, environment, api_url, is_sandbox, key_hint, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, 0, 0)").run(
    record.id,
    record.name,
    record.environment,
    record.apiUrl,
    record.keyHint,
  );
  const users = new Map(Array.from({ length: count }, (_, i) => [`user_${i + 1}`, { id: `user_${i + 1}`, banned: false, locked: false }]));
  const world: FakeWorld = {
    users,
    sent: [],
    beforeChange: () => undefined,
    client: undefined as unknown as ClerkClient,
    budget: new RateBudget({ requests: 1000, windowMs: 10_000, concurrency: 8 }),
    profile: record,
    db,
    dir,
    engine: (options = {}) =>
      new BulkJobEngine({ db, clients: { for: () => world.client, budgetOf: () => world.budget }, profiles: { require: () => world.profile }, ...options }),
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const flags: Record<string, (user: { banned: boolean; locked: boolean }) => void> = {
    'users.ban': (u) => void (u.banned = true),
    'users.unban': (u) => void (u.banned = false),
    'users.lock': (u) => void (u.locked = true),
    'users.unlock': (u) => void (u.locked = false),
  };
  const run = async (op: Operation, params: Record<string, string>, options: RunOptions = {}): Promise<unknown> => {
    if (op.route === '/users') {
      const ids = (options.query?.user_id ?? []) as string[];
      return ids.flatMap((id) => (users.has(id) ? [{ ...users.get(id)! } as unknown as User] : []));
    }
    const call: SentCall = { action: op.action!, userId: params.user_id, bulkId: options.bulkId };
    await world.beforeChange(call);
    world.sent.push(call);
    const user = users.get(params.user_id);
    if (!user) throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'not found' });
    flags[op.action!](user);
    return { ...user };
  };
  world.client = { apiUrl: record.apiUrl, run, send: () => Promise.reject(new Error('unused')), request: () => Promise.reject(new Error('unused')) } as unknown as ClerkClient;
  return world;
}

/** Resolves after pending callbacks ran. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
