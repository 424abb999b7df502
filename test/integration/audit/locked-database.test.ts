/**
 * A change recorded while another process holds the audit database's write lock: main's event
 * loop keeps running while the recorder waits, the change is not sent when the lock outlasts the
 * wait (and the error names the process holding it), and it goes through once the lock is let go.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditMiddleware } from '../../../electron/services/audit';
import { OwnedAuditLog } from '../../../electron/services/audit/open';
import type { ClerkCall, ClerkResponse } from '../../../electron/services/clerk/call';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { rejection } from '../../support/rejection';

// Holds BEGIN IMMEDIATE on the file (SQLite's write lock) until told "release" on stdin.
const HOLDER = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1]);
db.exec('PRAGMA journal_mode = WAL; BEGIN IMMEDIATE');
process.stdout.write('LOCKED\\n');
process.stdin.on('data', (chunk) => {
  if (String(chunk).includes('release')) { db.exec('COMMIT'); process.stdout.write('RELEASED\\n'); }
});
process.stdin.on('end', () => process.exit(0));
`;

let dir = '';
let log: OwnedAuditLog;
let holder: ChildProcessWithoutNullStreams | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-locked-'));
  // The app's own database: the audit log lives in it, on the same connection.
  const file = join(dir, 'clerk-admin.sqlite');
  log = new OwnedAuditLog(openAppDatabase(file));
});
afterEach(async () => {
  if (holder && holder.exitCode === null) {
    const exited = new Promise((done) => holder?.once('exit', done));
    holder.kill('SIGKILL');
    await exited;
  }
  holder = undefined;
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

async function holdLock(): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['-e', HOLDER, log.db.location() as string], { stdio: ['pipe', 'pipe', 'pipe'] });
  holder = child;
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await untilOutput(child, 'LOCKED', () => stderr);
  return child;
}

function untilOutput(child: ChildProcessWithoutNullStreams, word: string, stderr = () => ''): Promise<void> {
  return new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes(word)) {
        child.stdout.off('data', onData);
        ready();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the lock holder exited (${code}): ${stderr()}`)));
  });
}

/** Tracks the longest pause of the event loop (a 5 ms interval's largest gap between ticks). */
function watchEventLoop(): () => number {
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.max(maxGap, performance.now() - last);
  };
}

const BAN: ClerkCall = { method: 'POST', path: '/users/user_1/ban', route: '/users/{user_id}/ban', action: 'users.ban', target: { type: 'user', id: 'user_1' } };

function recorder(totalMs: number) {
  const sent: ClerkCall[] = [];
  const middleware = createAuditMiddleware(log, {
    profile: { id: 'prof_1', name: 'Acme', environment: 'production' },
    instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '3f9a0c4be172' },
    appVersion: '1.2.3',
    actor: { user: 'alice', host: 'laptop' },
    busyRetry: { totalMs },
  });
  const next = async (call: ClerkCall): Promise<ClerkResponse> => {
    sent.push(call);
    return { status: 200, headers: new Headers(), body: { object: 'user', id: 'user_1', banned: true }, durationMs: 1 };
  };
  return { send: (call: ClerkCall) => middleware(call, next), sent };
}

describe('a locked audit database', () => {
  it('keeps the event loop running, does not send the change, and names the process holding the lock', async () => {
    const child = await holdLock();
    const { send, sent } = recorder(1500);
    const maxGap = watchEventLoop();
    const started = performance.now();
    const error = await rejection(send(BAN));
    const waited = performance.now() - started;
    const gap = maxGap();

    // The loop never stopped for long (the old 5 s busy timeout blocked it in one go).
    expect(gap).toBeLessThan(1000);
    expect(error).toMatchObject({ kind: 'audit', code: 'audit_log_locked' });
    expect(error.message).toContain('The change was not sent');
    expect(error.message).toContain(`process ${child.pid}`);
    expect(error.message).toContain(process.execPath);
    expect(error.message).toMatch(/Close that program or end that process/);
    expect(sent).toEqual([]);
    expect(log.list().rows).toEqual([]);
    // It waited out the whole retry window before giving up.
    expect(waited).toBeGreaterThanOrEqual(1400);
  });

  it('records and sends the change once the lock is released during the wait', async () => {
    const child = await holdLock();
    const { send, sent } = recorder(5000);
    const maxGap = watchEventLoop();
    const pending = send(BAN);
    await new Promise((done) => setTimeout(done, 300));
    expect(sent).toEqual([]);
    child.stdin.write('release\n');
    await untilOutput(child, 'RELEASED');
    await expect(pending).resolves.toMatchObject({ status: 200 });
    expect(maxGap()).toBeLessThan(1000);
    expect(sent.map((call) => call.path)).toEqual(['/users/user_1/ban']);
    expect(log.list().rows).toMatchObject([{ seq: 1, action: 'users.ban', outcome: 'success' }]);
  });
});
