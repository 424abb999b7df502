/**
 * The `audit:*` channels: reading the audit log (pages, one change, facets, the public signing
 * key), and its long operations (export, verify, the retention prune) as background jobs the
 * renderer polls through the `jobs:*` channels.
 */
import { AppError, type AuditExportFormat } from '../../../shared/ipc';
import type { auditChannels } from '../../../shared/ipc/channels/audit';
import type { HandlersFor } from '../dispatch';
import type { JobRunner } from '../jobs/job-runner';
import type { Platform, SaveFileFilter } from '../platform';
import type { AuditLog } from './audit-log';
import type { AuditAvailability } from './audit-recording';
import { exportChanges } from './export';
import { pruneExpired } from './retention';

/** What the audit handlers need. */
export interface AuditHandlerDeps {
  audit: AuditAvailability;
  jobs: JobRunner;
  /** The save dialog and "Show in folder" (Electron's on the main window; the e2e harness's own). */
  platform?: Platform;
  clock?: () => number;
}

const FILE_TYPES: Record<AuditExportFormat, { extension: string; filter: SaveFileFilter }> = {
  csv: { extension: 'csv', filter: { name: 'CSV (spreadsheets)', extensions: ['csv'] } },
  ndjson: { extension: 'ndjson', filter: { name: 'NDJSON (records with their hashes)', extensions: ['ndjson', 'jsonl'] } },
  ocsf: { extension: 'ocsf.json', filter: { name: 'OCSF API Activity (JSON)', extensions: ['json'] } },
};

/** The file name an export of `format` proposes, e.g. `clerk-audit-log-2026-05-20.csv`. */
export function defaultExportName(format: AuditExportFormat, now: number): string {
  return `clerk-audit-log-${new Date(now).toISOString().slice(0, 10)}.${FILE_TYPES[format].extension}`;
}

/** The audit log's part of the handler table. */
export function createAuditHandlers(deps: AuditHandlerDeps): HandlersFor<typeof auditChannels> {
  const clock = deps.clock ?? Date.now;
  // The files this app's exports wrote, by job id: the only paths "Show in folder" reveals.
  const written = new Map<string, string>();
  const log = (): AuditLog => {
    if ('problem' in deps.audit) throw new AppError({ kind: 'audit', code: 'audit_unavailable', message: deps.audit.problem });
    return deps.audit.log;
  };

  return {
    'audit:list': async ({ filter, limit, before, offset, includeTotal }) => {
      const audit = log();
      const page = audit.list(filter, { limit, before, offset });
      return { ...page, total: includeTotal ? audit.count(filter) : null };
    },
    'audit:get': async ({ seq }) => {
      const change = log().get(seq);
      if (!change) throw new AppError({ kind: 'not_found', code: 'audit_change_not_found', message: `The audit log has no change #${seq} (it may have been pruned by the retention setting).` });
      return change;
    },
    'audit:facets': async () => log().facets(),
    'audit:export': async ({ filter, format }) => {
      const audit = log();
      if (!deps.platform) throw new AppError({ kind: 'internal', message: 'This app has no file dialog to choose where the export goes.' });
      const type = FILE_TYPES[format];
      const path = await deps.platform.chooseSavePath({ title: 'Export the audit log', defaultName: defaultExportName(format, clock()), filters: [type.filter] });
      if (!path) return null;
      const jobId = deps.jobs.start('audit-export', async ({ onProgress, signal }) => {
        const result = await exportChanges(audit, filter, { format, path, onProgress, signal });
        written.set(jobId, result.path);
        return result;
      });
      return { jobId };
    },
    'audit:showExport': async ({ jobId }) => {
      const path = written.get(jobId);
      if (!path) throw new AppError({ kind: 'not_found', code: 'export_not_found', message: 'That export is unknown or has not finished writing its file.' });
      if (!deps.platform) throw new AppError({ kind: 'internal', message: 'This app has no file manager to show the export in.' });
      deps.platform.showInFolder(path);
      return null;
    },
    'audit:verify': async () => {
      const audit = log();
      return { jobId: deps.jobs.start('audit-verify', ({ onProgress, signal }) => audit.verify({ onProgress, signal })) };
    },
    // The public half only: the private key never leaves the keychain and this process.
    'audit:signingKey': async () => {
      if ('problem' in deps.audit) return { available: false, problem: deps.audit.problem };
      return deps.audit.log.signingStatus();
    },
    'audit:retention': async () => ({ days: log().getRetention() }),
    'audit:setRetention': async ({ days }) => {
      const audit = log();
      if (audit.getRetention() !== days) audit.setRetention(days);
      if (days === null) return { days, jobId: null };
      return { days, jobId: deps.jobs.start('audit-prune', ({ onProgress }) => pruneExpired(audit, { onProgress })) };
    },
  };
}
