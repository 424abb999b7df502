/** The `jobs:*` channels: the status of a background job, and cancelling it. */
import { z } from 'zod';
import { channel } from '../channel';
import type { JobStatus } from '../jobs';

/** A job id handed out by `audit:export`, `audit:verify` or `audit:setRetention`. */
const jobRef = z.object({ jobId: z.uuid({ message: 'Must be a job id.' }) });

/** The jobs' channels. */
export const jobChannels = {
  'jobs:status': channel(jobRef).returns<JobStatus>(),
  'jobs:cancel': channel(jobRef).returns<JobStatus>(),
} as const;
