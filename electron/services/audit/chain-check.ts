/**
 * The one check behind "Verify integrity" and `npm run audit:verify-export`: fed the records in seq
 * order, it recomputes the hash chain and, given a public key, checks every digest's and
 * checkpoint's signature, its link to the signed record before it, that each digest seals the
 * record just before it, and (in the app) the head anchor the keychain remembers. It names the
 * first record or digest that fails and why.
 */
import { chainHash } from './chain';
import { signedText } from './digests';
import type { AuditAnchor } from './signing-key';
import type { AuditProblemReason, AuditProblemSubject, AuditSignatureSummary, CheckpointRecord, DigestRecord } from '../../../shared/audit/types';

/** What failed, where and why. */
export interface ChainProblem {
  seq: number;
  reason: AuditProblemReason;
  message: string;
  subject?: AuditProblemSubject;
}

/** The key signatures are checked with. */
export interface SignatureKey {
  fingerprint: string;
  verify(text: string, signature: string): boolean;
}

/** Where the chain starts and what it is checked against. */
export interface ChainCheckSetup {
  /** The first record expected (1, or the one after a checkpoint's pruned range). */
  firstSeq: number;
  /** The hash before it (the genesis hash, or the checkpoint's last pruned hash). */
  prevHash: string;
  /** The checkpoint the chain starts from, when records were pruned (its predecessor is gone). */
  checkpointSeq: number | null;
  /** Check signatures with this key; without one, only the hash chain is checked. */
  key?: SignatureKey;
  /** The newest signed record as remembered outside the file (the app's keychain). */
  anchor?: AuditAnchor | null;
}

const SIGNED = new Set(['digest', 'checkpoint']);

/** Checks records pushed one by one, in seq order. */
export class ChainChecker {
  checked = 0;
  private expected: number;
  private prev: string;
  private lastSigned: { seq: number; signature: string } | null = null;
  private digests = 0;
  private checkpoints = 0;

  constructor(private readonly setup: ChainCheckSetup) {
    this.expected = setup.firstSeq;
    this.prev = setup.prevHash;
  }

  /** The hash of the last record checked. */
  get headHash(): string {
    return this.prev;
  }

  /** The next seq expected. */
  get nextSeq(): number {
    return this.expected;
  }

  /** Checks one record (`kind` as stored; null when unknown). Returns the problem, or null. */
  push(seq: number, json: string, storedHash: string, kind: string | null): ChainProblem | null {
    if (seq !== this.expected) {
      return { seq: this.expected, reason: 'missing_record', message: `Record ${this.expected} is missing (the next record is ${seq}).`, subject: 'record' };
    }
    const computed = chainHash(this.prev, json);
    if (computed !== storedHash) return mismatch(seq, json);
    const { key, anchor } = this.setup;
    if (key && kind !== null && SIGNED.has(kind)) {
      const problem = this.checkSigned(seq, json, kind as 'digest' | 'checkpoint', key);
      if (problem) return problem;
    }
    if (key && anchor && seq === anchor.seq && computed !== anchor.hash) {
      return {
        seq,
        reason: 'anchor_mismatch',
        message: `Record ${seq} is not the digest the keychain remembers at that position: the records up to it were rewritten.`,
        subject: 'anchor',
      };
    }
    this.prev = computed;
    this.expected++;
    this.checked++;
    return null;
  }

  /** After the last record (the head at `headSeq`, or 0 for an empty log): the anchor's checks. */
  finish(headSeq: number): ChainProblem | null {
    if (this.expected <= headSeq) {
      return { seq: this.expected, reason: 'missing_record', message: `Record ${this.expected} is missing.`, subject: 'record' };
    }
    const { key, anchor } = this.setup;
    if (!key || anchor === undefined) return null;
    if (anchor && anchor.seq > headSeq) {
      return {
        seq: headSeq + 1,
        reason: 'truncated',
        message: `The log ends at record ${headSeq}, but the keychain remembers a digest at record ${anchor.seq}: records from ${headSeq + 1} on were deleted.`,
        subject: 'anchor',
      };
    }
    if (!anchor && this.lastSigned) {
      return {
        seq: this.lastSigned.seq,
        reason: 'anchor_mismatch',
        message: `The log holds signed digests, but the keychain remembers none: the keychain's anchor was removed, so truncation cannot be ruled out.`,
        subject: 'anchor',
      };
    }
    return null;
  }

