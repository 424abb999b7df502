/**
 * The digest file beside a signed export (`<export>.digest.json`, as CloudTrail keeps digest files
 * beside its log files): the public key and its fingerprint, every digest, checkpoint and retention
 * record of the log up to the export's seal (a digest written just before the export), where the
 * chain starts, and the export file's size and SHA-256, all signed with the audit key.
 * `npm run audit:verify-export -- <file>` checks it with no app and no keychain: the signature
 * covers every byte of the export in any format, the digests' signatures and links are checked,
 * and a full NDJSON export (no filter) has its whole hash chain recomputed up to the seal. A
 * filtered export (or CSV, OCSF) cannot have the chain recomputed: its rows are only part of it.
 */
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH } from './chain';
import { OWN_KINDS_SQL } from './digests';
import type { AuditSigner } from './signing-key';
import type { AuditExportFormat, AuditFilter, AuditRecord } from '../../../shared/audit/types';

/** The `type` of a digest file. */
export const EXPORT_DIGEST_TYPE = 'clerk-admin-desktop/audit-export-digest';

/** The name of the digest file of an export at `path`. */
export function exportDigestPath(path: string): string {
  return `${path}.digest.json`;
}

/** One of the log's own records as the digest file carries it. */
export interface ExportedOwnRecord {
  seq: number;
  hash: string;
  record: AuditRecord;
}

/** The content of a digest file. */
export interface ExportDigest {
  type: typeof EXPORT_DIGEST_TYPE;
  v: 1;
  createdAt: number;
  export: { file: string; format: AuditExportFormat; bytes: number; sha256: string; changes: number; filter: AuditFilter; full: boolean };
  /** The digest written for this export: the export holds the changes up to it. */
  sealSeq: number;
  /** Where the chain starts: seq 1 after the genesis hash, or after the latest checkpoint's pruned range. */
  chainStart: { firstSeq: number; prevHash: string; checkpointSeq: number | null };
  publicKeyPem: string;
  keyFingerprint: string;
  /** Digests, checkpoints and retention changes from the chain start to the seal, in seq order. */
  records: ExportedOwnRecord[];
  /** Ed25519 (base64) over the canonical JSON of everything above. */
  signature: string;
}

/** What the export has to say for its digest file. */
export interface ExportDigestInput {
  file: string;
  format: AuditExportFormat;
  bytes: number;
  sha256: string;
  changes: number;
  filter: AuditFilter;
  sealSeq: number;
  createdAt: number;
}

/** Builds and signs the digest file's text. */
export function exportDigestText(db: DatabaseSync, signer: AuditSigner, input: ExportDigestInput): string {
  const chainStart = chainStartOf(db);
  const rows = db
    .prepare(`SELECT seq, hash, json FROM audit_records WHERE ${OWN_KINDS_SQL} AND seq >= ? AND seq <= ? ORDER BY seq`)
    .all(chainStart.firstSeq, input.sealSeq) as { seq: number; hash: string; json: string }[];
  const unsigned: Omit<ExportDigest, 'signature'> = {
    type: EXPORT_DIGEST_TYPE,
    v: 1,
    createdAt: input.createdAt,
    export: { file: input.file, format: input.format, bytes: input.bytes, sha256: input.sha256, changes: input.changes, filter: input.filter, full: Object.keys(input.filter).length === 0 },
    sealSeq: input.sealSeq,
    chainStart,
    publicKeyPem: signer.info.publicKeyPem,
    keyFingerprint: signer.info.fingerprint,
    records: rows.map((row) => ({ seq: row.seq, hash: row.hash, record: JSON.parse(row.json) as AuditRecord })),
  };
  const digest: ExportDigest = { ...unsigned, signature: signer.sign(canonicalJson(unsigned)) };
  return `${JSON.stringify(digest, null, 1)}\n`;
}

/** Where the chain starts (the latest checkpoint's pruned range, else the genesis). */
export function chainStartOf(db: DatabaseSync): ExportDigest['chainStart'] {
  const row = db
    .prepare('SELECT seq, json FROM audit_records WHERE pruned_through IS NOT NULL ORDER BY pruned_through DESC LIMIT 1')
    .get() as { seq: number; json: string } | undefined;
  if (!row) return { firstSeq: 1, prevHash: GENESIS_HASH, checkpointSeq: null };
  const { prunedThrough } = JSON.parse(row.json) as { prunedThrough: { seq: number; hash: string } };
  return { firstSeq: prunedThrough.seq + 1, prevHash: prunedThrough.hash, checkpointSeq: row.seq };
}
