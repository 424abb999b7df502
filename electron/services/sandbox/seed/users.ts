/**
 * Seeded users: names, emails, phones, usernames, external IDs, OAuth accounts with tokens,
 * metadata, passwords and MFA, some banned or locked, activity spread over two years. The newest
 * users are a few fixed personas, so a fresh Sandbox opens on recognisable people.
 */
import { imageUrl, type SandboxContext } from '../context';
import { ID_PREFIX, newId } from '../ids';
import { emailAddressDoc, externalAccountDoc, fromOAuthVerification, phoneNumberDoc, web3WalletDoc } from '../serializers/identifications';
import { newUserDoc, refreshTwoFactor } from '../serializers/user';
import { saveUser } from '../store/users';
import type { OAuthTokenDoc, UserDoc } from '../types';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, OAUTH_PROVIDERS } from './data';
import type { SeedRandom } from './random';

const DAY = 86_400_000;
const SPAN = 730 * DAY;

/** Fixed personas (the newest users). */
const PERSONAS = [
  { first: 'Ada', last: 'Lovelace', email: 'ada@example.com', username: 'ada', phone: '+14155550101', admin: true },
  { first: 'Alan', last: 'Turing', email: 'alan.turing@example.org', username: 'aturing', phone: '+442079460958', admin: false },
  { first: 'Grace', last: 'Hopper', email: 'grace@example.net', username: 'grace_hopper', phone: null, admin: false },
  { first: 'Linus', last: 'Torvalds', email: 'linus@example.com', username: null, phone: '+14155550102', admin: false },
  { first: 'Margaret', last: 'Hamilton', email: 'margaret.hamilton@example.org', username: 'mhamilton', phone: null, admin: false },
];

/** What the seed of users produced, for the later seed steps. */
export interface SeededUsers {
  /** User IDs, oldest first. */
  ids: string[];
  /** Users with session activity, newest first (the ones that get sessions). */
  active: { id: string; lastActiveAt: number; createdAt: number }[];
}

function asciiLower(value: string): string {
  return value.normalize('NFKD').replace(/[^\w]/g, '').toLowerCase();
}

/** A unique fictional phone number for user `i` (NANP 555 exchange, or the UK drama range). */
function phoneFor(i: number): string {
  if (i % 5 === 4) return `+447700900${String(i % 1000).padStart(3, '0')}`;
  const area = 201 + (i % 780);
  const line = Math.floor(i / 780) % 10000;
  return `+1${area}555${String(line).padStart(4, '0')}`;
}

