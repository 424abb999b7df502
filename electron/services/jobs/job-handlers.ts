/** The `jobs:*` channels: a background job's status (the renderer polls it) and cancelling it. */
import type { jobChannels } from '../../../shared/ipc/channels/jobs';
import type { HandlersFor } from '../dispatch';
import type { JobRunner } from './job-runner';

/** The jobs' part of the handler table. */
export function createJobHandlers({ jobs }: { jobs: JobRunner }): HandlersFor<typeof jobChannels> {
  return {
    'jobs:status': async ({ jobId }) => jobs.status(jobId),
    'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
