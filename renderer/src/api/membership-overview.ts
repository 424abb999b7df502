/**
 * The membership overview (issue 11, item 9): starts main's scan of every organization and its
 * memberships as a background job; the view follows it with a job tracker (`membership-overview`).
 */
import { useMutation } from '@pinia/colada';
import { useApi } from './client';

/** Starts the overview; users are listed when in more than `threshold` organizations. */
export function useRunMembershipOverview() {
  return useMutation({
    mutation: ({ profileId, threshold }: { profileId: string; threshold: number }) => useApi().membershipOverview.run({ profileId, threshold }),
  });
}
