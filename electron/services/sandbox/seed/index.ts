/**
 * The deterministic seed of a Sandbox instance: for the same user count and clock it produces
 * the same data. Runs in one transaction (bulk inserts), before the secondary indexes exist.
 */
import type { SandboxContext } from '../context';
import { seedConfiguration, seedSessions, seedSignInTokens, seedSignUps } from './activity';
import { seedImages } from './images';
import { seedOrganizations, seedSamlConnections } from './organizations';
import { SeedRandom } from './random';
import { seedUsers } from './users';

/** Users in a fresh Sandbox unless told otherwise. */
export const DEFAULT_SEED_USERS = 300;

/** Fills an empty instance. */
export function seedInstance(instanceCtx: SandboxContext, userCount: number): void {
  if (!Number.isInteger(userCount) || userCount < 0) throw new Error(`seedUsers must be a non-negative integer, got ${userCount}`);
  const rnd = new SeedRandom(`clerk-sandbox/${userCount}`);
  // Every ID, including those minted by shared helpers, comes from the seeded generator.
  const ctx: SandboxContext = { ...instanceCtx, random: rnd.bytes };
  ctx.db.transaction(() => {
    const images = seedImages(ctx);
    const users = seedUsers(ctx, rnd, userCount, images.avatars);
    seedConfiguration(ctx, rnd);
    if (userCount === 0) return;
    const orgs = seedOrganizations(ctx, rnd, users.ids, images.logos);
    seedSamlConnections(ctx, rnd, orgs);
    const activeSessions = seedSessions(ctx, rnd, users);
    seedSignInTokens(ctx, rnd, users);
    seedSignUps(ctx, rnd, users, activeSessions);
  });
}