/** Creates `count` users; returns their IDs and activity. */
export function seedUsers(ctx: SandboxContext, rnd: SeedRandom, count: number, avatarIds: string[]): SeededUsers {
  const now = ctx.now();
  const emails = new Set<string>();
  const usernames = new Set<string>();
  const phones = new Set<string>();
  const result: SeededUsers = { ids: [], active: [] };
  for (let i = 0; i < count; i++) {
    const persona = PERSONAS[count - 1 - i];
    const createdAt = now - SPAN + Math.floor(((i + rnd.next() * 0.9) / count) * (SPAN - DAY));
    const first = persona?.first ?? rnd.pick(FIRST_NAMES);
    const last = persona?.last ?? rnd.pick(LAST_NAMES);
    const user = newUserDoc(ctx, {
      id: newId(ID_PREFIX.user, createdAt, rnd.bytes),
      createdAt,
      firstName: first,
      lastName: last,
      externalId: rnd.chance(0.3) ? `crm_${String(100000 + i)}` : null,
      publicMetadata: { plan: rnd.pick(['free', 'pro', 'enterprise']), onboarding: { completed: rnd.chance(0.8), step: rnd.int(1, 5) } },
      privateMetadata: rnd.chance(0.6) ? { stripe_customer_id: `cus_${rnd.hex(14)}`, ...(rnd.chance(0.2) ? { notes: 'VIP customer' } : {}) } : {},
      unsafeMetadata: rnd.chance(0.5) ? { theme: rnd.pick(['light', 'dark', 'system']) } : {},
    });

    let email = persona?.email ?? `${asciiLower(first)}.${asciiLower(last)}@${rnd.pick(EMAIL_DOMAINS)}`;
    if (emails.has(email)) email = email.replace('@', `${i}@`);
    emails.add(email);
    const fromOAuth = rnd.chance(0.35) ? rnd.pick(OAUTH_PROVIDERS) : undefined;
    const emailDoc = emailAddressDoc(newId(ID_PREFIX.identification, createdAt, rnd.bytes), email, createdAt);
    user.email_addresses.push(emailDoc);
    user.primary_email_address_id = emailDoc.id;
    if (rnd.chance(0.08)) {
      const work = `${asciiLower(first)}${i}@work.example.com`;
      if (!emails.has(work)) {
        emails.add(work);
        user.email_addresses.push(emailAddressDoc(newId(ID_PREFIX.identification, createdAt, rnd.bytes), work, createdAt));
      }
    }

    const phone = persona ? persona.phone : rnd.chance(0.4) ? phoneFor(i) : null;
    if (phone && !phones.has(phone)) {
      phones.add(phone);
      const phoneDoc = phoneNumberDoc(newId(ID_PREFIX.identification, createdAt, rnd.bytes), phone, createdAt);
      user.phone_numbers.push(phoneDoc);
      user.primary_phone_number_id = phoneDoc.id;
      if (rnd.chance(0.12)) Object.assign(phoneDoc, { reserved_for_second_factor: true, default_second_factor: true });
    }

    const username = persona ? persona.username : rnd.chance(0.45) ? `${asciiLower(first)}${asciiLower(last)}`.slice(0, 20) : null;
    if (username) {
      const unique = usernames.has(username) ? `${username}${i}` : username;
      usernames.add(unique);
      user.username = unique;
    }

    if (rnd.chance(0.04)) {
      const wallet = web3WalletDoc(newId(ID_PREFIX.identification, createdAt, rnd.bytes), `0x${rnd.hex(40)}`, createdAt);
      user.web3_wallets.push(wallet);
      user.primary_web3_wallet_id = wallet.id;
    }

    if (fromOAuth) {
      const account = externalAccountDoc({
        id: newId(ID_PREFIX.externalAccount, createdAt, rnd.bytes),
        provider: fromOAuth.provider,
        identificationId: emailDoc.id,
        providerUserId: String(100000000000 + i * 7919),
        scopes: fromOAuth.scopes,
        email,
        firstName: first,
        lastName: last,
        imageUrl: null,
        username: fromOAuth.provider === 'oauth_github' ? (user.username ?? `${asciiLower(first)}-${i}`) : null,
        at: createdAt,
      });
      user.external_accounts.push(account);
      emailDoc.verification = fromOAuthVerification(fromOAuth.provider);
      emailDoc.linked_to = [{ type: fromOAuth.provider, id: account.id }];
      const token: OAuthTokenDoc = {
        object: 'oauth_access_token',
        external_account_id: account.id,
        provider_user_id: account.provider_user_id,
        token: `${fromOAuth.provider.slice(6, 9)}_at_${rnd.hex(32)}`,
        // Half are already expired: reading them refreshes them, as Clerk does.
        expires_at: rnd.chance(0.5) ? now + rnd.int(1, 55) * 60_000 : now - rnd.int(1, 48) * 3_600_000,
        provider: fromOAuth.provider,
        public_metadata: {},
        label: null,
        scopes: fromOAuth.scopes.split(' '),
      };
      ctx.db.run('INSERT INTO oauth_tokens (external_account_id, user_id, provider, created_at, doc) VALUES (?, ?, ?, ?, ?)', [
        account.id,
        user.id,
        account.provider,
        createdAt,
        JSON.stringify(token),
      ]);
    }

    user.password_enabled = !fromOAuth || rnd.chance(0.3);
    user.password_last_updated_at = user.password_enabled ? createdAt : null;
    if (persona?.admin || rnd.chance(0.1)) {
      user.totp_enabled = true;
      user.backup_code_enabled = rnd.chance(0.7);
    }
    refreshTwoFactor(user);
    if (user.two_factor_enabled) user.mfa_enabled_at = createdAt + DAY;
    if (persona || rnd.chance(0.3)) {
      user.image_url = user.profile_image_url = imageUrl(ctx, avatarIds[i % avatarIds.length]);
      user.has_image = true;
    }
    if (persona || rnd.chance(0.85)) {
      user.last_sign_in_at = createdAt + Math.floor(rnd.next() * (now - createdAt));
      user.last_active_at = persona ? now - rnd.int(1, 120) * 60_000 : user.last_sign_in_at + Math.floor(rnd.next() * (now - user.last_sign_in_at));
      result.active.push({ id: user.id, lastActiveAt: user.last_active_at, createdAt });
    }
    user.banned = !persona && rnd.chance(0.02);
    const locked = !persona && !user.banned && rnd.chance(0.01);
    user.legal_accepted_at = rnd.chance(0.5) ? createdAt : null;
    user.updated_at = Math.max(createdAt, user.last_sign_in_at ?? createdAt);
    saveUserSeeded(ctx, user, locked ? now + ctx.settings.lockoutSeconds * 1000 : null);
    result.ids.push(user.id);
  }
  result.active.sort((a, b) => b.lastActiveAt - a.lastActiveAt);
  return result;
}

function saveUserSeeded(ctx: SandboxContext, user: UserDoc, lockedUntil: number | null): void {
  if (lockedUntil !== null) Object.assign(user, { locked: true, lockout_expires_in_seconds: ctx.settings.lockoutSeconds, verification_attempts_remaining: 0 });
  saveUser(ctx.db, { doc: user, lockedUntil }, true);
}
