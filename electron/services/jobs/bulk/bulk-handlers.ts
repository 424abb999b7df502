/** The `bulkJobs:*` channels over the bulk job engine. */
import type { bulkJobChannels } from '../../../../shared/ipc/channels/bulk-jobs';
import type { HandlersFor } from '../../dispatch';
import type { BulkJobEngine } from './bulk-engine';

/** The bulk jobs' part of the handler table. */
export function createBulkJobHandlers({ bulk }: { bulk: BulkJobEngine }): HandlersFor<typeof bulkJobChannels> {
  return {
    'bulkJobs:create': (input) => bulk.create(input),
    'bulkJobs:start': ({ jobId, confirmPhrase }) => bulk.start(jobId, confirmPhrase),
    'bulkJobs:status': async ({ jobId }) => bulk.status(jobId),
    'bulkJobs:items': async ({ jobId, states, offset, limit }) => bulk.items(jobId, { states, offset, limit }),
    'bulkJobs:cancel': ({ jobId }) => bulk.cancel(jobId),
    'bulkJobs:resume': ({ jobId }) => bulk.resume(jobId),
    'bulkJobs:undo': ({ jobId }) => bulk.undo(jobId),
    'bulkJobs:list': async (filter) => bulk.list(filter),
    'bulkJobs:exportResults': ({ jobId, states }) => bulk.exportResults(jobId, states),
    'bulkJobs:budget': async ({ profileId }) => bulk.budget(profileId),
  };
}
