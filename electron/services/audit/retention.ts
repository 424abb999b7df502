/**
 * Retention: records older than N days are pruned through a signed checkpoint. The
 * checkpoint (who, when, how many, the last pruned record's seq and hash) is appended and
 * committed first; then the records it covers are deleted in small transactions. If the app
 * stops half-way, the leftovers are still covered (verification starts after them) and the next
 * prune finishes the job.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AuditLog } from './audit-log';
import type { AuditProgress, AuditPruneResult } from '../../../shared/audit/types';

const DAY_MS = 86_400_000;
const DELETE_BATCH = 5_000;

/** Applies the log's retention: a checkpoint is appended, then the records it covers are deleted. */
export async function pruneExpired(log: AuditLog, options: { onProgress?: (progress: AuditProgress) => void } = {}): Promise<AuditPruneResult> {
  const days = log.getRetention();
  const checkpointSeq = days === null ? null : appendCheckpoint(log, days, log.clock() - days * DAY_MS);
  const pruned = await deleteCovered(log, options.onProgress);
  return { pruned, checkpointSeq };
}

/** Appends the checkpoint for everything before `cutoff` (a seq prefix), or returns null if nothing is due. */
function appendCheckpoint(log: AuditLog, retentionDays: number, cutoff: number): number | null {
  const { db } = log;
  return log.appendBatch(() => {
    const covered = coveredThrough(log);
    const first = db.prepare('SELECT seq FROM audit_records WHERE seq > ? ORDER BY seq LIMIT 1').get(covered) as { seq: number } | undefined;
    const head = log.head();
    if (!first || !head) return null;
    // `+ts`: walk seq order from the oldest record (what is pruned is a prefix of the chain).
    const firstKept = db.prepare('SELECT seq FROM audit_records WHERE seq > ? AND +ts >= ? ORDER BY seq LIMIT 1').get(covered, cutoff) as
      | { seq: number }
      | undefined;
    const through = (firstKept?.seq ?? head.seq + 1) - 1;
    if (through < first.seq) return null;
    const last = db.prepare('SELECT hash FROM audit_records WHERE seq = ?').get(through) as { hash: string };
    const prunedCount = (db.prepare('SELECT count(*) AS n FROM audit_records WHERE seq BETWEEN ? AND ?').get(first.seq, through) as { n: number }).n;
    // Signed and linked like a digest when the log is signed, so a forged checkpoint fails verify.
    return log.appendCheckpoint((seq) => ({
      v: 1,
      kind: 'checkpoint',
      seq,
      ts: log.clock(),
      actor: log.actor,
      appVersion: log.appVersion,
      retentionDays,
      cutoff,
      prunedCount,
      prunedFromSeq: first.seq,
      prunedThrough: { seq: through, hash: last.hash },
    })).seq;
  });
}

/** Deletes every record a checkpoint covers, oldest first, a batch per transaction. */
async function deleteCovered(log: AuditLog, onProgress?: (progress: AuditProgress) => void): Promise<number> {
  const { db } = log;
  const covered = coveredThrough(log);
  const total = (db.prepare('SELECT count(*) AS n FROM audit_records WHERE seq <= ?').get(covered) as { n: number }).n;
  const nextBatchEnd = db.prepare('SELECT max(seq) AS hi FROM (SELECT seq FROM audit_records WHERE seq <= ? ORDER BY seq LIMIT ?)');
  const statements = [
    db.prepare('DELETE FROM audit_records WHERE seq <= ?'),
    db.prepare('DELETE FROM audit_pending WHERE intent_seq <= ?'),
    ...(log.searchMode === 'fts5' ? [db.prepare('DELETE FROM audit_fts WHERE rowid <= ?')] : []),
  ];
  let done = 0;
  for (;;) {
    const { hi } = nextBatchEnd.get(covered, DELETE_BATCH) as { hi: number | null };
    if (hi === null) break;
    done += log.appendBatch(() => {
      const removed = Number(statements[0].run(hi).changes);
      for (const statement of statements.slice(1)) statement.run(hi);
      return removed;
    });
    onProgress?.({ done, total });
    await yieldToEventLoop();
  }
  return done;
}

function coveredThrough(log: AuditLog): number {
  const row = log.db.prepare('SELECT max(pruned_through) AS p FROM audit_records WHERE pruned_through IS NOT NULL').get() as { p: number | null };
  return row.p ?? 0;
}
