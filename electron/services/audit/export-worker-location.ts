/**
 * Where the export worker thread's script is. The app runs the electron-vite bundle, where the
 * worker is its own main-process entry (`audit-export-worker` in electron.vite.config.ts), emitted
 * next to `index.js`; vitest and tsx scripts run the TypeScript sources, where the worker is
 * `export-worker.ts`, loaded through tsx's module hooks.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** How an export starts its worker threads (AuditLogOptions.exportWorker). */
export interface AuditExportWorkerOptions {
  /** The worker script: a file URL, or an absolute path. */
  url: URL | string;
  /** Node options for each worker thread, e.g. `['--import', 'tsx']` to run a `.ts` script. */
  execArgv?: string[];
  /** Threads per export (default: one per core, at least 2 and at most 4). */
  threads?: number;
  /** Exports of fewer changes run in-process, where starting threads costs more than it saves (default 20,000). */
  minChanges?: number;
}

// Kept out of `new URL('literal', import.meta.url)`: bundlers rewrite that form as an asset import.
const BUNDLED_WORKER = './audit-export-worker.js';
const SOURCE_WORKER = './export-worker.ts';

/**
 * The worker next to this module: the bundled entry, or the TypeScript source run through tsx.
 * Null when a bundle lacks its worker (exports then run in-process, slower but complete).
 */
export function defaultExportWorker(moduleUrl: string = import.meta.url): AuditExportWorkerOptions | null {
  if (moduleUrl.endsWith('.ts')) {
    // tsx is resolved from here rather than from the working directory, which may be anywhere.
    const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href;
    return { url: new URL(SOURCE_WORKER, moduleUrl), execArgv: ['--import', tsx] };
  }
  const url = new URL(BUNDLED_WORKER, moduleUrl);
  return existsSync(url) ? { url } : null;
}
