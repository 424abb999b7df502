/** Shared set-up for the audit tests: a real SQLite file in a fresh temp dir (sample inputs: test/support/audit-records.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog, type OwnedAuditLog } from '../../../electron/services/audit';
import type { AuditLogOptions } from '../../../electron/services/audit/audit-log';

/** A log on a temp file; `cleanup` closes it and removes the directory. */
export interface TempLog {
  log: OwnedAuditLog;
  dir: string;
  path: string;
  cleanup(): void;
}

/** Opens an audit log on a new file in a new temp directory. */
export function tempLog(options: AuditLogOptions = {}): TempLog {
  const dir = mkdtempSync(join(tmpdir(), 'audit-test-'));
  const path = join(dir, 'app.sqlite');
  const log = openAuditLog(path, { actor: { user: 'tester', host: 'test-host' }, appVersion: '9.9.9', ...options });
  return {
    log,
    dir,
    path,
    cleanup: () => {
      log.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A deterministic clock: starts at `start` and moves `step` ms per reading. */
export function steppingClock(start = Date.UTC(2026, 0, 15, 9, 0, 0), step = 1000): () => number {
  let now = start - step;
  return () => (now += step);
}

export { intentInput, successOutcome } from '../../support/audit-records';
