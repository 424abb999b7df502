/**
 * The generic paged export: reads a list page by page (`fetchPage`, through the profile's client,
 * so its rate budget paces every request) and streams each page to the file as it arrives, never
 * holding the whole list. CSV rows come from the source's `toCsvRow` (papaparse writes them, with
 * formula cells escaped); JSON is one array of the full objects. The file is written to
 * `<path>.part` and renamed when complete, so a cancelled or failed export leaves no half file
 * behind under the chosen name. Users (user-export.ts), organizations and memberships
 * (organization-export.ts) plug in with their own source.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import Papa from 'papaparse';
import type { RecordExportFormat, RecordExportResult } from '../../../shared/ipc/exports';
import type { JobProgress } from '../../../shared/ipc/jobs';

/** One page of records and, when known, how many there are in all. */
export interface ExportPage<T> {
  records: T[];
  total?: number;
}

/** What to export: how to read a page, how a record is told apart, and how it becomes a CSV row. */
export interface ExportSource<T> {
  /** Records per request (Clerk's lists take at most 500). */
  pageSize: number;
  fetchPage(offset: number, limit: number, signal: AbortSignal): Promise<ExportPage<T>>;
  /** A record's id: a record a shifting list shows twice is written once. */
  idOf(record: T): string;
  /** The CSV header, in column order. */
  csvColumns: readonly string[];
  /** One record as CSV cells, in {@link csvColumns}' order. */
  toCsvRow(record: T): (string | number | boolean | null)[];
}

/** Where and how to write, and who hears about progress. */
export interface ExportTarget {
  path: string;
  format: RecordExportFormat;
  signal: AbortSignal;
  onProgress?(progress: JobProgress): void;
}

// Cells a spreadsheet would run as a formula get a leading quote; a phone number's + stays.
const FORMULA = /^(?:[=@\t\r]|[+-](?!\d+$))/;

/** Reads every page of `source` and writes them to `target.path` (see the module comment). */
export async function runPagedExport<T>(source: ExportSource<T>, target: ExportTarget): Promise<RecordExportResult> {
  const partPath = `${target.path}.part`;
  const out = createWriteStream(partPath, { encoding: 'utf8' });
  const seen = new Set<string>();
  let rows = 0;
  try {
    await write(out, target.format === 'csv' ? `${Papa.unparse([source.csvColumns as string[]], { newline: '\r\n' })}\r\n` : '[');
    for (let offset = 0; ; offset += source.pageSize) {
      target.signal.throwIfAborted();
      const page = await source.fetchPage(offset, source.pageSize, target.signal);
      const fresh = page.records.filter((record) => !seen.has(source.idOf(record)));
      for (const record of fresh) seen.add(source.idOf(record));
      if (fresh.length > 0) await write(out, encodePage(source, fresh, target.format, rows === 0));
      rows += fresh.length;
      target.onProgress?.({ done: rows, total: Math.max(page.total ?? 0, rows) });
      if (page.records.length < source.pageSize) break;
    }
    await write(out, target.format === 'csv' ? '' : rows === 0 ? ']\n' : '\n]\n');
    out.end();
    await once(out, 'finish');
    await rename(partPath, target.path);
    return { path: target.path, format: target.format, rows };
  } catch (error) {
    out.destroy();
    await rm(partPath, { force: true });
    throw error;
  }
}

/** A millisecond timestamp as an ISO cell, or an empty cell when there is none. */
export function isoOrEmpty(ms: number | null | undefined): string {
  return typeof ms === 'number' ? new Date(ms).toISOString() : '';
}

function encodePage<T>(source: ExportSource<T>, records: T[], format: RecordExportFormat, first: boolean): string {
  if (format === 'json') return (first ? '\n' : ',\n') + records.map((record) => JSON.stringify(record)).join(',\n');
  return `${Papa.unparse(records.map((record) => source.toCsvRow(record)), { newline: '\r\n', escapeFormulae: FORMULA })}\r\n`;
}

// Waits for the stream to take more when its buffer is full (backpressure).
async function write(out: WriteStream, text: string): Promise<void> {
  if (text === '') return;
  if (!out.write(text)) await once(out, 'drain');
}
