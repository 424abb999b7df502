/** The `phoneNumbers:*` channels: a user's phone numbers. Their input is validated here, once. */
import { z } from 'zod';
import type { DeletedObject, PhoneNumber } from '../../clerk';
import { e164Problem } from '../../clerk/user-rules';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';

/** One phone number of a profile (phone numbers are identifications: `idn_…`). */
const onePhoneNumber = z.object({ profileId: localId, phoneNumberId: clerkId('idn') });

/** The phone numbers' channels. */
export const phoneNumberChannels = {
  /** `POST /phone_numbers`: adds a number to a user. */
  'phoneNumbers:create': channel(
    z.object({
      profileId: localId,
      userId: clerkId('user'),
      phoneNumber: z
        .string()
        .trim()
        .superRefine((value, ctx) => {
          const problem = e164Problem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      verified: z.boolean().optional(),
      primary: z.boolean().optional(),
      reservedForSecondFactor: z.boolean().optional(),
    }),
  ).returns<PhoneNumber>(),
  'phoneNumbers:get': channel(onePhoneNumber).returns<PhoneNumber>(),
  /** `PATCH /phone_numbers/{id}`: only the fields given are sent. */
  'phoneNumbers:update': channel(
    onePhoneNumber
      .extend({ verified: z.boolean().optional(), primary: z.boolean().optional(), reservedForSecondFactor: z.boolean().optional() })
      .refine((input) => input.verified !== undefined || input.primary !== undefined || input.reservedForSecondFactor !== undefined, {
        message: 'Nothing to change.',
      }),
  ).returns<PhoneNumber>(),
  'phoneNumbers:delete': channel(onePhoneNumber).returns<DeletedObject>(),
} as const;
