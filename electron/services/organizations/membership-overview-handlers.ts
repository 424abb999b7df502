/** The `membershipOverview:*` channels: the overview runs as a `membership-overview` background job. */
import type { membershipOverviewChannels } from '../../../shared/ipc/channels/membership-overview';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';
import type { JobRunner } from '../jobs/job-runner';
import type { ProfileService } from '../profiles/profile-service';
import { runMembershipOverview } from './membership-overview';

/** What the overview's handlers need. */
export interface MembershipOverviewHandlerDeps {
  clients: Pick<ClerkClients, 'for'>;
  profiles: Pick<ProfileService, 'require'>;
  jobs: JobRunner;
}

/** The membership overview's part of the handler table. */
export function createMembershipOverviewHandlers({ clients, profiles, jobs }: MembershipOverviewHandlerDeps): HandlersFor<typeof membershipOverviewChannels> {
  return {
    'membershipOverview:run': async ({ profileId, threshold }) => {
      const client = clients.for(profiles.require(profileId).id);
      return { jobId: jobs.start('membership-overview', (context) => runMembershipOverview(client, threshold, context)) };
    },
  };
}
