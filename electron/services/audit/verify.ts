/**
 * "Verify integrity": recomputes the hash chain from its anchor (the genesis hash, or the latest
 * retention checkpoint's last pruned hash) to the head, in batches so the main process stays
 * responsive, and names the first record that does not match.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { chainHash, GENESIS_HASH } from './chain';
import type { AuditProblemReason, AuditVerifyOptions, AuditVerifyResult, CheckpointRecord } from '../../../shared/audit/types';

const BATCH = 10_000;

type Problem = { seq: number; reason: AuditProblemReason; message: string };

/** Verifies the chain stored in `db` (see {@link AuditVerifyResult}). */
export async function verifyChain(db: DatabaseSync, { onProgress, signal }: AuditVerifyOptions = {}): Promise<AuditVerifyResult> {
  const head = db.prepare('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const anchor = readAnchor(db);
  if ('problem' in anchor) return { ok: false, checked: 0, problem: anchor.problem };
  if (!head) return { ok: true, checked: 0, firstSeq: null, head: null, anchorCheckpointSeq: null };

  let prev = anchor.hash;
  let expected = anchor.firstSeq;
  let checked = 0;
  const total = Math.max(0, head.seq - anchor.firstSeq + 1);
  const batch = db.prepare('SELECT seq, json, hash FROM audit_records WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?');
  batch.setReturnArrays(true);
  for (;;) {
    signal?.throwIfAborted();
    const rows = batch.all(expected, head.seq, BATCH) as unknown as [number, string, string][];
    if (rows.length === 0) break;
    for (const [seq, json, stored] of rows) {
      if (seq !== expected) return fail(checked, { seq: expected, reason: 'missing_record', message: `Record ${expected} is missing (the next record is ${seq}).` });
      const computed = chainHash(prev, json);
      if (computed !== stored) return fail(checked, mismatch(seq, json));
      prev = computed;
      expected++;
      checked++;
    }
    onProgress?.({ done: checked, total });
    await yieldToEventLoop();
  }
  if (expected <= head.seq) {
    return fail(checked, { seq: expected, reason: 'missing_record', message: `Record ${expected} is missing.` });
  }
  return { ok: true, checked, firstSeq: total > 0 ? anchor.firstSeq : null, head: { seq: head.seq, hash: prev }, anchorCheckpointSeq: anchor.checkpointSeq };
}

/** Where the chain starts: seq 1 from the genesis hash, or just after the latest checkpoint's pruned range. */
function readAnchor(db: DatabaseSync): { firstSeq: number; hash: string; checkpointSeq: number | null } | { problem: Problem } {
  const row = db
    .prepare('SELECT seq, json FROM audit_records WHERE pruned_through IS NOT NULL ORDER BY pruned_through DESC LIMIT 1')
    .get() as { seq: number; json: string } | undefined;
  if (!row) return { firstSeq: 1, hash: GENESIS_HASH, checkpointSeq: null };
  try {
    const checkpoint = JSON.parse(row.json) as CheckpointRecord;
    const { seq, hash } = checkpoint.prunedThrough;
    if (!Number.isSafeInteger(seq) || typeof hash !== 'string' || seq >= row.seq) throw new Error('malformed');
    return { firstSeq: seq + 1, hash, checkpointSeq: row.seq };
  } catch {
    return { problem: { seq: row.seq, reason: 'bad_anchor', message: `Checkpoint record ${row.seq} cannot be read, so the chain has no anchor.` } };
  }
}

function mismatch(seq: number, json: string): Problem {
  let claimed: unknown;
  try {
    claimed = (JSON.parse(json) as { seq?: unknown }).seq;
  } catch {
    return { seq, reason: 'hash_mismatch', message: `Record ${seq} was changed: its content is not valid JSON.` };
  }
  if (claimed !== seq) {
    return { seq, reason: 'out_of_order', message: `Record ${seq} holds the content of record ${String(claimed)}: records were moved.` };
  }
  return { seq, reason: 'hash_mismatch', message: `Record ${seq} does not match its hash: it (or the hash of record ${seq - 1}) was changed.` };
}

function fail(checked: number, problem: Problem): AuditVerifyResult {
  return { ok: false, checked, problem };
}
