/**
 * Seeded activity: sessions (active and ended ones, on several devices), sign-in tokens in every
 * state, sign-up attempts in every state, redirect URLs and JWT templates.
 */
import type { SandboxContext } from '../context';
import { ID_PREFIX, newId } from '../ids';
import { newSessionDoc } from '../serializers/session';
import { saveSession } from '../store/sessions';
import { issueSignInToken, saveSignInToken } from '../store/sign-in-tokens';
import type { SessionDoc, SignUpDoc } from '../types';
import { CITIES, DEVICES, FIRST_NAMES, JWT_TEMPLATES, LAST_NAMES, REDIRECT_URLS } from './data';
import type { SeedRandom } from './random';
import type { SeededUsers } from './users';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Sessions are seeded for at most this many of the most recently active users. */
const USERS_WITH_SESSIONS = 2000;

/** Creates sessions for the most recently active users. */
export function seedSessions(ctx: SandboxContext, rnd: SeedRandom, users: SeededUsers): string[] {
  const now = ctx.now();
  const activeSessionIds: string[] = [];
  for (const user of users.active.slice(0, USERS_WITH_SESSIONS)) {
    const devices = rnd.int(1, 3);
    for (let d = 0; d < devices; d++) {
      const recent = now - user.lastActiveAt < 6 * DAY;
      const status: SessionDoc['status'] = d === 0 && recent ? 'active' : rnd.pick(['ended', 'ended', 'revoked', 'abandoned', 'active']);
      const lastActiveAt = d === 0 ? user.lastActiveAt : Math.max(user.createdAt, user.lastActiveAt - rnd.int(1, 60) * DAY);
      const createdAt = Math.max(user.createdAt, lastActiveAt - rnd.int(1, 72) * HOUR);
      const device = rnd.pick(DEVICES);
      const [city, country] = rnd.pick(CITIES);
      const session = newSessionDoc({
        id: newId(ID_PREFIX.session, createdAt, rnd.bytes),
        userId: user.id,
        clientId: newId(ID_PREFIX.client, createdAt, rnd.bytes),
        status: status === 'active' && now - lastActiveAt > 6 * DAY ? 'ended' : status,
        createdAt,
        lastActiveAt,
        activity: {
          object: 'session_activity',
          id: newId(ID_PREFIX.sessionActivity, createdAt, rnd.bytes),
          ...device,
          ip_address: `203.0.113.${rnd.int(1, 254)}`,
          city,
          country,
        },
      });
      saveSession(ctx.db, session);
      if (session.status === 'active') activeSessionIds.push(session.id);
    }
  }
  return activeSessionIds;
}

/** Creates sign-in tokens: pending ones, one accepted, one revoked. */
export function seedSignInTokens(ctx: SandboxContext, rnd: SeedRandom, users: SeededUsers): void {
  const recent = users.ids.slice(-8);
  recent.forEach((userId, i) => {
    const at = ctx.now() - (recent.length - i) * HOUR;
    const token = issueSignInToken(ctx, userId, i === 0 ? 3600 : 30 * 86_400, at);
    const status = i === 1 ? 'accepted' : i === 2 ? 'revoked' : 'pending';
    if (status !== 'pending') saveSignInToken(ctx, { ...token, status, updated_at: at + rnd.int(1, 50) * 60_000 });
  });
}

/** Creates sign-up attempts in every state. */
export function seedSignUps(ctx: SandboxContext, rnd: SeedRandom, users: SeededUsers, activeSessionIds: string[]): void {
  const now = ctx.now();
  for (let i = 0; i < 12; i++) {
    const createdAt = now - (12 - i) * 5 * HOUR;
    const status: SignUpDoc['status'] = i % 4 === 0 ? 'complete' : i % 4 === 1 ? 'abandoned' : 'missing_requirements';
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    const email = `${first.toLowerCase().replace(/[^a-z]/g, '')}.signup${i}@example.com`;
    const withPhone = i % 3 === 2;
    const missing = status === 'missing_requirements' ? (i % 2 === 0 ? ['password'] : []) : [];
    const unverified = status === 'missing_requirements' ? ['email_address'] : [];
    const doc: SignUpDoc = {
      object: 'sign_up_attempt',
      id: newId(ID_PREFIX.signUp, createdAt, rnd.bytes),
      status,
      required_fields: ['email_address', 'password'],
      optional_fields: ['first_name', 'last_name', 'username', 'phone_number'],
      missing_fields: missing,
      unverified_fields: unverified,
      verifications: {
        email_address: {
          status: unverified.length > 0 ? 'unverified' : 'verified',
          strategy: 'email_code',
          attempts: unverified.length > 0 ? 0 : 1,
          expire_at: createdAt + 600_000,
          next_action: unverified.length > 0 ? 'needs_attempt' : '',
          supported_strategies: ['email_code'],
        },
        phone_number: null,
        web3_wallet: null,
        external_account: null,
      },
      username: i % 2 === 0 ? `${first.toLowerCase().replace(/[^a-z]/g, '')}${i}` : null,
      email_address: email,
      phone_number: withPhone ? `+1415555${String(200 + i).padStart(4, '0')}` : null,
      web3_wallet: null,
      password_enabled: missing.length === 0,
      first_name: first,
      last_name: last,
      unsafe_metadata: i % 3 === 0 ? { referral: 'newsletter' } : {},
      public_metadata: {},
      custom_action: false,
      external_id: null,
      created_session_id: status === 'complete' ? (activeSessionIds[i] ?? null) : null,
      created_user_id: status === 'complete' ? (users.ids[users.ids.length - 1 - i] ?? null) : null,
      abandon_at: createdAt + DAY,
      legal_accepted_at: status === 'complete' ? createdAt : null,
      locale: rnd.pick(['en-US', 'de-DE', 'fr-FR', null]),
    };
    ctx.db.run('INSERT INTO sign_ups (id, created_at, doc) VALUES (?, ?, ?)', [doc.id, createdAt, JSON.stringify(doc)]);
  }
}

/** Creates the redirect URLs and JWT templates. */
export function seedConfiguration(ctx: SandboxContext, rnd: SeedRandom): void {
  const now = ctx.now();
  REDIRECT_URLS.forEach((url, i) => {
    const at = now - (REDIRECT_URLS.length - i) * 7 * DAY;
    const doc = { object: 'redirect_url', id: newId(ID_PREFIX.redirectUrl, at, rnd.bytes), url, created_at: at, updated_at: at };
    ctx.db.run('INSERT INTO redirect_urls (id, url, created_at, doc) VALUES (?, ?, ?, ?)', [doc.id, url, at, JSON.stringify(doc)]);
  });
  for (const template of JWT_TEMPLATES) {
    ctx.db.run('INSERT INTO jwt_templates (name, id, claims, lifetime_seconds, clock_skew_seconds) VALUES (?, ?, ?, ?, ?)', [
      template.name,
      newId(ID_PREFIX.jwtTemplate, now, rnd.bytes),
      JSON.stringify(template.claims),
      template.lifetime,
      5,
    ]);
  }
}
