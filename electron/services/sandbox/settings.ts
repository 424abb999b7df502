/**
 * Settings of a Sandbox instance, persisted in its database: the plan (SAML needs a paid plan on
 * Clerk, so `free` makes SAML answer 402), the per-key rate limit, and the lockout duration.
 */
import type { SandboxDatabase } from './db/database';

/** The per-key request budget, or `false` for none. */
export type RateLimitSetting = { requests: number; windowMs: number } | false;

/** Instance settings. */
export interface SandboxSettings {
  /** `free`: SAML endpoints answer 402 payment_required; `pro`: SAML works. */
  plan: 'free' | 'pro';
  /** Per secret key; Clerk's development instances allow 100 requests per 10 s. */
  rateLimit: RateLimitSetting;
  /** How long POST /users/{id}/lock locks a user (Clerk's default lockout is one hour). */
  lockoutSeconds: number;
}

/** Defaults of a new instance. */
export const DEFAULT_SETTINGS: SandboxSettings = {
  plan: 'pro',
  rateLimit: { requests: 100, windowMs: 10_000 },
  lockoutSeconds: 3600,
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
