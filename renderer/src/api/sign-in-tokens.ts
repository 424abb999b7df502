/**
 * Sign-in tokens of a profile: the ledger query (the tokens this app created; Clerk has no list
 * endpoint), and create and revoke, which refresh every ledger view of the profile and the audit log.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { CreatedSignInToken, SignInTokenLedgerEntry } from '@shared/ipc/channels/sign-in-tokens';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, signInTokenKeys } from './query-keys';

/** The ledger of a profile, or of one of its users. */
export const signInTokensQuery = defineQueryOptions(({ profileId, userId }: { profileId: string; userId?: string }) => ({
  key: signInTokenKeys.list(profileId, userId),
  query: (): Promise<SignInTokenLedgerEntry[]> => useApi().signInTokens.list({ profileId, ...(userId ? { userId } : {}) }),
}));

/** What a create is called with. */
export interface CreateSignInTokenVars {
  profileId: string;
  userId: string;
  userLabel: string;
  expiresInSeconds: number;
}

function afterChange(queryCache: ReturnType<typeof useQueryCache>, profileId: string): void {
  void invalidate(queryCache, { key: signInTokenKeys.all(profileId) });
  void invalidate(queryCache, { key: auditKeys.all() });
}

/** Creates a sign-in token; the answer carries its URL, which the caller shows once and drops. */
export function useCreateSignInToken() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: CreateSignInTokenVars): Promise<CreatedSignInToken> => useApi().signInTokens.create(vars),
    onSettled: (_data, _error, { profileId }) => afterChange(queryCache, profileId),
  });
}

/** Revokes a pending sign-in token of the ledger. */
export function useRevokeSignInToken() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ profileId, tokenId }: { profileId: string; tokenId: string }): Promise<SignInTokenLedgerEntry> => useApi().signInTokens.revoke({ profileId, tokenId }),
    onSettled: (_data, _error, { profileId }) => afterChange(queryCache, profileId),
  });
}
