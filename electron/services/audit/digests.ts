/**
 * Signed digests, in the model of CloudTrail's digest files: every {@link DIGEST_EVERY_RECORDS}
 * records or {@link DIGEST_EVERY_MS} (whichever comes first), at quit, at the end of a bulk job and
 * before an export, a digest record seals the chain's head (its seq and hash), names the previous
 * signed record's signature and is signed with the audit key. Retention checkpoints are signed the
 * same way. The newest signed record is also anchored in the keychain. Signing happens here only,
 * never on an ordinary append: an append costs one counter increment.
 */
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from './canonical-json';
import type { AnchorStore, AuditAnchor, AuditSigner, AuditSigning } from './signing-key';
import type { AppendedRecord, DigestReason, DigestRecord, SignedRecord } from '../../../shared/audit/types';

/** A digest after this many records since the last signed record. */
export const DIGEST_EVERY_RECORDS = 1000;
/** A digest after this long, when records were appended since the last one. */
export const DIGEST_EVERY_MS = 60_000;

/** The log's own records (not changes), as the SQL that selects them: the partial index in schema.ts. */
export const OWN_KINDS_SQL = "kind IN ('checkpoint', 'digest', 'retention')";
/** The signed records (the index's term repeated, so SQLite can use it). */
export const SIGNED_KINDS_SQL = `${OWN_KINDS_SQL} AND kind <> 'retention'`;

/** When digests are written (named constants by default; tests pass small numbers). */
export interface DigestSchedule {
  everyRecords?: number;
  everyMs?: number;
}

/** The text a signed record's signature covers: its canonical JSON without `signature`. */
export function signedText(record: object): string {
  const { signature: _signature, ...unsigned } = record as { signature?: unknown };
  return canonicalJson(unsigned);
}

/** What the sealer needs from the log: appending a signed record, without redaction. */
export interface SealableLog {
  readonly db: DatabaseSync;
  readonly clock: () => number;
  head(): AppendedRecord | null;
  appendSignedRaw(build: (seq: number) => SignedRecord): AppendedRecord;
}

/** Writes the log's digests and signs its checkpoints; one per log, made by {@link AuditLog.useSigning}. */
export class AuditSealer {
  readonly signer: AuditSigner;
  readonly anchors: AnchorStore;
  private readonly everyRecords: number;
  private lastSignature: string | null = null;
  private unsealed = 0;
  private pendingAnchor: AuditAnchor | null = null;
  private writing = false;
  private readonly timer: ReturnType<typeof setInterval> | null;

  constructor(
    private readonly log: SealableLog,
    signing: AuditSigning,
    schedule: DigestSchedule = {},
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.signer = signing.signer;
    this.anchors = signing.anchors;
    this.everyRecords = Math.max(1, schedule.everyRecords ?? DIGEST_EVERY_RECORDS);
    this.reload();
    const everyMs = schedule.everyMs ?? DIGEST_EVERY_MS;
    this.timer = everyMs > 0 ? setInterval(() => this.onTimer(), everyMs) : null;
    // The timer never keeps a process (a tool, a test) alive by itself.
    this.timer?.unref();
  }

  /** Counts one appended record (called by the log for every insert). */
  counted(): void {
    this.unsealed++;
  }

  /** After the outermost transaction committed: hand the anchor on, and write a digest when one is due. */
  committed(): void {
    if (this.pendingAnchor) {
      this.anchors.save(this.pendingAnchor);
      this.pendingAnchor = null;
    }
    if (this.unsealed >= this.everyRecords && !this.writing) {
      try {
        this.write('records');
      } catch (error) {
        // The record that made the digest due is committed (its call must still go out); the next append retries.
        this.onError(error);
      }
    }
  }

  /** After a rollback: what was signed in it is gone, so read the state back from the database. */
  rolledBack(): void {
    this.pendingAnchor = null;
    this.reload();
  }

  /** Writes a digest sealing the head; null when nothing was appended since the last signed record. */
  write(reason: DigestReason): AppendedRecord | null {
    if (this.unsealed === 0 || !this.log.db.isOpen) return null;
    this.writing = true;
    try {
      return this.log.appendSignedRaw((seq) => {
        const head = this.log.head();
        if (!head) throw new Error('audit digest: the log is empty');
        return this.sign<DigestRecord>({ v: 1, kind: 'digest', seq, ts: this.log.clock(), reason, head: { seq: head.seq, hash: head.hash } });
      });
    } finally {
      this.writing = false;
    }
  }

  /** Adds the link and the signature to `record` (a digest or a checkpoint about to be appended). */
  sign<T extends SignedRecord>(record: Omit<T, 'prevSignature' | 'keyFingerprint' | 'signature'>): T {
    const unsigned = { ...record, prevSignature: this.lastSignature, keyFingerprint: this.signer.info.fingerprint };
    return { ...unsigned, signature: this.signer.sign(canonicalJson(unsigned)) } as unknown as T;
  }

  /** Called by the log when a signed record was inserted (inside its transaction). */
  signedAppended(record: SignedRecord, appended: AppendedRecord): void {
    this.lastSignature = record.signature ?? null;
    this.unsealed = 0;
    this.pendingAnchor = { seq: appended.seq, hash: appended.hash, signature: record.signature ?? '' };
  }

  /** Stops the timer; the log stays usable, unsigned. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private onTimer(): void {
    if (!this.log.db.isOpen || this.log.db.isTransaction || this.unsealed === 0) return;
    try {
      this.write('interval');
    } catch (error) {
      this.onError(error);
    }
  }

  private reload(): void {
    if (!this.log.db.isOpen) return;
    const newest = this.log.db.prepare(`SELECT seq, json FROM audit_records WHERE ${SIGNED_KINDS_SQL} ORDER BY seq DESC LIMIT 1`).get() as
      | { seq: number; json: string }
      | undefined;
    const head = this.log.head()?.seq ?? 0;
    let signature: string | null = null;
    try {
      signature = newest ? ((JSON.parse(newest.json) as { signature?: string }).signature ?? null) : null;
    } catch {
      signature = null; // a damaged record: verify names it; the next digest links to nothing
    }
    this.lastSignature = signature;
    this.unsealed = head - (newest?.seq ?? 0);
  }
}
