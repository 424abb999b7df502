/**
 * Persistence of users: the User document plus the columns lists filter and sort on, and one
 * row per identifier (email, phone, web3 wallet, OAuth account) for uniqueness and lookups.
 */
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/database';
import { errors } from '../errors';
import { applyLockState } from '../serializers/user';
import type { UserDoc } from '../types';

/** A stored user: its document and when its lock ends (ms), if locked. */
export interface UserRecord {
  doc: UserDoc;
  lockedUntil: number | null;
}

/**
 * A user row as selected for rendering. The document is stored as UTF-8 bytes: a page of users
 * is then a byte concatenation, with no decoding into strings and re-encoding for the socket.
 */
export interface UserRow {
  doc: Uint8Array;
  locked_until: number | null;
}

/** Decodes a stored user document. */
export function parseUserDoc(bytes: Uint8Array): UserDoc {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as UserDoc;
}

/** Kinds of identifier rows. OAuth accounts use their provider (`oauth_google`) as kind. */
export type IdentifierKind = 'email_address' | 'phone_number' | 'web3_wallet' | `oauth_${string}`;

/** The JSON bytes of a user row, with the lock state as of `now` (only locked users are re-serialized). */
export function renderUserRow(row: UserRow, now: number): Uint8Array {
  if (row.locked_until === null) return row.doc;
  const user = parseUserDoc(row.doc);
  applyLockState(user, row.locked_until, now);
  return Buffer.from(JSON.stringify(user));
}

/** The JSON bytes of a user as stored (no parse unless locked), or Clerk's 404. */
export function userJson(ctx: SandboxContext, id: string): Uint8Array {
  const row = ctx.db.get<UserRow>('SELECT doc, locked_until FROM users WHERE id = ?', [id]);
  if (!row) throw userNotFound(id);
  return renderUserRow(row, ctx.now());
}

function userNotFound(id: string) {
  return errors.notFound(`No user was found with id ${id}`, 'User not found');
}

/** Loads a user, or undefined. */
export function findUser(ctx: SandboxContext, id: string): UserRecord | undefined {
  const row = ctx.db.get<UserRow>('SELECT doc, locked_until FROM users WHERE id = ?', [id]);
  if (!row) return undefined;
  const doc = parseUserDoc(row.doc);
  applyLockState(doc, row.locked_until, ctx.now());
  return { doc, lockedUntil: row.locked_until !== null && row.locked_until > ctx.now() ? row.locked_until : null };
}

/** Loads a user or throws Clerk's 404. */
export function requireUser(ctx: SandboxContext, id: string): UserRecord {
  const record = findUser(ctx, id);
  if (!record) throw userNotFound(id);
  return record;
}

/** Does this user exist? */
export function userExists(db: SandboxDatabase, id: string): boolean {
  return db.get('SELECT 1 AS found FROM users WHERE id = ?', [id]) !== undefined;
}

function lower(value: string | null | undefined): string | null {
  return value ? value.toLowerCase() : null;
}

/** Everything `query` matches on, lower-cased in one column (ids, names, identifiers). */
export function searchText(user: UserDoc): string {
  const parts: string[] = [user.id];
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  if (name) parts.push(name);
  if (user.username) parts.push(user.username);
  if (user.external_id) parts.push(user.external_id);
  for (const e of user.email_addresses) parts.push(e.email_address);
  for (const p of user.phone_numbers) parts.push(p.phone_number);
  for (const w of user.web3_wallets) parts.push(w.web3_wallet);
  return parts.join('\n').toLowerCase();
}

/** The identifier rows of a user. */
export function identifierRows(user: UserDoc): { id: string; kind: IdentifierKind; value: string }[] {
  return [
    ...user.email_addresses.map((e) => ({ id: e.id, kind: 'email_address' as const, value: e.email_address.toLowerCase() })),
    ...user.phone_numbers.map((p) => ({ id: p.id, kind: 'phone_number' as const, value: p.phone_number })),
    ...user.web3_wallets.map((w) => ({ id: w.id, kind: 'web3_wallet' as const, value: w.web3_wallet.toLowerCase() })),
    ...user.external_accounts.map((a) => ({ id: a.id, kind: a.provider as IdentifierKind, value: a.provider_user_id.toLowerCase() })),
  ];
}

