/**
 * What a sign-in token of the ledger is now and whether it can be revoked: one rule for main (which
 * refuses a revoke it would not send) and the renderer (which disables Revoke and says why).
 */
import type { SignInTokenLedgerEntry } from './ipc/channels/sign-in-tokens';

/** A ledger token's state now: its last known status, with a pending token past its expiry as `expired`. */
export type SignInTokenState = 'pending' | 'expired' | 'accepted' | 'revoked';

/** The token's state at `now` (Unix ms). */
export function signInTokenState(entry: Pick<SignInTokenLedgerEntry, 'status' | 'expiresAt'>, now: number): SignInTokenState {
  if (entry.status === 'pending' && entry.expiresAt <= now) return 'expired';
  return entry.status;
}

/** Why the token cannot be revoked at `now`, or null when it can (pending and unexpired: Clerk's rule, and no point after expiry). */
export function revokeRefusal(entry: Pick<SignInTokenLedgerEntry, 'status' | 'expiresAt'>, now: number): string | null {
  switch (signInTokenState(entry, now)) {
    case 'pending':
      return null;
    case 'expired':
      return 'This token has expired: it can no longer be used, so there is nothing to revoke.';
    case 'revoked':
      return 'This token was already revoked.';
    case 'accepted':
      return 'This token was already used to sign in; only pending tokens can be revoked.';
  }
}
