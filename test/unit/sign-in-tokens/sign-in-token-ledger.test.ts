/** The sign-in token ledger on a real SQLite file: per profile, per user, newest first, status kept, gone with its profile. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { SignInTokenLedgerEntry } from '../../../shared/ipc/channels/sign-in-tokens';
import { revokeRefusal, signInTokenState } from '../../../shared/sign-in-token-state';
import { SignInTokenLedger } from '../../../electron/services/sign-in-tokens/sign-in-token-ledger';
import { APP_DATABASE_FILE, openAppDatabase } from '../../../electron/services/storage/app-database';

let dir: string;
let db: DatabaseSync;
let ledger: SignInTokenLedger;

function addProfile(id: string): void {
  db.prepare("INSERT INTO profiles (id, name, environment, api_url, created_at, updated_at) VALUES (?, ?, 'development', 'http://127.0.0.1:1/v1', 1, 1)").run(id, id);
}

function entry(overrides: Partial<SignInTokenLedgerEntry> = {}): SignInTokenLedgerEntry {
  return { id: 'sit_1', profileId: 'p1', userId: 'user_a', userLabel: 'Ada', status: 'pending', createdAt: 1_000, expiresAt: 61_000, updatedAt: 1_000, ...overrides };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sign-in-token-ledger-'));
  db = openAppDatabase(join(dir, APP_DATABASE_FILE));
  ledger = new SignInTokenLedger(db);
  addProfile('p1');
  addProfile('p2');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sign-in token ledger', () => {
  it('keeps each profile’s tokens apart, newest first, and lists one user’s', () => {
    ledger.add(entry({ id: 'sit_old', createdAt: 1_000 }));
    ledger.add(entry({ id: 'sit_new', createdAt: 5_000 }));
    ledger.add(entry({ id: 'sit_other', userId: 'user_b', userLabel: 'Bo', createdAt: 3_000 }));
    ledger.add(entry({ id: 'sit_p2', profileId: 'p2' }));
    expect(ledger.list('p1').map((token) => token.id)).toEqual(['sit_new', 'sit_other', 'sit_old']);
    expect(ledger.list('p1', 'user_a').map((token) => token.id)).toEqual(['sit_new', 'sit_old']);
    expect(ledger.list('p2')).toEqual([entry({ id: 'sit_p2', profileId: 'p2' })]);
    expect(ledger.get('p2', 'sit_old')).toBeUndefined();
  });

  it('stores the status Clerk answered with, and says when a token is not in the ledger', () => {
    ledger.add(entry());
    expect(ledger.setStatus('p1', 'sit_1', 'revoked', 9_000)).toEqual(entry({ status: 'revoked', updatedAt: 9_000 }));
    expect(ledger.get('p1', 'sit_1')?.status).toBe('revoked');
    expect(ledger.setStatus('p1', 'sit_unknown', 'revoked', 9_000)).toBeUndefined();
  });

  it('refuses a status Clerk does not have', () => {
    expect(() => ledger.add(entry({ status: 'stolen' as never }))).toThrow(/CHECK constraint/);
  });

  it('forgets a profile’s tokens with the profile', () => {
    ledger.add(entry());
    db.prepare('DELETE FROM profiles WHERE id = ?').run('p1');
    expect(ledger.list('p1')).toEqual([]);
  });

  it('has no column for the token or its URL', () => {
    const columns = (db.prepare('PRAGMA table_info(sign_in_tokens)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).toEqual(['profile_id', 'id', 'user_id', 'user_label', 'status', 'created_at', 'expires_at', 'updated_at']);
  });
});

describe('whether a ledger token can be revoked', () => {
  it('allows only a pending, unexpired token and says why not otherwise', () => {
    expect(signInTokenState(entry(), 60_999)).toBe('pending');
    expect(revokeRefusal(entry(), 60_999)).toBeNull();
    expect(signInTokenState(entry(), 61_000)).toBe('expired');
    expect(revokeRefusal(entry(), 61_000)).toMatch(/expired/);
    expect(revokeRefusal(entry({ status: 'revoked' }), 0)).toMatch(/already revoked/);
    expect(revokeRefusal(entry({ status: 'accepted' }), 0)).toMatch(/already used/);
    // An expired token that was revoked reads as revoked: the status Clerk gave wins over the clock.
    expect(signInTokenState(entry({ status: 'revoked' }), 99_000)).toBe('revoked');
  });
});
