/**
 * The `membershipOverview:*` channels (issue 11, item 9): start the scan of every organization and
 * its memberships as a background job (`jobs:status` follows it with progress, `jobs:cancel`
 * stops it); its result is a {@link MembershipOverviewResult}.
 */
import { z } from 'zod';
import { channel } from '../channel';
import type { JobStarted } from '../jobs';
import { MAX_OVERVIEW_THRESHOLD } from '../membership-overview';
import { localId } from '../schemas';

export type { MembershipOverviewResult } from '../membership-overview';

/** The membership overview's channels. */
export const membershipOverviewChannels = {
  /** Starts the overview: users are listed when in more than `threshold` organizations. */
  'membershipOverview:run': channel(
    z.object({
      profileId: localId,
      threshold: z
        .number({ message: 'Enter a number of organizations.' })
        .int('A whole number of organizations.')
        .min(1, 'At least 1 organization.')
        .max(MAX_OVERVIEW_THRESHOLD, `At most ${MAX_OVERVIEW_THRESHOLD} organizations.`),
    }),
  ).returns<JobStarted>(),
} as const;
