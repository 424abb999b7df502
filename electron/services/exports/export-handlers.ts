/**
 * The `exports:*` channels: asks where the file goes (Platform.chooseSavePath), then runs the paged
 * export as a background job (`jobs:status` follows it, `jobs:cancel` stops it).
 */
import { AppError } from '../../../shared/ipc/errors';
import type { exportChannels } from '../../../shared/ipc/channels/exports';
import type { RecordExportFormat } from '../../../shared/ipc/exports';
import type { JobStarted } from '../../../shared/ipc/jobs';
import type { ClerkClient } from '../clerk/client';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';
import type { JobRunner } from '../jobs/job-runner';
import type { Platform } from '../platform';
import type { ProfileService } from '../profiles/profile-service';
import { membershipExportSource, organizationExportSource } from './organization-export';
import { runPagedExport, type ExportSource } from './paged-export';
import { userExportSource } from './user-export';

/** What the export handlers need. */
export interface ExportHandlerDeps {
  clients: Pick<ClerkClients, 'for'>;
  profiles: Pick<ProfileService, 'require'>;
  jobs: JobRunner;
  platform?: Platform;
  clock?: () => number;
}

/** What one export asks for: the list it reads, what it is called, and whether filters narrow it. */
interface ExportRequest {
  profileId: string;
  format: RecordExportFormat;
  filters: Record<string, unknown>;
  /** The save dialog's title for the whole list and for a filtered one, and the file's name. */
  what: { every: string; filtered: string; fileName: string };
  source(client: ClerkClient): ExportSource<unknown>;
}

/** True when any filter narrows the list (an empty string or list narrows nothing). */
function isFiltered(filters: Record<string, unknown>): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0));
}

/** The record exports' part of the handler table. */
export function createExportHandlers(deps: ExportHandlerDeps): HandlersFor<typeof exportChannels> {
  const clock = deps.clock ?? Date.now;
  // One path for every list: the save dialog, then the paged export as a `records-export` job.
  async function startExport(request: ExportRequest): Promise<JobStarted | null> {
    const profile = deps.profiles.require(request.profileId);
    if (!deps.platform) throw new AppError({ kind: 'internal', message: 'This app has no file dialog to choose where the export goes.' });
    const filtered = isFiltered(request.filters);
    const day = new Date(clock()).toISOString().slice(0, 10);
    const path = await deps.platform.chooseSavePath({
      title: filtered ? request.what.filtered : request.what.every,
      defaultName: `clerk-${request.what.fileName}-${filtered ? 'filtered-' : ''}${day}.${request.format}`,
      filters: [request.format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }],
    });
    if (!path) return null;
    const source = request.source(deps.clients.for(profile.id));
    const jobId = deps.jobs.start('records-export', ({ onProgress, signal }) => runPagedExport(source, { path, format: request.format, signal, onProgress }));
    return { jobId };
  }

  return {
    'exports:users': ({ profileId, filters, format }) =>
      startExport({ profileId, format, filters, what: { every: 'Export every user', filtered: 'Export the filtered users', fileName: 'users' }, source: (client) => userExportSource(client, filters) }),
    // Organizations workspace (issue 11).
    'exports:organizations': ({ profileId, filters, format }) =>
      startExport({ profileId, format, filters, what: { every: 'Export every organization', filtered: 'Export the filtered organizations', fileName: 'organizations' }, source: (client) => organizationExportSource(client, filters) }),
    'exports:memberships': ({ profileId, organizationId, filters, format }) =>
      startExport({
        profileId,
        format,
        filters,
        what: { every: 'Export every member of the organization', filtered: 'Export the filtered members', fileName: `${organizationId}-members` },
        source: (client) => membershipExportSource(client, organizationId, filters),
      }),
  };
}
