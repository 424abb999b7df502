/**
 * `sessions.revoke` (issue 12, item 2): revokes each selected session of the Sessions list, one
 * item per session. Clerk has no read of many sessions by id, so the dry run reads each session
 * (GET /sessions/{id}) and skips, with why, one not found and one that can no longer be used
 * (already revoked, ended, expired, …). Sending again only answers with the revoked session, so a
 * resend after a crash is harmless. Registered in bulk-operations.ts.
 */
import type { Session } from '../../../../shared/clerk';
import { AppError } from '../../../../shared/ipc/errors';
import { operations } from '../../clerk/operations';
import type { BulkOperation, BulkVerdict } from './bulk-operation';

/** What the dry run says about a session in `status`: revocable, or skipped and why. */
export function sessionRevokeVerdict(status: Session['status']): BulkVerdict {
  if (status === 'active' || status === 'pending') return { kind: 'change' };
  // Revoked is what the job leaves: after an interrupted send it counts as done.
  if (status === 'revoked') return { kind: 'skip', reason: 'already revoked', applied: true };
  return { kind: 'skip', reason: `already ${status} (can no longer be used)`, applied: false };
}

/** `sessions.revoke`: one item per session (see the module comment). */
export const revokeSessionsOperation: BulkOperation = {
  name: 'sessions.revoke',
  title: 'Revoke sessions',
  // The recorder's before-state read and the revoke.
  requestsPerItem: 2,
  idempotent: true,
  async check(client, targets, _jobParams, signal) {
    const verdicts = new Map<string, BulkVerdict>();
    for (const { targetId } of targets) {
      try {
        const session = await client.run(operations.sessions.get, { session_id: targetId }, { signal });
        verdicts.set(targetId, sessionRevokeVerdict(session.status));
      } catch (error) {
        if (!(error instanceof AppError && error.status === 404)) throw error;
        verdicts.set(targetId, { kind: 'skip', reason: 'not found', applied: false });
      }
    }
    return verdicts;
  },
  async run(client, { targetId }, _params, options) {
    await client.run(operations.sessions.revoke, { session_id: targetId }, options);
    return 'revoked';
  },
};
