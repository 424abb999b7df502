/**
 * Streams the changes matching a filter to a file, oldest first, reporting progress per batch and
 * honouring backpressure. The set of changes is fixed when the export starts (changes appended
 * meanwhile are left out). Large exports are formatted by worker threads (export-threads.ts),
 * small ones and in-memory databases in-process; both write the same bytes. The file appears
 * under its name only when complete (written as `<path>.partial`, then renamed); a failed or
 * cancelled export leaves nothing behind. A signed log seals its head with a digest first and
 * writes a signed digest file beside the export (export-digest.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError } from '../../../shared/ipc/errors';
import type { AuditLog } from './audit-log';
import { readChangeBatches, type KeyRange } from './change-reader';
import { exportDigestPath, exportDigestText } from './export-digest';
import { exportFormat, type ExportFormat } from './export-formats';
import { exportThreads, splitKeys, threadedExport, type ExportChunk, type ExportSource } from './export-threads';
import { defaultExportWorker } from './export-worker-location';
import { normaliseFilter, type ChangeQueryParts } from './query';
import type { AuditExportFormat, AuditExportOptions, AuditExportResult, AuditFilter } from '../../../shared/audit/types';

const FORMATS: readonly AuditExportFormat[] = ['csv', 'ndjson', 'ocsf'];
const DEFAULT_MIN_THREADED_CHANGES = 20_000;

/** The changes an export covers, fixed before it starts. */
interface ExportSnapshot {
  changes: number;
  /** The lowest and highest key of the matching changes (0 and -1 when there are none). */
  lo: number;
  hi: number;
}

/** Writes the changes of `log` matching `filter` to a CSV, NDJSON or OCSF file, oldest first. */
export async function exportChanges(log: AuditLog, filter: AuditFilter, options: AuditExportOptions): Promise<AuditExportResult> {
  if (!FORMATS.includes(options.format)) {
    throw new AppError({ kind: 'validation', message: `Export format must be one of ${FORMATS.join(', ')}.` });
  }
  if (typeof options.path !== 'string' || options.path.length === 0) {
    throw new AppError({ kind: 'validation', message: 'Choose a file to export to.' });
  }
  options.signal?.throwIfAborted();
  // A signed log seals its head first; the export then holds the changes up to that digest.
  const sealer = await log.activeSealer();
  let query = log.queryParts(filter);
  let sealSeq = 0;
  if (sealer) {
    log.writeDigest('export');
    sealSeq = log.head()?.seq ?? 0;
    query = { ...query, where: [...query.where, `${query.key} <= ?`], params: [...query.params, sealSeq] };
  }
  const snapshot = snapshotOf(log.db, query);
  const format = exportFormat(options.format);
  const source = exportSource(log, query, snapshot, format, options);
  const digest: DigestWriter | undefined = sealer
    ? (written) =>
        exportDigestText(log.db, sealer.signer, {
          ...written,
          file: basename(options.path),
          format: options.format,
          filter: normaliseFilter(filter),
          sealSeq,
          createdAt: log.clock(),
        })
    : undefined;
  const written = await writeExport(source.chunks, format, options, snapshot.changes, digest);
  const result: AuditExportResult = { path: options.path, format: options.format, changes: written.changes, bytes: written.bytes, threads: source.threads() };
  return digest ? { ...result, digestPath: exportDigestPath(options.path) } : result;
}

/** Builds the digest file's text once the export's bytes are known. */
type DigestWriter = (written: { changes: number; bytes: number; sha256: string }) => string;

