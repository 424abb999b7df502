/**
 * Verifies an exported audit log against its digest file (export-digest.ts), with nothing but the
 * two files: the public key is the one the digest file carries, and its fingerprint is reported so
 * the auditor can compare it with the one the app shows. Behind `npm run audit:verify-export`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { canonicalJson } from './canonical-json';
import { ChainChecker, type ChainProblem, type SignatureKey } from './chain-check';
import { signedText } from './digests';
import { EXPORT_DIGEST_TYPE, exportDigestPath, type ExportDigest } from './export-digest';
import { publicVerifier } from './signing-key';
import type { SignedRecord } from '../../../shared/audit/types';

/** What the check found: `lines` say what was checked; `problem` names the first failure. */
export interface ExportVerifyReport {
  ok: boolean;
  problem?: string;
  lines: string[];
  /** The fingerprint of the public key in the digest file (when it could be read). */
  fingerprint?: string;
  /** Whether the hash chain was recomputed (a full NDJSON export). */
  chainChecked: boolean;
}

/** Checks `file` against `digestFile` (default: `<file>.digest.json`). */
export async function verifyExportFile(file: string, digestFile = exportDigestPath(file)): Promise<ExportVerifyReport> {
  const lines: string[] = [];
  const report = (problem: string | undefined, extra: Partial<ExportVerifyReport> = {}): ExportVerifyReport => ({ ok: !problem, problem, lines, chainChecked: false, ...extra });

  let digest: ExportDigest;
  try {
    digest = JSON.parse(await readFile(digestFile, 'utf8')) as ExportDigest;
  } catch (error) {
    return report(`the digest file ${digestFile} cannot be read (${(error as Error).message}); an export is verified with the .digest.json file written beside it.`);
  }
  if (digest?.type !== EXPORT_DIGEST_TYPE || digest.v !== 1) return report(`${digestFile} is not an audit export digest file.`);

  let key: SignatureKey;
  try {
    key = publicVerifier(digest.publicKeyPem);
  } catch (error) {
    return report(`the public key in the digest file cannot be read (${(error as Error).message}).`);
  }
  const fingerprint = key.fingerprint;
  lines.push(`Public key fingerprint: ${fingerprint}`, '  (compare it with the fingerprint shown in the app: Audit log → Verify integrity)');
  if (digest.keyFingerprint !== fingerprint) return report(`the digest file names key ${digest.keyFingerprint}, but its public key's fingerprint is ${fingerprint}.`, { fingerprint });
  if (!key.verify(signedText(digest), digest.signature)) return report('the digest file\'s signature is not valid: the digest file was changed.', { fingerprint });
  lines.push('Digest file: signature valid.');

  const actual = await fileDigest(file).catch((error: Error) => error);
  if (actual instanceof Error) return report(`the export file ${file} cannot be read (${actual.message}).`, { fingerprint });
  if (actual.bytes !== digest.export.bytes || actual.sha256 !== digest.export.sha256) {
    return report(`the export file was changed after it was exported: it has ${actual.bytes} bytes and SHA-256 ${actual.sha256}, the signed digest says ${digest.export.bytes} bytes and ${digest.export.sha256}.`, { fingerprint });
  }
  lines.push(`Export file: ${digest.export.format}, ${digest.export.changes} changes, ${actual.bytes} bytes, SHA-256 matches the signed digest.`);

  const signed = checkSignedRecords(digest, key);
  if (signed.problem) return report(describe(signed.problem), { fingerprint });
  lines.push(`Digests: ${signed.digests} digests and ${signed.checkpoints} checkpoints, every signature and link valid; sealed at record ${digest.sealSeq}.`);

  if (!digest.export.full || digest.export.format !== 'ndjson') {
    const why = digest.export.full ? `${digest.export.format.toUpperCase()} rows are not the stored records` : 'a filtered export holds only some of the records';
    lines.push(`Hash chain: not recomputed (${why}; export everything as NDJSON for that). The rows are covered by the signed SHA-256 above.`);
    return report(undefined, { fingerprint });
  }
  const chain = await checkNdjsonChain(file, digest, key);
  if (chain.problem) return report(chain.problem, { fingerprint });
  lines.push(`Hash chain: records ${digest.chainStart.firstSeq}..${digest.sealSeq} recomputed, every hash matches and every digest seals the record before it.`);
  if (chain.late > 0) lines.push(`  ${chain.late} outcome(s) were recorded after the export's seal: covered by the signed SHA-256 only.`);
  return report(undefined, { fingerprint, chainChecked: true });
}

