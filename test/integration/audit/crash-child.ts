/**
 * Run by crash.test.ts in its own process: records one complete change, then starts a second
 * whose "send" never finishes, says so on stdout and waits to be killed (SIGKILL) by the parent.
 */
import { createAuditMiddleware, openAuditLog } from '../../../electron/services/audit';
import type { ClerkCall, ClerkResponse } from '../../../electron/services/clerk/call';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: crash-child.ts <database file>');

const log = openAuditLog(dbPath);
const record = createAuditMiddleware(log, {
  profile: { id: 'prof_crash', name: 'Crash test', environment: 'development' },
  instance: { apiUrl: 'http://127.0.0.1:9/v1', keyFingerprint: '000000000000' },
  appVersion: '0.0.0-test',
  actor: { user: 'crash', host: 'child' },
});
const ok = async (): Promise<ClerkResponse> => ({ status: 200, headers: new Headers(), body: { id: 'user_1', banned: true }, durationMs: 1 });
const hang = (): Promise<ClerkResponse> => {
  process.stdout.write('SENDING\n');
  return new Promise(() => setInterval(() => undefined, 1_000)); // the request "is on the wire" until the kill
};

const ban: ClerkCall = { method: 'POST', path: '/users/user_1/ban', route: '/users/{user_id}/ban', action: 'users.ban', target: { type: 'user', id: 'user_1' } };
await record(ban, ok);
await record({ ...ban, path: '/users/user_2/ban', target: { type: 'user', id: 'user_2' } }, hang);