  /** The signing side of the result. */
  summary(headSeq: number): AuditSignatureSummary | undefined {
    const { key, anchor } = this.setup;
    if (!key) return undefined;
    return {
      keyFingerprint: key.fingerprint,
      digests: this.digests,
      checkpoints: this.checkpoints,
      lastSignedSeq: this.lastSigned?.seq ?? null,
      unsignedTail: Math.max(0, headSeq - (this.lastSigned?.seq ?? this.setup.firstSeq - 1)),
      anchorSeq: anchor?.seq ?? null,
    };
  }

  private checkSigned(seq: number, json: string, kind: 'digest' | 'checkpoint', key: SignatureKey): ChainProblem | null {
    const name = kind === 'digest' ? 'Digest' : 'Checkpoint';
    const fail = (reason: AuditProblemReason, message: string): ChainProblem => ({ seq, reason, message, subject: kind });
    let record: DigestRecord | CheckpointRecord;
    try {
      record = JSON.parse(json) as DigestRecord | CheckpointRecord;
    } catch {
      return fail('bad_signature', `${name} ${seq} cannot be read.`);
    }
    if (typeof record.signature !== 'string') return fail('bad_signature', `${name} ${seq} is not signed: it was not written by this app.`);
    if (record.seq !== seq || !key.verify(signedText(record), record.signature)) {
      const other = record.keyFingerprint && record.keyFingerprint !== key.fingerprint ? ` (it names key ${record.keyFingerprint})` : '';
      return fail('bad_signature', `${name} ${seq} has a signature that is not valid for the audit key ${key.fingerprint}${other}: it was forged or changed.`);
    }
    // After a prune the first signed record left links to a pruned one; every later one must link.
    const linkKnown = this.lastSigned !== null || this.setup.checkpointSeq === null;
    const expectedPrev = this.lastSigned?.signature ?? null;
    if (linkKnown && (record.prevSignature ?? null) !== expectedPrev) {
      const before = this.lastSigned ? `signed record ${this.lastSigned.seq}` : 'no signed record (it is the first)';
      return fail('broken_link', `${name} ${seq} does not link to ${before}: a digest or checkpoint was removed or replaced.`);
    }
    if (kind === 'digest') {
      const head = (record as DigestRecord).head;
      if (!head || head.seq !== seq - 1 || head.hash !== this.prev) {
        return fail('digest_mismatch', `Digest ${seq} sealed a different record ${head?.seq ?? '?'} than the one before it: the records before it were changed and re-hashed.`);
      }
      this.digests++;
    } else this.checkpoints++;
    this.lastSigned = { seq, signature: record.signature };
    return null;
  }
}

/** The problem of a record whose hash does not match. */
export function mismatch(seq: number, json: string): ChainProblem {
  let claimed: unknown;
  try {
    claimed = (JSON.parse(json) as { seq?: unknown }).seq;
  } catch {
    return { seq, reason: 'hash_mismatch', message: `Record ${seq} was changed: its content is not valid JSON.`, subject: 'record' };
  }
  if (claimed !== seq) {
    return { seq, reason: 'out_of_order', message: `Record ${seq} holds the content of record ${String(claimed)}: records were moved.`, subject: 'record' };
  }
  return { seq, reason: 'hash_mismatch', message: `Record ${seq} does not match its hash: it (or the hash of record ${seq - 1}) was changed.`, subject: 'record' };
}

/** Checks a checkpoint's own signature (the one that starts the chain, before anything else is read). */
export function checkCheckpointSignature(seq: number, json: string, key: SignatureKey): ChainProblem | null {
  let record: CheckpointRecord;
  try {
    record = JSON.parse(json) as CheckpointRecord;
  } catch {
    return { seq, reason: 'bad_anchor', message: `Checkpoint record ${seq} cannot be read, so the chain has no anchor.`, subject: 'checkpoint' };
  }
  if (typeof record.signature !== 'string') {
    return { seq, reason: 'bad_signature', message: `Checkpoint ${seq} is not signed: it was not written by this app, so the records it covers cannot be taken as pruned.`, subject: 'checkpoint' };
  }
  if (record.seq !== seq || !key.verify(signedText(record), record.signature)) {
    return { seq, reason: 'bad_signature', message: `Checkpoint ${seq} has a signature that is not valid for the audit key ${key.fingerprint}: it was forged or changed.`, subject: 'checkpoint' };
  }
  return null;
}