const UPSERT_USER = `INSERT INTO users (id, created_at, updated_at, external_id, username, first_name, last_name, email, phone, web3,
  banned, last_active_at, last_sign_in_at, locked_until, search, doc)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, updated_at = excluded.updated_at, external_id = excluded.external_id,
  username = excluded.username, first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
  phone = excluded.phone, web3 = excluded.web3, banned = excluded.banned, last_active_at = excluded.last_active_at,
  last_sign_in_at = excluded.last_sign_in_at, locked_until = excluded.locked_until, search = excluded.search, doc = excluded.doc`;

/**
 * Writes a user and its identifier rows. `isNew` skips deleting old identifier rows (the seed's
 * bulk load). Uniqueness must have been checked by the caller, to answer with the right 422.
 */
export function saveUser(db: SandboxDatabase, record: UserRecord, isNew = false): void {
  const user = record.doc;
  const email = user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address;
  const phone = user.phone_numbers.find((p) => p.id === user.primary_phone_number_id)?.phone_number;
  const web3 = user.web3_wallets.find((w) => w.id === user.primary_web3_wallet_id)?.web3_wallet;
  db.transaction(() => {
    db.run(UPSERT_USER, [
      user.id,
      user.created_at,
      user.updated_at,
      user.external_id,
      lower(user.username),
      lower(user.first_name),
      lower(user.last_name),
      lower(email),
      phone ?? null,
      lower(web3),
      user.banned ? 1 : 0,
      user.last_active_at,
      user.last_sign_in_at,
      record.lockedUntil,
      searchText(user),
      Buffer.from(JSON.stringify(user)),
    ]);
    if (!isNew) db.run('DELETE FROM identifiers WHERE user_id = ?', [user.id]);
    for (const row of identifierRows(user)) {
      db.run('INSERT INTO identifiers (id, user_id, kind, value) VALUES (?, ?, ?, ?)', [row.id, user.id, row.kind, row.value]);
    }
  });
}

/** The user owning an identifier value (lower-cased for emails and wallets), if any. */
export function identifierOwner(db: SandboxDatabase, kind: IdentifierKind, value: string): string | undefined {
  const normalized = kind === 'phone_number' ? value : value.toLowerCase();
  return db.get<{ user_id: string }>('SELECT user_id FROM identifiers WHERE kind = ? AND value = ?', [kind, normalized])?.user_id;
}

/** The user owning an identification ID (e.g. a phone number's `idn_…`), if any. */
export function identificationOwner(db: SandboxDatabase, identificationId: string, kind: IdentifierKind): string | undefined {
  return db.get<{ user_id: string }>('SELECT user_id FROM identifiers WHERE id = ? AND kind = ?', [identificationId, kind])?.user_id;
}

const TAKEN_MESSAGES: Record<string, string> = {
  email_address: 'That email address is taken. Please try another.',
  phone_number: 'That phone number is taken. Please try another.',
  web3_wallet: 'That web3 wallet is taken. Please try another.',
  username: 'That username is taken. Please try another.',
  external_id: 'That external ID is taken. Please try another.',
};

/** Throws 422 form_identifier_exists when another user already holds this identifier. */
export function assertIdentifierFree(db: SandboxDatabase, kind: 'email_address' | 'phone_number' | 'web3_wallet', value: string, exceptUserId?: string): void {
  const owner = identifierOwner(db, kind, value);
  if (owner !== undefined && owner !== exceptUserId) throw errors.identifierExists(kind, TAKEN_MESSAGES[kind]);
}

/** Throws 422 form_identifier_exists when another user has this username (case-insensitive). */
export function assertUsernameFree(db: SandboxDatabase, username: string, exceptUserId?: string): void {
  const row = db.get<{ id: string }>('SELECT id FROM users WHERE username = ?', [username.toLowerCase()]);
  if (row && row.id !== exceptUserId) throw errors.identifierExists('username', TAKEN_MESSAGES.username);
}

/** Throws 422 form_identifier_exists when another user has this external ID. */
export function assertExternalIdFree(db: SandboxDatabase, externalId: string, exceptUserId?: string): void {
  const row = db.get<{ id: string }>('SELECT id FROM users WHERE external_id = ?', [externalId]);
  if (row && row.id !== exceptUserId) throw errors.identifierExists('external_id', TAKEN_MESSAGES.external_id);
}

/** Deletes a user and everything that belongs to them (identifiers, memberships, sessions, tokens). */
export function deleteUserCascade(db: SandboxDatabase, id: string): void {
  db.transaction(() => {
    for (const table of ['identifiers', 'memberships', 'sessions', 'sign_in_tokens', 'oauth_tokens']) {
      db.run(`DELETE FROM ${table} WHERE user_id = ?`, [id]);
    }
    db.run('DELETE FROM users WHERE id = ?', [id]);
  });
}
