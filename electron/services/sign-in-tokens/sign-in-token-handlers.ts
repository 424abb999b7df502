/**
 * The `signInTokens:*` channels over the sign-in token operations, on the profile's own client, and
 * the local ledger that remembers what the app created (Clerk cannot list sign-in tokens). A
 * created token's URL goes back to the renderer once, in the answer, and is never stored.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { signInTokenChannels } from '../../../shared/ipc/channels/sign-in-tokens';
import { revokeRefusal } from '../../../shared/sign-in-token-state';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';
import type { SignInTokenLedger } from './sign-in-token-ledger';

/** What the sign-in token handlers need. */
export interface SignInTokenHandlerDeps {
  clients: ClerkClients;
  ledger: SignInTokenLedger;
  /** Decides whether a token has expired (default `Date.now`). */
  now?: () => number;
}

/** The sign-in tokens' part of the handler table. */
export function createSignInTokenHandlers({ clients, ledger, now = Date.now }: SignInTokenHandlerDeps): HandlersFor<typeof signInTokenChannels> {
  const { signInTokens } = operations;
  return {
    'signInTokens:create': async ({ profileId, userId, userLabel, expiresInSeconds }) => {
      const token = await clients
        .for(profileId)
        .run(signInTokens.create, {}, { body: { user_id: userId, expires_in_seconds: expiresInSeconds }, targetId: userId });
      const entry = ledger.add({
        id: token.id,
        profileId,
        userId: token.user_id,
        userLabel,
        status: token.status,
        createdAt: token.created_at,
        expiresAt: token.created_at + expiresInSeconds * 1000,
        updatedAt: token.updated_at,
      });
      // The bare token only when there is no URL to carry it: the less of it crosses, the better.
      return { entry, url: token.url ?? null, token: token.url ? null : (token.token ?? null) };
    },
    'signInTokens:revoke': async ({ profileId, tokenId }) => {
      const entry = ledger.get(profileId, tokenId);
      if (!entry) {
        throw new AppError({ kind: 'not_found', code: 'sign_in_token_not_in_ledger', message: `This app did not create the sign-in token ${tokenId} on this profile, so it does not revoke it.` });
      }
      const refusal = revokeRefusal(entry, now());
      if (refusal) throw new AppError({ kind: 'validation', code: 'sign_in_token_not_revocable', message: refusal });
      const revoked = await clients.for(profileId).run(signInTokens.revoke, { sign_in_token_id: tokenId });
      return ledger.setStatus(profileId, tokenId, revoked.status, revoked.updated_at)!;
    },
    'signInTokens:list': async ({ profileId, userId }) => ledger.list(profileId, userId),
  };
}
