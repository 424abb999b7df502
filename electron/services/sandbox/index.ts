/**
 * The built-in Sandbox: a Clerk Backend API–compatible server on 127.0.0.1, persisted in its own
 * SQLite file (`<dataDir>/sandbox.sqlite`), seeded with a realistic instance on first start.
 *
 * Besides the Backend API below `/v1`, it serves (without auth) the images it hands out
 * (`/images/{image_id}`), sign-in token links (`/v1/tickets/accept`), SAML SP metadata, and
 * (with auth) the Sandbox-only `GET /v1/__sandbox/sign_ups` list.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KeyStore } from './auth';
import type { SandboxContext } from './context';
import { SandboxDatabase } from './db/database';
import { SCHEMA_VERSION, createIndexes, createMetaTables, recreateDataTables } from './db/schema';
import { loadOrCreateInstance } from './instance';
import { rebaseOrigin } from './origin';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { apiRouter, openRouter } from './routes';
import { DEFAULT_SEED_USERS, seedInstance } from './seed';
import { createRequestListener } from './server';
import { readMeta, saveSettings, writeMeta, type RateLimitSetting, type SandboxSettings } from './settings';

export { generateSandboxSecretKey } from './auth';
export type { RateLimitSetting, SandboxSettings } from './settings';

/** How to start a Sandbox. */
export interface SandboxOptions {
  /** The Sandbox's own folder; its SQLite file lives here (`sandbox.sqlite`). */
  dataDir: string;
  /** 0 = any free port; undefined = the port of the last run if free, else any free port. */
  port?: number;
  /** Keys to accept (registered on start if new; only their SHA-256 is stored). */
  secretKeys?: string[];
  /** Request log file; default `process.env.SANDBOX_REQUEST_LOG`. */
  requestLogFile?: string;
  /** Request log lines also carry the path and time (see request-log.ts). */
  requestLogDetail?: boolean;
  /** Per-key budget; default (and persisted) 100 requests per 10 s; `false` turns it off. */
  rateLimit?: RateLimitSetting;
  /** `free` makes the SAML endpoints answer 402 (persisted; default `pro`). */
  plan?: SandboxSettings['plan'];
  /** Users in the deterministic seed on first creation (default 300). */
  seedUsers?: number;
  /** Clock (ms), for tests. */
  now?: () => number;
}

/** A started Sandbox. */
export interface RunningSandbox {
  /** `http://127.0.0.1:<port>/v1`, the API URL a profile stores. */
  baseUrl: string;
  port: number;
  /** Accepts another key from now on (its hash is persisted). */
  addSecretKey(key: string): void;
  /** The current instance settings. */
  getSettings(): SandboxSettings;
  /** Changes and persists settings (plan, rate limit, lockout duration, injected 429s). */
  setSettings(change: Partial<SandboxSettings>): SandboxSettings;
  /** Wipes the data and re-seeds it (the app's "Reset Sandbox"); keys and settings stay. */
  reset(): Promise<void>;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

const DATABASE_FILE = 'sandbox.sqlite';

interface SeedInfo {
  users: number;
  /** The clock reading the seed was built at; a reset rebuilds as of then, so every ID comes back. */
  epoch?: number;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function listenPreferring(server: Server, requested: number | undefined, previous: number | undefined): Promise<number> {
  if (requested !== undefined) return listen(server, requested);
  if (previous) {
    try {
      return await listen(server, previous);
    } catch {
      // The previous port is taken; any free one will do.
    }
  }
  return listen(server, 0);
}

function validateOptions(options: SandboxOptions): void {
  if (!options || typeof options.dataDir !== 'string' || options.dataDir === '') throw new Error('startSandbox: dataDir is required');
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)) {
    throw new Error(`startSandbox: port must be an integer between 0 and 65535, got ${options.port}`);
  }
  if (options.seedUsers !== undefined && (!Number.isInteger(options.seedUsers) || options.seedUsers < 0)) {
    throw new Error(`startSandbox: seedUsers must be a non-negative integer, got ${options.seedUsers}`);
  }
}

