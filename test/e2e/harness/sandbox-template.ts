/**
 * One Sandbox instance per worker, made once and copied into every test's userData: a new
 * Sandbox spends most of its start on the instance's RSA-2048 signing key (~100 ms, more under
 * load). The copy is marked unbuilt, so each test's Sandbox still seeds itself afresh on start,
 * at the test's own clock (same data, same times as a brand-new Sandbox); only the instance
 * identity (its id and signing key) is shared by the tests of one worker.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../electron/services/sandbox';
import { SandboxDatabase } from '../../../electron/services/sandbox/db/database';
import { writeMeta } from '../../../electron/services/sandbox/settings';

/** What the template's meta keeps: a fresh file has no port, origin or seed of its own yet. */
const RUN_META = ['port', 'origin', 'seed'];

let template: Promise<string> | undefined;

async function makeTemplate(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'clerk-admin-e2e-sandbox-template-'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'sandbox');
  // No users: only the instance (and the settings' defaults) is worth keeping; the data is rebuilt per test.
  const sandbox = await startSandbox({ dataDir: dir, port: 0, seedUsers: 0, requestLogFile: '' });
  await sandbox.close();
  const db = new SandboxDatabase(join(dir, 'sandbox.sqlite'));
  try {
    for (const key of RUN_META) db.raw.prepare('DELETE FROM meta WHERE key = ?').run(key);
    // Unbuilt: the next start recreates the data tables and seeds them (startSandbox's own rule).
    writeMeta(db, 'schema_version', 0);
  } finally {
    db.close();
  }
  return dir;
}

/** Puts a copy of the worker's Sandbox template at `dataDir` (the folder the app's Sandbox uses). */
export async function placeSandboxTemplate(dataDir: string): Promise<void> {
  template ??= makeTemplate();
  cpSync(await template, dataDir, { recursive: true });
}
