/**
 * The audit log's data: the records as stored in the hash chain, and the merged views, filters and
 * results the UI and IPC layer use. Everything here is plain JSON so it can cross IPC unchanged.
 */
import type { HttpMethod, QueryParams } from '../clerk/http';

/** How a change ended; `unknown` means no outcome was recorded (still in flight, or the app stopped). */
export type AuditOutcomeKind = 'success' | 'clerk_error' | 'network_error' | 'unknown';

/** Outcomes a record can state (`unknown` is the absence of one). */
export type RecordedOutcome = Exclude<AuditOutcomeKind, 'unknown'>;

/** Who made the change: the OS account and machine. */
export interface AuditActor {
  user: string;
  host: string;
}

/** The profile a change was made through. */
export interface AuditProfileRef {
  id: string;
  name: string;
  environment: string;
}

/** The instance a change was sent to; the key appears only as a fingerprint, never itself. */
export interface AuditInstanceRef {
  apiUrl: string;
  keyFingerprint: string;
}

/** What the change acts on. */
export interface AuditTarget {
  type: string;
  id?: string;
}

/** An uploaded file, described instead of stored. */
export interface AuditFile {
  field: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** Why reading a record's state before or after a change failed (recorded, never fatal). */
export interface AuditStateError {
  kind: string;
  message: string;
  status?: number;
  code?: string;
}

/** One entry of Clerk's `errors[]` as recorded. */
export interface AuditErrorItem {
  code: string;
  message: string;
  longMessage?: string;
  paramName?: string;
}

/** The error a change ended with. */
export interface AuditErrorInfo {
  /** The `AppError` kind (`clerk`, `network`, …) or `internal` for anything else. */
  kind: string;
  message: string;
  code?: string;
  longMessage?: string;
  paramName?: string;
  errors?: AuditErrorItem[];
}

/** One changed leaf between the before and after states; a missing side means the path did not exist. */
export interface AuditDiffEntry {
  /** JSON Pointer (RFC 6901), e.g. `/email_addresses/0/email_address`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/** What the recorder supplies for an intent; the log adds `v`, `kind`, `seq` and (unless given) `ts`. */
export interface IntentInput {
  ts?: number;
  actor: AuditActor;
  appVersion: string;
  profile: AuditProfileRef;
  instance: AuditInstanceRef;
  /** Semantic action, e.g. `users.ban`. */
  action: string;
  method: HttpMethod;
  route: string;
  path: string;
  query?: QueryParams;
  target?: AuditTarget;
  bulkId?: string;
  /** A read audited like a change (e.g. a user's OAuth access tokens). */
  sensitive?: boolean;
  body?: unknown;
  /** Non-file fields of a multipart body. */
  form?: Record<string, unknown>;
  files?: AuditFile[];
  statePath?: string;
  /** The record's state read before the change (`null`: it did not exist). */
  before?: unknown;
  beforeError?: AuditStateError;
}

/** What the recorder supplies for an outcome. */
export interface OutcomeInput {
  ts?: number;
  outcome: RecordedOutcome;
  status?: number;
  durationMs: number;
  traceId?: string;
  error?: AuditErrorInfo;
  /** The response body; omitted when it equals `after`. */
  response?: unknown;
  /** The record's state after the change (`null`: it no longer exists). */
  after?: unknown;
  afterError?: AuditStateError;
  diff?: AuditDiffEntry[];
}

/** Fields every stored record has. */
interface RecordBase {
  /** Record format version. */
  v: 1;
  /** Position in the chain: 1, 2, 3, … with no gaps. */
  seq: number;
  /** Milliseconds since the epoch, UTC. */
  ts: number;
}

/** Written (and committed) before a call is sent. */
export interface IntentRecord extends RecordBase, Omit<IntentInput, 'ts'> {
  kind: 'intent';
}

/** Written after the call answered or failed; `intentSeq` links it to its intent. */
export interface OutcomeRecord extends RecordBase, Omit<OutcomeInput, 'ts'> {
  kind: 'outcome';
  intentSeq: number;
}

/** Signs off a retention prune: records up to `prunedThrough.seq` may be (and are being) deleted. */
export interface CheckpointRecord extends RecordBase {
  kind: 'checkpoint';
  actor: AuditActor;
  appVersion: string;
  retentionDays: number;
  /** Records older than this (ms) were pruned. */
  cutoff: number;
  prunedCount: number;
  prunedFromSeq: number;
  /** The last pruned record; its hash anchors the remaining chain. */
  prunedThrough: { seq: number; hash: string };
  /** The signature of the signed record before this one (digest or checkpoint); null for the first. */
  prevSignature?: string | null;
  /** The signing key's fingerprint (see {@link AuditSigningKeyInfo}). */
  keyFingerprint?: string;
  /** Ed25519 signature (base64) over the record's canonical JSON without this member. */
  signature?: string;
}

/** Why a digest was written. */
export type DigestReason = 'records' | 'interval' | 'quit' | 'bulk_job' | 'export' | 'manual';

/**
 * A signed digest (in the model of CloudTrail's digest files): seals the chain up to `head` (the
 * record just before it) and links to the previous signed record, so neither can be rewritten
 * without the signing key, which lives in the OS keychain.
 */
export interface DigestRecord extends RecordBase {
  kind: 'digest';
  reason: DigestReason;
  /** The record this digest seals: the one just before it. */
  head: { seq: number; hash: string };
  /** The signature of the signed record before this one (digest or checkpoint); null for the first. */
  prevSignature: string | null;
  keyFingerprint: string;
  /** Ed25519 signature (base64) over the record's canonical JSON without this member. */
  signature: string;
}

/** Records a change of the retention setting (`days: null` = keep forever). */
export interface RetentionRecord extends RecordBase {
  kind: 'retention';
  actor: AuditActor;
  appVersion: string;
  days: number | null;
}

/** Any record in the chain. */
export type AuditRecord = IntentRecord | OutcomeRecord | CheckpointRecord | RetentionRecord | DigestRecord;

/** Records the log signs: digests and retention checkpoints. */
export type SignedRecord = DigestRecord | CheckpointRecord;

/** A record as appended: its seq and chain hash. */
export interface AppendedRecord {
  seq: number;
  hash: string;
}

/** One change (an intent merged with its outcome): a row of the Audit log table. */
export interface AuditChange {
  /** The intent's seq: the change's id and the paging cursor. */
  seq: number;
  /** When the intent was recorded (ms, UTC). */
  time: number;
  actor: AuditActor;
  appVersion: string;
  profile: AuditProfileRef;
  instance: AuditInstanceRef;
  action: string;
  method: HttpMethod;
  route: string;
  path: string;
  target: AuditTarget | null;
  /** The target's name as the record has it (its state or the request), e.g. `Ann Lee`; null when it has none. */
  targetName: string | null;
  bulkId: string | null;
  sensitive: boolean;
  outcome: AuditOutcomeKind;
  status: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  traceId: string | null;
  durationMs: number | null;
  /** When the outcome was recorded. */
  completedAt: number | null;
  /** Whether before/after states were captured (a diff is available in the detail). */
  hasStates: boolean;
}

/** Everything recorded about one change: for the detail drawer. */
export interface AuditChangeDetail extends AuditChange {
  query: QueryParams | null;
  body: unknown;
  form: Record<string, unknown> | null;
  files: AuditFile[];
  statePath: string | null;
  before: unknown;
  beforeError: AuditStateError | null;
  after: unknown;
  afterError: AuditStateError | null;
  diff: AuditDiffEntry[];
  response: unknown;
  error: AuditErrorInfo | null;
  intentHash: string;
  outcomeSeq: number | null;
  outcomeHash: string | null;
}

/** Filters of the Audit log section; all optional and combined with AND. */
export interface AuditFilter {
  profileId?: string;
  /** Exact (`users.ban`) or, ending with `.` or `.*`, a prefix (`users.`, `organizations.logo.*`). */
  action?: string;
  targetId?: string;
  /** The OS user name. */
  actor?: string;
  outcome?: AuditOutcomeKind;
  bulkId?: string;
  /** Inclusive lower bound, ms UTC. */
  from?: number;
  /** Exclusive upper bound, ms UTC. */
  to?: number;
  /** Free text over actions, targets, paths and payloads; every word must match (words are prefixes). */
  text?: string;
}

/** Which page of a newest-first listing to return. */
export interface AuditPageRequest {
  /** Rows per page, 1..1000 (default 100). */
  limit?: number;
  /** Keyset paging: only changes older than this seq (pass the previous page's `nextBefore`). */
  before?: number;
  /** Offset paging (for jumping in a virtualised table); ignored when `before` is given. */
  offset?: number;
}

/** One page of changes, newest first. */
export interface AuditPage {
  rows: AuditChange[];
  /** The cursor for the next page, or null when this was the last. */
  nextBefore: number | null;
}

/** Distinct values present in the log, for filter dropdowns. */
export interface AuditFacets {
  profiles: AuditProfileRef[];
  actors: string[];
  actions: string[];
}

/** Progress of a long operation (export, verify, prune). */
export interface AuditProgress {
  done: number;
  total: number;
}

/** Export file formats. */
export type AuditExportFormat = 'csv' | 'ndjson' | 'ocsf';

/** Options of {@link AuditLog.exportChanges}. */
export interface AuditExportOptions {
  format: AuditExportFormat;
  /** The destination file; written to `<path>.partial` and renamed when complete. */
  path: string;
  onProgress?: (progress: AuditProgress) => void;
  signal?: AbortSignal;
}

/** What an export wrote. */
export interface AuditExportResult {
  path: string;
  format: AuditExportFormat;
  changes: number;
  bytes: number;
  /** Worker threads that formatted the changes; 0 when the export ran in-process. */
  threads?: number;
  /** The signed digest file written beside the export (absent when the log is not signed). */
  digestPath?: string;
}

/** Why verification stopped. */
export type AuditProblemReason =
  | 'hash_mismatch'
  | 'out_of_order'
  | 'missing_record'
  | 'bad_anchor'
  /** A digest or checkpoint whose signature is missing or not made by this app's key. */
  | 'bad_signature'
  /** A digest or checkpoint that does not name the signature of the signed record before it. */
  | 'broken_link'
  /** A digest whose sealed head is not the record before it. */
  | 'digest_mismatch'
  /** The log ends before the newest digest the keychain remembers: records were deleted from the end. */
  | 'truncated'
  /** The keychain's anchor does not match the record at its seq, or is missing while digests exist. */
  | 'anchor_mismatch'
  /** The signing key could not be read from the keychain, so signatures cannot be checked. */
  | 'no_signing_key';

/** What failed: a plain record, or one of the log's signed records. */
export type AuditProblemSubject = 'record' | 'digest' | 'checkpoint' | 'anchor';

/** The signing side of a verification (absent when the log has no signing key configured). */
export interface AuditSignatureSummary {
  /** The fingerprint of the key the signatures were checked with. */
  keyFingerprint: string;
  /** Digests and checkpoints whose signatures and links were checked. */
  digests: number;
  checkpoints: number;
  /** The newest signed record (digest or checkpoint), or null when there is none yet. */
  lastSignedSeq: number | null;
  /** Records after the newest signed record: covered by the hash chain only, until the next digest. */
  unsignedTail: number;
  /** The newest digest's seq as remembered in the keychain (null: none yet). */
  anchorSeq: number | null;
}

/** The outcome of "Verify integrity". */
export type AuditVerifyResult =
  | {
      ok: true;
      checked: number;
      /** The first verified record (1, or the one after the latest checkpoint's pruned range). */
      firstSeq: number | null;
      /** The chain head. */
      head: AppendedRecord | null;
      /** The checkpoint whose anchor starts the chain, if records were pruned. */
      anchorCheckpointSeq: number | null;
      /** Signatures, links and the keychain anchor; absent when the log is not signed (tools, tests). */
      signatures?: AuditSignatureSummary;
    }
  | {
      ok: false;
      checked: number;
      problem: { seq: number; reason: AuditProblemReason; message: string; subject?: AuditProblemSubject };
    };

/** The audit log's signing key, as the Audit log section shows it (never the private key). */
export interface AuditSigningKeyInfo {
  /** The Ed25519 public key, PEM (SPKI). */
  publicKeyPem: string;
  /** SHA-256 of the public key's DER (SPKI) bytes, lower-case hex, in groups of four. */
  fingerprint: string;
}

/** The signing key, or why there is none (a locked or missing keychain). */
export type AuditSigningStatus = { available: true; key: AuditSigningKeyInfo } | { available: false; problem: string };

/** Options of {@link AuditLog.verify}. */
export interface AuditVerifyOptions {
  onProgress?: (progress: AuditProgress) => void;
  signal?: AbortSignal;
}

/** What a retention prune did. */
export interface AuditPruneResult {
  pruned: number;
  checkpointSeq: number | null;
}