/** Starts a Sandbox on 127.0.0.1, creating and seeding its database on first start. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  validateOptions(options);
  const now = options.now ?? Date.now;
  mkdirSync(options.dataDir, { recursive: true });
  const db = new SandboxDatabase(join(options.dataDir, DATABASE_FILE));
  const server = createServer({ keepAlive: true });
  try {
    createMetaTables(db);
    const settings = saveSettings(db, { rateLimit: options.rateLimit, plan: options.plan });
    const keys = new KeyStore(db);
    for (const key of options.secretKeys ?? []) keys.add(key, now());
    const limiter = new RateLimiter(settings.rateLimit);
    const port = await listenPreferring(server, options.port, readMeta<number>(db, 'port'));
    const ctx: SandboxContext = {
      db,
      now,
      random: randomBytes,
      instance: loadOrCreateInstance(db, now()),
      settings,
      origin: `http://127.0.0.1:${port}`,
    };
    const fresh = readMeta<number>(db, 'schema_version') !== SCHEMA_VERSION;
    if (fresh) {
      buildData(ctx, { users: options.seedUsers ?? DEFAULT_SEED_USERS, epoch: now() });
    } else {
      rebaseOrigin(db, readMeta<string>(db, 'origin') ?? ctx.origin, ctx.origin);
    }
    writeMeta(db, 'origin', ctx.origin);
    writeMeta(db, 'port', port);

    server.on('request', createRequestListener({
      context: () => ctx,
      keys,
      limiter,
      log: new RequestLog(options.requestLogFile ?? process.env.SANDBOX_REQUEST_LOG, options.requestLogDetail),
      api: apiRouter,
      open: openRouter,
      onError: (error) => console.error('[sandbox] unexpected error', error),
    }));

    return {
      baseUrl: `${ctx.origin}/v1`,
      port,
      addSecretKey: (key) => keys.add(key, now()),
      getSettings: () => ({ ...ctx.settings }),
      setSettings: (change) => {
        ctx.settings = saveSettings(db, change);
        limiter.configure(ctx.settings.rateLimit);
        return { ...ctx.settings };
      },
      reset: async () => {
        const seed = readMeta<SeedInfo>(db, 'seed');
        buildData(ctx, { users: seed?.users ?? options.seedUsers ?? DEFAULT_SEED_USERS, epoch: seed?.epoch ?? now() });
      },
      close: () => closeServer(server, db),
    };
  } catch (error) {
    if (server.listening) server.close();
    db.close();
    throw error;
  }
}

/**
 * (Re)creates the data tables, seeds them and builds the indexes. The schema version is written
 * last: a build cut short leaves the file marked unbuilt, and the next start rebuilds it.
 */
function buildData(ctx: SandboxContext, seed: Required<SeedInfo>): void {
  writeMeta(ctx.db, 'schema_version', 0);
  ctx.db.unjournaled(() => {
    recreateDataTables(ctx.db);
    seedInstance({ ...ctx, now: () => seed.epoch }, seed.users);
    createIndexes(ctx.db);
  });
  writeMeta(ctx.db, 'seed', seed satisfies SeedInfo);
  writeMeta(ctx.db, 'schema_version', SCHEMA_VERSION);
}

function closeServer(server: Server, db: SandboxDatabase): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      db.close();
      resolve();
    });
    // Keep-alive connections would hold close() open; nothing is in flight once we get here.
    server.closeAllConnections();
  });
}

/** A one-line summary of settings (for the CLI). */
export function describeSettings(settings: SandboxSettings): string {
  const limit = settings.rateLimit === false ? 'off' : `${settings.rateLimit.requests} requests / ${settings.rateLimit.windowMs / 1000} s per key`;
  return `plan ${settings.plan}, rate limit ${limit}`;
}
