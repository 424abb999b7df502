/**
 * The `signInTokens:*` channels: create a sign-in token for a user (its URL crosses once, in the
 * answer), revoke one, and list the app's local ledger of the tokens it created (Clerk has no list
 * endpoint). Their input is validated here, once.
 */
import { z } from 'zod';
import { channel } from '../channel';
import { clerkId, localId, plainText } from '../schemas';

/** A sign-in token's status as Clerk last told the app. */
export type SignInTokenStatus = 'pending' | 'accepted' | 'revoked';

/** One token of the ledger: what identifies it, never the token or its URL. */
export interface SignInTokenLedgerEntry {
  id: string;
  profileId: string;
  userId: string;
  /** The user's name or identifier when the token was created (the user may be renamed or deleted since). */
  userLabel: string;
  /** The last status Clerk answered with (the app cannot ask again: Clerk has no read endpoint). */
  status: SignInTokenStatus;
  /** Unix ms. */
  createdAt: number;
  /** Unix ms: `createdAt` plus the lifetime asked for. */
  expiresAt: number;
  /** Unix ms of the last status change. */
  updatedAt: number;
}

/** A token just created: its ledger entry and its URL, which the app shows once and never stores. */
export interface CreatedSignInToken {
  entry: SignInTokenLedgerEntry;
  /** Opening it signs in as the user; null when Clerk gave none (the instance has no sign-in URL). */
  url: string | null;
  /** The token itself, shown only when there is no URL (it goes in a `__clerk_ticket` parameter). */
  token: string | null;
}

/** The shortest lifetime the spec allows (`expires_in_seconds` minimum: 1). */
export const SIGN_IN_TOKEN_MIN_SECONDS = 1;
/**
 * The longest lifetime the app asks for. The spec sets no maximum; a 32-bit integer (about 68
 * years) keeps the expiry a valid date everywhere it is shown or stored.
 */
export const SIGN_IN_TOKEN_MAX_SECONDS = 2_147_483_647;
/** Clerk's default lifetime: 30 days. */
export const SIGN_IN_TOKEN_DEFAULT_SECONDS = 2_592_000;

/** The sign-in token channels. */
export const signInTokenChannels = {
  'signInTokens:create': channel(
    z.object({
      profileId: localId,
      userId: clerkId('user'),
      /** How the ledger names the user (the tab's title): kept, since the user may change later. */
      userLabel: plainText(200).pipe(z.string().min(1, 'Name the user.')),
      expiresInSeconds: z
        .number()
        .int('Whole seconds only.')
        .min(SIGN_IN_TOKEN_MIN_SECONDS, 'At least 1 second.')
        .max(SIGN_IN_TOKEN_MAX_SECONDS, `At most ${SIGN_IN_TOKEN_MAX_SECONDS} seconds.`),
    }),
  ).returns<CreatedSignInToken>(),
  'signInTokens:revoke': channel(z.object({ profileId: localId, tokenId: clerkId('sit') })).returns<SignInTokenLedgerEntry>(),
  'signInTokens:list': channel(z.object({ profileId: localId, userId: clerkId('user').optional() })).returns<SignInTokenLedgerEntry[]>(),
} as const;
