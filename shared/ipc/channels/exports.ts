/**
 * The `exports:*` channels (issue 10, item 4): start a paged export of the users list (its filters,
 * or none for every user of the instance) as a background job that `jobs:status` follows. Main asks
 * where the file goes; the answer is null when the administrator cancelled that dialog.
 */
import { z } from 'zod';
import { channel } from '../channel';
import type { JobStarted } from '../jobs';
import { localId } from '../schemas';
import { RECORD_EXPORT_FORMATS } from '../exports';
import { userListFilters } from './users';

/** The record exports' channels. */
export const exportChannels = {
  /** Exports the users the filters match (empty filters: every user) to CSV or JSON, with all metadata. */
  'exports:users': channel(
    z.object({
      profileId: localId,
      filters: userListFilters.default({}),
      format: z.enum(RECORD_EXPORT_FORMATS, { message: 'Choose CSV or JSON.' }),
    }),
  ).returns<JobStarted | null>(),
} as const;
