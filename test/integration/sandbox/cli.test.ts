/**
 * `npm run sandbox` as a real child process: it prints the base URL and a working key, logs
 * requests to SANDBOX_REQUEST_LOG, stops cleanly on SIGTERM, and explains bad arguments.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../../electron/services/sandbox/cli.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function run(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return { child, output: () => output, exit };
}

/** Waits for the CLI's JSON ready line; fails with its output if it exits first. */
async function readyLine(cli: ReturnType<typeof run>): Promise<{ baseUrl: string; port: number; secretKey: string }> {
  let exited = false;
  void cli.exit.then(() => (exited = true));
  for (;;) {
    const line = cli.output().split('\n').find((l) => l.startsWith('{"baseUrl"'));
    if (line) return JSON.parse(line);
    if (exited) throw new Error(`the CLI exited before it was ready:\n${cli.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run sandbox', () => {
  it('serves on 127.0.0.1 with the printed key, logs requests, and exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    dirs.push(dir);
    const log = join(dir, 'requests.jsonl');
    const cli = run(['--port', '0', '--data', join(dir, 'data'), '--users', '12', '--no-rate-limit'], { SANDBOX_REQUEST_LOG: log });
    const ready = await readyLine(cli);
    expect(ready.baseUrl).toBe(`http://127.0.0.1:${ready.port}/v1`);
    expect(ready.secretKey).toMatch(/^sk_test_/);
    expect(cli.output()).toContain(`Base URL:   ${ready.baseUrl}`);
    const count = await fetch(`${ready.baseUrl}/users/count`, { headers: { Authorization: `Bearer ${ready.secretKey}` } });
    expect(await count.json()).toEqual({ object: 'total_count', total_count: 12 });
    // The log line is written after the answer is sent: wait for it rather than race it.
    const logged = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
    await expect.poll(logged, { timeout: 10_000 }).toEqual([{ method: 'GET', route: '/users/count', status: 200 }]);
    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
    expect(cli.output()).toContain('closing the Sandbox');
  });

  it('accepts a given key and keeps accepting it after a restart (its hash is stored)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    dirs.push(dir);
    const key = 'sk_test_cliGivenKey1234567890abcdefABCDEF';
    const first = run(['--data', dir, '--users', '3', '--secret-key', key]);
    const ready = await readyLine(first);
    expect(ready.secretKey).toBe(key);
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
    const second = run(['--data', dir]);
    const again = await readyLine(second);
    expect(again.secretKey).not.toBe(key);
    expect((await fetch(`${again.baseUrl}/users/count`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });

  it('explains bad arguments without a stack trace', async () => {
    for (const args of [['--port', '80000', '--data', 'x'], ['--users', 'many', '--data', 'x'], ['--port', '1']]) {
      const cli = run(args);
      expect(await cli.exit).toBe(2);
      expect(cli.output()).toMatch(/^sandbox: /);
      expect(cli.output()).toContain('Usage: npm run sandbox');
      expect(cli.output()).not.toMatch(/\n\s+at /);
    }
  });
});
