/** Shared set-up for the audit tests: a real SQLite file in a fresh temp dir, and sample inputs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog, type OwnedAuditLog } from '../../../electron/services/audit';
import type { AuditLogOptions } from '../../../electron/services/audit/audit-log';
import type { IntentInput, OutcomeInput } from '../../../shared/audit/types';

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

/** An intent for `users.update` on `user_1` through profile `prof_1`, with `overrides` applied. */
export function intentInput(overrides: Partial<IntentInput> = {}): IntentInput {
  return {
    actor: { user: 'alice', host: 'alice-laptop' },
    appVersion: '1.2.3',
    profile: { id: 'prof_1', name: 'Acme Production', environment: 'production' },
    instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '3f9a0c4be172' },
    action: 'users.update',
    method: 'PATCH',
    route: '/users/{user_id}',
    path: '/users/user_1',
    target: { type: 'user', id: 'user_1' },
    body: { first_name: 'Ann' },
    ...overrides,
  };
}

/** A successful outcome. */
export function successOutcome(overrides: Partial<OutcomeInput> = {}): OutcomeInput {
  return { outcome: 'success', status: 200, durationMs: 120, traceId: 'trace_ok', response: { object: 'user', id: 'user_1' }, ...overrides };
}
