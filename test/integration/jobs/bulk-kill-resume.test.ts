/**
 * A bulk job killed mid-run and resumed: the app process (scripts/bench/bulk-app.ts, the app's own
 * services) runs a 300-item ban against a real Sandbox, is killed with SIGKILL once 100 items are
 * done, and a new process on the same userData resumes the paused job. Counted from the Sandbox's
 * request log: every user is banned once — none lost, none banned twice.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from '../../../electron/services/sandbox';
import { appliedPerPath, readLog, runApp, startApp } from '../../../scripts/bench/bulk-harness';

let dir: string;
let sandbox: RunningSandbox;
const key = generateSandboxSecretKey();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-kill-'));
  sandbox = await startSandbox({
    dataDir: join(dir, 'sandbox'),
    seedUsers: 400,
    rateLimit: { requests: 1000, windowMs: 10_000 },
    secretKeys: [key],
    requestLogFile: join(dir, 'requests.jsonl'),
    requestLogDetail: true,
  });
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a bulk job killed mid-run', () => {
  it('is resumed by a new process and loses and repeats nothing', async () => {
    const response = await fetch(`${sandbox.baseUrl}/users?limit=500`, { headers: { Authorization: `Bearer ${key}` } });
    const ids = ((await response.json()) as User[]).filter((user) => !user.banned).slice(0, 300).map((user) => user.id);
    expect(ids).toHaveLength(300);
    const idsFile = join(dir, 'ids.json');
    writeFileSync(idsFile, JSON.stringify(ids));
    const userData = join(dir, 'app');
    mkdirSync(userData);
    const env = { apiUrl: sandbox.baseUrl, secretKey: key };

    const first = startApp([userData, 'run', 'users.ban', idsFile], env);
    await first.waitFor((event) => event.event === 'progress' && (event.done ?? 0) >= 100);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const bannedAtKill = appliedPerPath(readLog(join(dir, 'requests.jsonl')), 'POST', '/users/{user_id}/ban').size;
    expect(bannedAtKill).toBeLessThan(300); // killed mid-job, not after it

    const events = await runApp([userData, 'resume'], env);
    const end = events.find((event) => event.event === 'end')!;
    expect(end).toMatchObject({ state: 'done', counts: { done: 300, failed: 0, pending: 0, unknown: 0, sending: 0 } });

    const bans = appliedPerPath(readLog(join(dir, 'requests.jsonl')), 'POST', '/users/{user_id}/ban');
    expect(bans.size).toBe(300);
    expect([...bans.entries()].filter(([, count]) => count > 1)).toEqual([]);
    for (let i = 0; i < ids.length; i += 100) {
      const query = new URLSearchParams([['limit', '100'], ...ids.slice(i, i + 100).map((id): [string, string] => ['user_id', id])]);
      const page = (await (await fetch(`${sandbox.baseUrl}/users?${query}`, { headers: { Authorization: `Bearer ${key}` } })).json()) as User[];
      expect(page.filter((user) => !user.banned)).toEqual([]);
    }
  }, 120_000);
});