/** Every digest and checkpoint in the digest file: signature, seq, link; the seal is the last digest. */
function checkSignedRecords(digest: ExportDigest, key: SignatureKey): { problem?: ChainProblem; digests: number; checkpoints: number } {
  let previous: { seq: number; signature: string } | null = null;
  let digests = 0;
  let checkpoints = 0;
  for (const { seq, record } of digest.records) {
    if (record.kind !== 'digest' && record.kind !== 'checkpoint') continue;
    const signedRecord = record as SignedRecord;
    const name = record.kind === 'digest' ? 'Digest' : 'Checkpoint';
    if (record.seq !== seq || typeof signedRecord.signature !== 'string' || !key.verify(signedText(signedRecord), signedRecord.signature)) {
      return { problem: { seq, reason: 'bad_signature', message: `${name} ${seq} has no valid signature for this key: it was forged or changed.` }, digests, checkpoints };
    }
    const linkKnown = previous !== null || digest.chainStart.checkpointSeq === null;
    if (linkKnown && (signedRecord.prevSignature ?? null) !== (previous?.signature ?? null)) {
      return { problem: { seq, reason: 'broken_link', message: `${name} ${seq} does not link to the signed record before it: a digest or checkpoint was removed or replaced.` }, digests, checkpoints };
    }
    previous = { seq, signature: signedRecord.signature };
    if (record.kind === 'digest') digests++;
    else checkpoints++;
  }
  if (digest.sealSeq > 0 && previous?.seq !== digest.sealSeq) {
    return { problem: { seq: digest.sealSeq, reason: 'missing_record', message: `the export's seal (digest ${digest.sealSeq}) is not among the signed records.` }, digests, checkpoints };
  }
  return { digests, checkpoints };
}

type Pending = { json: string; hash: string; kind: string | null };

/**
 * Recomputes the chain from the chain start to the seal over the export's changes and the digest
 * file's own records, streaming: lines come in intent order, so once intent `k` is read every record
 * before `k` is known and can be checked (memory holds only outcomes still ahead of the chain).
 */
async function checkNdjsonChain(file: string, digest: ExportDigest, key: SignatureKey): Promise<{ problem?: string; late: number }> {
  const checker = new ChainChecker({ ...digest.chainStart, key });
  const pending = new Map<number, Pending>();
  for (const { seq, hash, record } of digest.records) pending.set(seq, { json: canonicalJson(record), hash, kind: record.kind });
  let late = 0;
  let changes = 0;
  const add = (seq: number, json: string, hash: string, kind: string) => {
    if (seq > digest.sealSeq) late++;
    else if (seq >= digest.chainStart.firstSeq) pending.set(seq, { json, hash, kind });
  };
  const drainBelow = (limit: number): string | undefined => {
    while (checker.nextSeq < limit && checker.nextSeq <= digest.sealSeq) {
      const seq = checker.nextSeq;
      const record = pending.get(seq);
      if (!record) return `record ${seq} is missing from the export (it is part of the chain up to the seal at ${digest.sealSeq}).`;
      pending.delete(seq);
      const problem = checker.push(seq, record.json, record.hash, record.kind);
      if (problem) return describe(problem);
    }
    return undefined;
  };
  let lineNo = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let change: { seq: number; intent: { seq: number; kind: string }; intentHash: string; outcome: { seq: number; kind: string } | null; outcomeHash: string | null };
    try {
      change = JSON.parse(line);
    } catch {
      return { problem: `line ${lineNo} of the export is not valid JSON.`, late };
    }
    if (change.intent?.seq !== change.seq) return { problem: `line ${lineNo} of the export names change ${change.seq} but holds record ${String(change.intent?.seq)}.`, late };
    changes++;
    const problem = drainBelow(change.seq);
    if (problem) return { problem, late };
    add(change.seq, canonicalJson(change.intent), change.intentHash, 'intent');
    if (change.outcome) add(change.outcome.seq, canonicalJson(change.outcome), change.outcomeHash ?? '', 'outcome');
  }
  const problem = drainBelow(digest.sealSeq + 1);
  if (problem) return { problem, late };
  if (changes !== digest.export.changes) return { problem: `the export holds ${changes} changes, the signed digest says ${digest.export.changes}.`, late };
  return { late };
}

function describe(problem: ChainProblem): string {
  return `record ${problem.seq} (${problem.reason}): ${problem.message}`;
}

async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { bytes: (await stat(file)).size, sha256: hash.digest('hex') };
}
