/**
 * Sign-up attempts from main (issue 12, item 4): one attempt, the Sandbox's list, and the update of
 * `external_id` and `custom_action`, which puts Clerk's answer in the attempt's cache.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { SignUp } from '@shared/clerk';
import type { SignUpPage } from '@shared/ipc/channels/sign-ups';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, signUpKeys } from './query-keys';

/** One sign-up attempt. */
export const signUpQuery = defineQueryOptions(({ profileId, signUpId }: { profileId: string; signUpId: string }) => ({
  key: signUpKeys.detail(profileId, signUpId),
  query: (): Promise<SignUp> => useApi().signUps.get({ profileId, signUpId }),
}));

/** A page of the built-in Sandbox's attempts, newest first (no other profile can list them). */
export const sandboxSignUpsQuery = defineQueryOptions(({ profileId, limit, offset }: { profileId: string; limit: number; offset: number }) => ({
  key: signUpKeys.list(profileId, { limit, offset }),
  query: (): Promise<SignUpPage> => useApi().signUps.sandboxList({ profileId, limit, offset }),
  placeholderData: (previous: SignUpPage | undefined) => previous,
}));

/** What an update sends: only the fields that changed (`externalId: null` clears it). */
export interface UpdateSignUpVars {
  profileId: string;
  signUpId: string;
  externalId?: string | null;
  customAction?: boolean;
}

/** `PATCH /sign_ups/{id}`: the answer replaces the attempt; the Sandbox's list refetches. */
export function useUpdateSignUp() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: UpdateSignUpVars): Promise<SignUp> => useApi().signUps.update(vars),
    onSuccess(updated, { profileId }) {
      queryCache.setQueryData(signUpKeys.detail(profileId, updated.id), updated);
      void invalidate(queryCache, { key: signUpKeys.lists(profileId) });
    },
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}
