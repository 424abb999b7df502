/**
 * The `signUps:*` channels (issue 12, item 4): read a sign-up attempt, update its `external_id` and
 * `custom_action`, and list the attempts of the built-in Sandbox (the Backend API cannot list
 * sign-ups; the Sandbox offers `GET /v1/__sandbox/sign_ups`). Their input is validated here, once.
 */
import { z } from 'zod';
import type { SignUp } from '../../clerk';
import { channel } from '../channel';
import { clerkId, localId, plainText } from '../schemas';

/** A page of the Sandbox's sign-up attempts with how many there are in all. */
export interface SignUpPage {
  data: SignUp[];
  totalCount: number;
}

/** The longest external id the app sends (Clerk's users allow 255). */
export const SIGN_UP_EXTERNAL_ID_MAX = 255;

/** One sign-up attempt of a profile (`sua_…`). */
const oneSignUp = z.object({ profileId: localId, signUpId: clerkId('sua') });

/** The sign-up attempts' channels. */
export const signUpChannels = {
  'signUps:get': channel(oneSignUp).returns<SignUp>(),
  /**
   * `PATCH /sign_ups/{id}`: only the fields given are sent; an empty `externalId` clears it (null).
   * Clerk refuses a finished attempt (403 sign_up_cannot_be_updated).
   */
  'signUps:update': channel(
    oneSignUp
      .extend({
        externalId: plainText(SIGN_UP_EXTERNAL_ID_MAX, `An external ID is at most ${SIGN_UP_EXTERNAL_ID_MAX} characters.`).nullable().optional(),
        customAction: z.boolean().optional(),
      })
      .refine((input) => input.externalId !== undefined || input.customAction !== undefined, { message: 'Nothing to change.' }),
  ).returns<SignUp>(),
  /** The Sandbox's own list, newest first: refused (not sent) for any other profile. */
  'signUps:sandboxList': channel(
    z.object({ profileId: localId, limit: z.number().int().min(1).max(100).default(10), offset: z.number().int().min(0).default(0) }),
  ).returns<SignUpPage>(),
} as const;
