/**
 * Streams the changes matching a filter to a file, oldest first, reporting progress per batch and
 * honouring backpressure. The file appears under its name only when complete (written as
 * `<path>.partial`, then renamed); a failed or cancelled export leaves nothing behind.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError } from '../../../shared/ipc/errors';
import type { AuditLog } from './audit-log';
import { exportFormat } from './export-formats';
import type { AuditExportFormat, AuditExportOptions, AuditExportResult, AuditFilter } from './types';

const FORMATS: readonly AuditExportFormat[] = ['csv', 'ndjson', 'ocsf'];

/** Implements {@link AuditLog.exportChanges}. */
export async function exportChanges(log: AuditLog, filter: AuditFilter, options: AuditExportOptions): Promise<AuditExportResult> {
  if (!FORMATS.includes(options.format)) {
    throw new AppError({ kind: 'validation', message: `Export format must be one of ${FORMATS.join(', ')}.` });
  }
  if (typeof options.path !== 'string' || options.path.length === 0) {
    throw new AppError({ kind: 'validation', message: 'Choose a file to export to.' });
  }
  const total = log.count(filter);
  const format = exportFormat(options.format);
  const partial = `${options.path}.partial`;
  // A deep buffer lets the file system write one batch while the next is being formatted.
  const out = createWriteStream(partial, { highWaterMark: 32 * 1024 * 1024 });
  // Kept for the whole export: a stream error (no such folder, disk full) may come at any time.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (text.length > 0 && !out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  let done = 0;
  try {
    await write(format.header);
    for (const rows of log.changeBatches(filter)) {
      options.signal?.throwIfAborted();
      const lines: string[] = [];
      for (const row of rows) {
        lines.push(format.line(row, done === 0));
        done++;
      }
      await write(lines.join(''));
      options.onProgress?.({ done, total: Math.max(total, done) });
      await yieldToEventLoop();
    }
    await write(format.footer);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    await rename(partial, options.path);
    return { path: options.path, format: options.format, changes: done, bytes: out.bytesWritten };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    // A folder that is gone or read-only, a full disk: the administrator can pick another place.
    if (isFileSystemError(error)) {
      throw new AppError({ kind: 'validation', code: error.code, message: `The export could not be written to ${options.path}: ${error.message}` });
    }
    throw error;
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
