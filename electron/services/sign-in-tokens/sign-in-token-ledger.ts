/**
 * The local ledger of the sign-in tokens this app created, per profile, in the app database
 * (migration 4). Clerk has no endpoint that lists or reads sign-in tokens, so this is the only
 * place the app can show them again. It never holds the token or its URL: the columns are the
 * token's id, its user, when it was made and expires, and the status Clerk last answered with.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { SignInTokenLedgerEntry, SignInTokenStatus } from '../../../shared/ipc/channels/sign-in-tokens';

interface Row {
  profile_id: string;
  id: string;
  user_id: string;
  user_label: string;
  status: SignInTokenStatus;
  created_at: number;
  expires_at: number;
  updated_at: number;
}

const COLUMNS = 'profile_id, id, user_id, user_label, status, created_at, expires_at, updated_at';

function entryOf(row: Row): SignInTokenLedgerEntry {
  return {
    id: row.id,
    profileId: row.profile_id,
    userId: row.user_id,
    userLabel: row.user_label,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    updatedAt: row.updated_at,
  };
}

/** Reads and writes the sign-in token ledger. */
export class SignInTokenLedger {
  constructor(private readonly db: DatabaseSync) {}

  /** Records a token the app created (a second record of the same id replaces the first). */
  add(entry: SignInTokenLedgerEntry): SignInTokenLedgerEntry {
    this.db
      .prepare(
        `INSERT INTO sign_in_tokens (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (profile_id, id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
      )
      .run(entry.profileId, entry.id, entry.userId, entry.userLabel, entry.status, entry.createdAt, entry.expiresAt, entry.updatedAt);
    return this.get(entry.profileId, entry.id)!;
  }

  /** One token of a profile's ledger, or undefined when the app did not create it. */
  get(profileId: string, id: string): SignInTokenLedgerEntry | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM sign_in_tokens WHERE profile_id = ? AND id = ?`).get(profileId, id) as Row | undefined;
    return row ? entryOf(row) : undefined;
  }

  /** A profile's tokens (of one user, when given), newest first. */
  list(profileId: string, userId?: string): SignInTokenLedgerEntry[] {
    const rows = (
      userId === undefined
        ? this.db.prepare(`SELECT ${COLUMNS} FROM sign_in_tokens WHERE profile_id = ? ORDER BY created_at DESC, id DESC`).all(profileId)
        : this.db.prepare(`SELECT ${COLUMNS} FROM sign_in_tokens WHERE profile_id = ? AND user_id = ? ORDER BY created_at DESC, id DESC`).all(profileId, userId)
    ) as unknown as Row[];
    return rows.map(entryOf);
  }

  /** Stores the status Clerk answered with; undefined when the token is not in the ledger. */
  setStatus(profileId: string, id: string, status: SignInTokenStatus, at: number): SignInTokenLedgerEntry | undefined {
    this.db.prepare('UPDATE sign_in_tokens SET status = ?, updated_at = ? WHERE profile_id = ? AND id = ?').run(status, at, profileId, id);
    return this.get(profileId, id);
  }
}
