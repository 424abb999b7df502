/**
 * The threaded export: the key range of the matching changes, fixed before anything is read, is
 * cut into parts; worker threads (export-worker.ts) format parts on their own read-only
 * connections (WAL lets them read while the app appends), and their bytes come back here to be
 * written in file order. A worker takes the next part when it finishes one, so a slow part does
 * not stall the others, but never runs more than a few parts ahead of the writer: that bounds
 * the bytes held in memory. Threads that cannot start (a build without its worker, a database the
 * thread cannot open) make the export fall back to this thread, before anything was written.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KeyRange } from './change-reader';
import type { AuditExportWorkerOptions } from './export-worker-location';
import type { ChangeQueryParts } from './query';
import type { AuditExportFormat } from '../../../shared/audit/types';

/** What a worker thread is started with. */
export interface ExportWorkerData {
  dbPath: string;
  query: ChangeQueryParts;
  format: AuditExportFormat;
}

/** Messages to a worker: format a part, or close the database and exit. */
export type ToExportWorker = { type: 'part'; part: number; range: KeyRange } | { type: 'close' };

/** Messages from a worker: started (its connection open), a formatted batch of a part (in file order), or the part's end. */
export type FromExportWorker = { type: 'ready' } | { type: 'chunk'; part: number; bytes: Uint8Array; rows: number } | { type: 'done'; part: number };

/** A piece of the export file and how many changes it holds. */
export interface ExportChunk {
  data: string | Uint8Array;
  rows: number;
}

// Small enough that the parts held in memory (threads + 2 at most) stay around 100 MB of OCSF,
// large enough that a part's query and messages cost nothing next to its formatting.
const PART_CHANGES = 8000;

// More threads than this gain little (one writer, one file) and would take the whole machine.
const MAX_DEFAULT_THREADS = 4;

/** Worker threads for an export (the option, else one per core: at least 2, at most 4). */
export function exportThreads(worker: AuditExportWorkerOptions): number {
  return Math.max(1, Math.floor(worker.threads ?? Math.min(MAX_DEFAULT_THREADS, Math.max(2, availableParallelism()))));
}

/**
 * Cuts the keys `lo..hi` holding `changes` matching changes into parts of equal width: several
 * per thread (for balance), more for a large export (to bound the memory a part takes).
 */
export function splitKeys(lo: number, hi: number, changes: number, threads: number): KeyRange[] {
  const width = hi - lo + 1;
  const count = Math.max(1, Math.min(width, Math.max(threads * 2, Math.ceil(changes / PART_CHANGES))));
  const bound = (k: number) => lo - 1 + Math.round((k * width) / count);
  return Array.from({ length: count }, (_, k) => ({ after: bound(k), through: bound(k + 1) }));
}

/** How to run a threaded export. */
export interface ThreadedExport {
  worker: AuditExportWorkerOptions;
  data: ExportWorkerData;
  ranges: KeyRange[];
  /** The same export in this thread, for when the threads cannot start. */
  fallback: () => AsyncIterable<ExportChunk>;
  signal?: AbortSignal;
}

/** Formatted changes in file order, and how many threads formatted them (0: this thread did). */
export interface ExportSource {
  chunks: AsyncIterable<ExportChunk>;
  threads(): number;
}

/**
 * The formatted changes of `ranges`, in order, from worker threads. The workers stop when the
 * iteration ends: closed after the last part, terminated on an error, an abort or an early return.
 */
export function threadedExport(setup: ThreadedExport): ExportSource {
  let threads = 0;
  return {
    chunks: threadedChunks(setup, (count) => (threads = count)),
    threads: () => threads,
  };
}

async function* threadedChunks({ worker, data, ranges, fallback, signal }: ThreadedExport, usedThreads: (count: number) => void): AsyncGenerator<ExportChunk> {
  const threads = Math.min(exportThreads(worker), ranges.length);
  const parts = ranges.map(() => ({ chunks: [] as ExportChunk[], done: false }));
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  let next = 0; // the next part to hand out
  let current = 0; // the part being written
  let yielded = false;
  let startFailure: unknown = null;
  let failure: unknown = null;
  let closing = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const dispatch = () => {
    // A thread may run two parts ahead of the slowest: enough to stay busy, and the bound on memory.
    while (idle.length > 0 && next < ranges.length && next < current + threads + 2) {
      (idle.pop() as Worker).postMessage({ type: 'part', part: next, range: ranges[next] } satisfies ToExportWorker);
      next++;
    }
  };
  for (let n = 0; n < threads; n++) {
    // No inherited Node options: the bundled worker needs none, and some (--inspect) would clash.
    const thread = new Worker(worker.url, { workerData: data, execArgv: worker.execArgv ?? [] });
    let ready = false;
    const fail = (error: unknown) => {
      if (ready) failure ??= error;
      else startFailure ??= error;
      notify();
    };
    thread.on('message', (message: FromExportWorker) => {
      if (message.type === 'ready') {
        ready = true;
        idle.push(thread);
      } else if (message.type === 'chunk') parts[message.part].chunks.push({ data: message.bytes, rows: message.rows });
      else {
        parts[message.part].done = true;
        idle.push(thread);
      }
      dispatch();
      notify();
    });
    thread.on('error', fail);
    thread.on('exit', (code) => {
      if (!closing) fail(new Error(`An audit export thread stopped unexpectedly (exit code ${code}).`));
    });
    workers.push(thread);
  }
  signal?.addEventListener('abort', notify);
  let completed = false;
  try {
    while (current < parts.length) {
      signal?.throwIfAborted();
      if (failure) throw failure;
      if (startFailure) {
        if (yielded) throw startFailure;
        break;
      }
      const part = parts[current];
      const chunk = part.chunks.shift();
      if (chunk) {
        yielded = true;
        yield chunk;
      } else if (part.done) {
        current++;
        dispatch();
      } else await new Promise<void>((resolve) => (wake = resolve));
    }
    completed = current === parts.length;
  } finally {
    signal?.removeEventListener('abort', notify);
    closing = true;
    await Promise.all(workers.map((thread) => (completed ? close(thread) : thread.terminate())));
  }
  if (completed) usedThreads(threads);
  // No thread could start and nothing was written: this thread exports instead.
  else yield* fallback();
}

/** Lets a worker close its database connection and exit. */
function close(thread: Worker): Promise<void> {
  return new Promise((resolve) => {
    thread.once('exit', () => resolve());
    thread.postMessage({ type: 'close' } satisfies ToExportWorker);
  });
}
