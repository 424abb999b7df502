/**
 * The `exports:*` channels: asks where the file goes (Platform.chooseSavePath), then runs the paged
 * export as a background job (`jobs:status` follows it, `jobs:cancel` stops it).
 */
import { AppError } from '../../../shared/ipc/errors';
import type { exportChannels } from '../../../shared/ipc/channels/exports';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';
import type { JobRunner } from '../jobs/job-runner';
import type { Platform } from '../platform';
import type { ProfileService } from '../profiles/profile-service';
import { runPagedExport } from './paged-export';
import { userExportSource } from './user-export';

/** What the export handlers need. */
export interface ExportHandlerDeps {
  clients: Pick<ClerkClients, 'for'>;
  profiles: Pick<ProfileService, 'require'>;
  jobs: JobRunner;
  platform?: Platform;
  clock?: () => number;
}

/** The record exports' part of the handler table. */
export function createExportHandlers(deps: ExportHandlerDeps): HandlersFor<typeof exportChannels> {
  const clock = deps.clock ?? Date.now;
  return {
    'exports:users': async ({ profileId, filters, format }) => {
      const profile = deps.profiles.require(profileId);
      if (!deps.platform) throw new AppError({ kind: 'internal', message: 'This app has no file dialog to choose where the export goes.' });
      const filtered = Object.values(filters).some((value) => value !== undefined && !(Array.isArray(value) && value.length === 0));
      const day = new Date(clock()).toISOString().slice(0, 10);
      const path = await deps.platform.chooseSavePath({
        title: filtered ? 'Export the filtered users' : 'Export every user',
        defaultName: `clerk-users-${filtered ? 'filtered-' : ''}${day}.${format}`,
        filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }],
      });
      if (!path) return null;
      const client = deps.clients.for(profile.id);
      const jobId = deps.jobs.start('records-export', ({ onProgress, signal }) => runPagedExport(userExportSource(client, filters), { path, format, signal, onProgress }));
      return { jobId };
    },
  };
}
