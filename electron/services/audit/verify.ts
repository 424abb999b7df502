/**
 * "Verify integrity": recomputes the hash chain from its start (the genesis hash, or the latest
 * retention checkpoint's last pruned hash) to the head, in batches so the main process stays
 * responsive; on a signed log also every digest's and checkpoint's signature and link and the
 * keychain's anchor (chain-check.ts). Names the first record or digest that does not match.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { GENESIS_HASH } from './chain';
import { ChainChecker, checkCheckpointSignature, type ChainProblem, type SignatureKey } from './chain-check';
import type { AuditAnchor } from './signing-key';
import type { AuditVerifyOptions, AuditVerifyResult, CheckpointRecord } from '../../../shared/audit/types';

const BATCH = 10_000;

/** What a signed log is verified against: its public key and the keychain's anchor. */
export interface VerifySigning {
  signer: { info: { fingerprint: string }; verify(text: string, signature: string): boolean };
  anchor: AuditAnchor | null;
}

/** Verifies the chain stored in `db` (see {@link AuditVerifyResult}); with `signing`, its signatures too. */
export async function verifyChain(db: DatabaseSync, { onProgress, signal }: AuditVerifyOptions = {}, signing?: VerifySigning): Promise<AuditVerifyResult> {
  const head = db.prepare('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const key: SignatureKey | undefined = signing && { fingerprint: signing.signer.info.fingerprint, verify: (text, sig) => signing.signer.verify(text, sig) };
  const start = readStart(db, key);
  if ('problem' in start) return fail(0, start.problem);
  const checker = new ChainChecker({ ...start, key, anchor: signing ? signing.anchor : undefined });
  const headSeq = head?.seq ?? 0;
  const total = Math.max(0, headSeq - start.firstSeq + 1);
  const batch = db.prepare('SELECT seq, json, hash, kind FROM audit_records WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?');
  batch.setReturnArrays(true);
  for (;;) {
    signal?.throwIfAborted();
    const rows = batch.all(checker.nextSeq, headSeq, BATCH) as unknown as [number, string, string, string | null][];
    if (rows.length === 0) break;
    for (const [seq, json, stored, kind] of rows) {
      const problem = checker.push(seq, json, stored, kind);
      if (problem) return fail(checker.checked, problem);
    }
    onProgress?.({ done: checker.checked, total });
    await yieldToEventLoop();
  }
  const problem = checker.finish(headSeq);
  if (problem) return fail(checker.checked, problem);
  return {
    ok: true,
    checked: checker.checked,
    firstSeq: total > 0 ? start.firstSeq : null,
    head: head ? { seq: head.seq, hash: checker.headHash } : null,
    anchorCheckpointSeq: start.checkpointSeq,
    ...(key ? { signatures: checker.summary(headSeq) } : {}),
  };
}

type Start = { firstSeq: number; prevHash: string; checkpointSeq: number | null };

/** Where the chain starts: seq 1 from the genesis hash, or just after the latest checkpoint's pruned range (whose signature is checked first). */
function readStart(db: DatabaseSync, key: SignatureKey | undefined): Start | { problem: ChainProblem } {
  const row = db
    .prepare('SELECT seq, json FROM audit_records WHERE pruned_through IS NOT NULL ORDER BY pruned_through DESC LIMIT 1')
    .get() as { seq: number; json: string } | undefined;
  if (!row) return { firstSeq: 1, prevHash: GENESIS_HASH, checkpointSeq: null };
  if (key) {
    // A forged checkpoint would let verify start after the records it "covers": check it before trusting it.
    const problem = checkCheckpointSignature(row.seq, row.json, key);
    if (problem) return { problem };
  }
  try {
    const checkpoint = JSON.parse(row.json) as CheckpointRecord;
    const { seq, hash } = checkpoint.prunedThrough;
    if (!Number.isSafeInteger(seq) || typeof hash !== 'string' || seq >= row.seq) throw new Error('malformed');
    return { firstSeq: seq + 1, prevHash: hash, checkpointSeq: row.seq };
  } catch {
    return { problem: { seq: row.seq, reason: 'bad_anchor', message: `Checkpoint record ${row.seq} cannot be read, so the chain has no anchor.`, subject: 'checkpoint' } };
  }
}

function fail(checked: number, problem: ChainProblem): AuditVerifyResult {
  return { ok: false, checked, problem };
}
