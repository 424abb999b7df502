import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { createAuditMiddleware, openAuditLog, type OwnedAuditLog } from '../../../electron/services/audit';
import type { ClerkCall, ClerkResponse } from '../../../electron/services/clerk/call';
import { intentInput } from '../../support/audit-records';

// Every value here is a secret that must never reach the database file or its WAL.
const SECRETS = {
  password: 'pw-Secret-7f3a91c2',
  newPassword: 'pw-Rotated-0d9e8f7a',
  passwordDigest: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$digest8b2c4d6e',
  totpSecret: 'JBSWY3DPEHPK3PXP7Q2ZK4MN',
  backupCode1: 'bkp-11aa-22bb-9f8e',
  backupCode2: 'bkp-33cc-44dd-7d6c',
  signInToken: 'sit-token-9c8d7e6f5a4b',
  signInTicket: 'ticket-5a4b3c2d1e0f9a',
  invitationTicket: 'inv-ticket-0b1c2d3e4f',
  sessionJwt: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Imluc18xIn0.eyJzdWIiOiJ1c2VyXzEiLCJzaWQiOiJzZXNzXzEifQ.U2lnbmF0dXJlQnl0ZXNGb3JUZXN0',
  strayJwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdHJheSI6dHJ1ZX0.c3RyYXktc2lnbmF0dXJl',
  oauthAccessToken: 'ya29.oauth-access-77e1f2a3',
  oauthTokenSecret: 'oauth1-token-secret-4c5d',
  clientSecret: 'cs-oauth-app-55f0a1b2',
  testingToken: 'tt-1712345678-abcdef',
  clerkKey: 'sk_test_LeakedKey0123456789abcdef',
};

let dir = '';
let dbPath = '';
let log: OwnedAuditLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-redaction-'));
  dbPath = join(dir, 'app.sqlite');
  log = openAuditLog(dbPath);
});
afterEach(() => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The database file and its WAL (if present), as raw bytes. */
function rawFiles(): Buffer[] {
  return [dbPath, `${dbPath}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path));
}

function leaked(): string[] {
  const files = rawFiles();
  return Object.entries(SECRETS)
    .filter(([, value]) => files.some((bytes) => bytes.includes(Buffer.from(value, 'utf8'))))
    .map(([name]) => name);
}

it('writes none of the secret values to the database file or its WAL', async () => {
  const record = createAuditMiddleware(log, {
    profile: { id: 'prof_1', name: 'Acme', environment: 'production' },
    instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '3f9a0c4be172' },
    appVersion: '1.0.0',
    actor: { user: 'alice', host: 'laptop' },
  });
  const user = { object: 'user', id: 'user_1', first_name: 'Ann', password_enabled: true, totp_enabled: true, backup_code_enabled: true };
  const answer = (body: unknown) => async (): Promise<ClerkResponse> => ({ status: 200, headers: new Headers(), body, durationMs: 1 });
  const call = (method: ClerkCall['method'], path: string, extra: Partial<ClerkCall> = {}): ClerkCall => ({ method, path, route: path, action: 'test', ...extra });

  await record(call('POST', '/users', { body: { email_address: ['ann@example.com'], password: SECRETS.password, password_digest: SECRETS.passwordDigest, password_hasher: 'argon2id', totp_secret: SECRETS.totpSecret, backup_codes: [SECRETS.backupCode1, SECRETS.backupCode2] } }), answer(user));
  await record(
    call('PATCH', '/users/user_1', { body: { password: SECRETS.newPassword, note: `pasted ${SECRETS.strayJwt}` }, statePath: '/users/user_1' }),
    async (c) => (c.method === 'GET' ? answer({ ...user, private_metadata: { legacy_password: SECRETS.password } })() : answer({ ...user, unsafe_metadata: { api_key: SECRETS.clerkKey } })()),
  );
  await record(call('POST', '/users/user_1/verify_password', { body: { password: SECRETS.password } }), answer({ verified: true }));
  await record(call('POST', '/sign_in_tokens', { body: { user_id: 'user_1' } }), answer({ object: 'sign_in_token', id: 'sit_1', token: SECRETS.signInToken, url: `https://accounts.example.com/sign-in#/?__clerk_ticket=${SECRETS.signInTicket}` }));
  await record(call('POST', '/invitations', { body: { email_address: 'bob@example.com' } }), answer({ object: 'invitation', id: 'inv_1', url: `https://app.example.com/accept?__clerk_ticket=${SECRETS.invitationTicket}` }));
  await record(call('POST', '/sessions/sess_1/tokens', {}), answer({ object: 'token', jwt: SECRETS.sessionJwt }));
  await record(call('GET', '/users/user_1/oauth_access_tokens/oauth_x', { sensitive: true }), answer([{ object: 'oauth_access_token', token: SECRETS.oauthAccessToken, token_secret: SECRETS.oauthTokenSecret }]));
  await record(call('POST', '/oauth_applications', { body: { name: 'App' } }), answer({ object: 'oauth_application', id: 'oa_1', client_secret: SECRETS.clientSecret }));
  await record(call('POST', '/testing_tokens'), answer({ object: 'testing_token', token: SECRETS.testingToken }));
  // An error that echoes a secret (a server bug) is redacted too.
  await expect(
    record(call('POST', '/users/user_1/verify_totp', { body: { code: '123456' } }), async () => {
      throw new AppError({ kind: 'clerk', status: 400, message: `bad session ${SECRETS.sessionJwt} for key ${SECRETS.clerkKey}` });
    }),
  ).rejects.toBeInstanceOf(AppError);
  // A query string with a ticket, through the log directly.
  log.appendIntent(intentInput({ action: 'test.query', query: { redirect_url: `https://app.example.com/?ticket=${SECRETS.signInTicket}` } }));

  expect(log.count()).toBe(11);
  expect(existsSync(`${dbPath}-wal`)).toBe(true); // the freshly written pages are in the WAL: scan it as well
  expect(leaked()).toEqual([]);
  log.close();
  expect(leaked()).toEqual([]); // and after the WAL is checkpointed into the file

  // The scan does find a value that is stored, so an empty result means something.
  expect(rawFiles().some((bytes) => bytes.includes(Buffer.from('ann@example.com')))).toBe(true);
});
