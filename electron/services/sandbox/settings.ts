/**
 * Settings of a Sandbox instance, persisted in its database: the plan (SAML needs a paid plan on
 * Clerk, so `free` makes SAML answer 402), the per-key rate limit, and the lockout duration.
 */
import type { SandboxDatabase } from './db/database';

/** The per-key request budget, or `false` for none. */
export type RateLimitSetting = { requests: number; windowMs: number } | false;

/**
 * Fault injection for benchmarks and tests (issue 10): a share of the authenticated API requests is
 * refused with 429 and `Retry-After`, as an instance at its limit answers, before the route runs
 * (so a refused request changes nothing). `false`: none.
 */
export type InjectedRateLimitSetting = { share: number; retryAfterSeconds: number } | false;

/** Instance settings. */
export interface SandboxSettings {
  /** `free`: SAML endpoints answer 402 payment_required; `pro`: SAML works. */
  plan: 'free' | 'pro';
  /** Per secret key; Clerk's development instances allow 100 requests per 10 s. */
  rateLimit: RateLimitSetting;
  /** How long POST /users/{id}/lock locks a user (Clerk's default lockout is one hour). */
  lockoutSeconds: number;
  /** Refuses this share of requests with 429 (see {@link InjectedRateLimitSetting}). */
  injected429: InjectedRateLimitSetting;
}

/** Defaults of a new instance. */
export const DEFAULT_SETTINGS: SandboxSettings = {
  plan: 'pro',
  rateLimit: { requests: 100, windowMs: 10_000 },
  lockoutSeconds: 3600,
  injected429: false,
};

/** Checks a (partial) settings object, throwing a clear error for a bad value. */
export function validateSettings(settings: Partial<SandboxSettings>): void {
  if (settings.plan !== undefined && settings.plan !== 'free' && settings.plan !== 'pro') {
    throw new Error(`plan must be "free" or "pro", got ${JSON.stringify(settings.plan)}`);
  }
  const limit = settings.rateLimit;
  if (limit !== undefined && limit !== false) {
    if (!Number.isInteger(limit.requests) || limit.requests < 1) throw new Error('rateLimit.requests must be a positive integer');
    if (!Number.isInteger(limit.windowMs) || limit.windowMs < 1) throw new Error('rateLimit.windowMs must be a positive integer (ms)');
  }
  const injected = settings.injected429;
  if (injected !== undefined && injected !== false) {
    if (typeof injected.share !== 'number' || !(injected.share > 0 && injected.share <= 1)) throw new Error('injected429.share must be a number in (0, 1]');
    if (!Number.isInteger(injected.retryAfterSeconds) || injected.retryAfterSeconds < 1) throw new Error('injected429.retryAfterSeconds must be a positive integer');
  }
  if (settings.lockoutSeconds !== undefined && (!Number.isInteger(settings.lockoutSeconds) || settings.lockoutSeconds < 1)) {
    throw new Error('lockoutSeconds must be a positive integer');
  }
}

/** Reads a value of the `meta` table. */
export function readMeta<T>(db: SandboxDatabase, key: string): T | undefined {
  const row = db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as T) : undefined;
}

/** Writes a value of the `meta` table. */
export function writeMeta(db: SandboxDatabase, key: string, value: unknown): void {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
}

/** The persisted settings merged over the defaults. */
export function loadSettings(db: SandboxDatabase): SandboxSettings {
  return { ...DEFAULT_SETTINGS, ...readMeta<Partial<SandboxSettings>>(db, 'settings') };
}

/** Validates, merges and persists a settings change; returns the new settings. */
export function saveSettings(db: SandboxDatabase, change: Partial<SandboxSettings>): SandboxSettings {
  validateSettings(change);
  const next = { ...loadSettings(db), ...stripUndefined(change) };
  writeMeta(db, 'settings', next);
  return next;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
