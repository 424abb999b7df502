/**
 * What every route handler works with: the database, the clock, the instance identity, the
 * current settings and the origin the Sandbox is reachable at (for URLs it hands out).
 */
import type { SandboxDatabase } from './db/database';
import type { RandomBytes } from './ids';
import type { InstanceInfo } from './instance';
import type { SandboxSettings } from './settings';

/** Shared state of a running Sandbox. */
export interface SandboxContext {
  db: SandboxDatabase;
  now: () => number;
  random: RandomBytes;
  instance: InstanceInfo;
  settings: SandboxSettings;
  /** e.g. `http://127.0.0.1:4123` (no trailing slash). */
  origin: string;
}

/** URL of an image the Sandbox serves itself. */
export function imageUrl(ctx: Pick<SandboxContext, 'origin'>, imageId: string): string {
  return `${ctx.origin}/images/${imageId}`;
}

/** ID of the built-in placeholder avatar (users and organizations without an image). */
export const DEFAULT_AVATAR_ID = 'img_default_avatar';
/** ID of the built-in placeholder logo. */
export const DEFAULT_LOGO_ID = 'img_default_logo';
