import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openAuditLog } from '../../../electron/services/audit';

const repoRoot = resolve(import.meta.dirname, '../../..');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the child, waits until its second request is "on the wire", then SIGKILLs it. */
async function killMidRequest(dbPath: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), dbPath], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('SENDING') && ready());
    child.once('exit', (code) => fail(new Error(`the child exited (${code}) before sending: ${stderr}`)));
  });
  child.kill('SIGKILL');
  return exited;
}

it('keeps the intent of a change whose process was killed mid-request, as "outcome unknown"', async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-crash-'));
  const dbPath = join(dir, 'app.sqlite');
  expect(await killMidRequest(dbPath)).toBe('SIGKILL');

  const log = openAuditLog(dbPath);
  try {
    const rows = log.list().rows;
    expect(rows.map((row) => [row.seq, row.target?.id, row.outcome])).toEqual([
      [3, 'user_2', 'unknown'],
      [1, 'user_1', 'success'],
    ]);
    expect(rows[0]).toMatchObject({ actor: { user: 'crash', host: 'child' }, action: 'users.ban', status: null, completedAt: null });
    expect(log.list({ outcome: 'unknown' }).rows.map((row) => row.seq)).toEqual([3]);
    const verified = await log.verify();
    expect(verified).toMatchObject({ ok: true, checked: 3, head: { seq: 3 } });
    // The log carries on after the crash.
    const detail = log.get(3);
    if (!detail) throw new Error('change 3 is missing');
    const { actor, appVersion, profile, instance, action, method, route, path } = detail;
    expect(log.appendIntent({ actor, appVersion, profile, instance, action, method, route, path }).seq).toBe(4);
  } finally {
    log.close();
  }
});