/** The formatted changes, from worker threads when that pays, else from this thread. */
function exportSource(log: AuditLog, query: ChangeQueryParts, snapshot: ExportSnapshot, format: ExportFormat, options: AuditExportOptions): ExportSource {
  const inProcess = () => inProcessChunks(log.db, query, { after: snapshot.lo - 1, through: snapshot.hi }, format);
  const worker = log.exportWorker === false ? null : (log.exportWorker ?? defaultExportWorker());
  const dbPath = databaseFile(log.db);
  // Workers read committed data only: inside a transaction this connection sees more than they would.
  if (worker && dbPath && !log.db.isTransaction && snapshot.changes >= (worker.minChanges ?? DEFAULT_MIN_THREADED_CHANGES)) {
    const ranges = splitKeys(snapshot.lo, snapshot.hi, snapshot.changes, exportThreads(worker));
    return threadedExport({ worker, data: { dbPath, query, format: options.format }, ranges, fallback: inProcess, signal: options.signal });
  }
  return { chunks: inProcess(), threads: () => 0 };
}

async function* inProcessChunks(db: DatabaseSync, query: ChangeQueryParts, range: KeyRange, format: ExportFormat): AsyncGenerator<ExportChunk> {
  for (const rows of readChangeBatches(db, query, range)) {
    let text = '';
    for (const row of rows) text += format.line(row);
    yield { data: text, rows: rows.length };
    // Let the main process answer the UI between batches.
    await yieldToEventLoop();
  }
}

/**
 * Writes header, chunks and footer to `<path>.partial`, then renames it to `path`; with `digest`,
 * hashes the bytes as they are written and puts the digest file beside it (written first).
 */
async function writeExport(chunks: AsyncIterable<ExportChunk>, format: ExportFormat, options: AuditExportOptions, total: number, digest?: DigestWriter): Promise<{ changes: number; bytes: number }> {
  const partial = `${options.path}.partial`;
  const digestPath = exportDigestPath(options.path);
  const digestPartial = `${digestPath}.partial`;
  const hash: Hash | null = digest ? createHash('sha256') : null;
  // A deep buffer lets the file system write one batch while the next is being formatted.
  const out = createWriteStream(partial, { highWaterMark: 32 * 1024 * 1024 });
  // Kept for the whole export: a stream error (no such folder, disk full) may come at any time.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (data: string | Uint8Array) => {
    if (data.length === 0) return;
    hash?.update(data);
    if (!out.write(data)) await Promise.race([once(out, 'drain'), failed]);
  };
  let done = 0;
  try {
    await write(format.header);
    for await (const chunk of chunks) {
      options.signal?.throwIfAborted();
      // Every line starts with the separator; the file's first line goes without.
      await write(done === 0 ? chunk.data.slice(format.separator.length) : chunk.data);
      done += chunk.rows;
      options.onProgress?.({ done, total: Math.max(total, done) });
    }
    await write(format.footer);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    if (digest && hash) await writeFile(digestPartial, digest({ changes: done, bytes: out.bytesWritten, sha256: hash.digest('hex') }));
    await rename(partial, options.path);
    if (digest) await rename(digestPartial, digestPath);
    return { changes: done, bytes: out.bytesWritten };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    await rm(digestPartial, { force: true });
    // A folder that is gone or read-only, a full disk: the administrator can pick another place.
    if (isFileSystemError(error)) {
      throw new AppError({ kind: 'validation', code: error.code, message: `The export could not be written to ${options.path}: ${error.message}` });
    }
    throw error;
  }
}

/** How many changes match, and their key range (one scan, the same one a count costs). */
function snapshotOf(db: DatabaseSync, query: ChangeQueryParts): ExportSnapshot {
  const sql = `SELECT count(*) AS n, min(${query.key}) AS lo, max(${query.key}) AS hi FROM ${query.countFrom} WHERE ${query.where.join(' AND ')}`;
  const row = db.prepare(sql).get(...query.params) as { n: number; lo: number | null; hi: number | null };
  return { changes: row.n, lo: row.lo ?? 0, hi: row.hi ?? -1 };
}

/** The database's file, or null for an in-memory or temporary one (which no other connection can open). */
function databaseFile(db: DatabaseSync): string | null {
  const main = (db.prepare('PRAGMA database_list').all() as { name: string; file: string }[]).find((entry) => entry.name === 'main');
  return main?.file ? main.file : null;
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
