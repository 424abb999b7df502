/** The `users:*` channels: the users of the profile's instance. Their input is validated here, once. */
import { z } from 'zod';
import type { User } from '../../clerk';
import { USER_ORDER_BY } from '../../clerk/user-order';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';

/** A page of users with the total matching the same filters. */
export interface UserPage {
  data: User[];
  totalCount: number;
}

/** Input of the one-step user actions (ban, unban, lock, unlock). */
const userAction = z.object({ profileId: localId, userId: clerkId('user') });

/** The users' channels. */
export const userChannels = {
  'users:list': channel(
    z.object({
      profileId: localId,
      limit: z.number().int().min(1).max(500).default(10),
      offset: z.number().int().min(0).default(0),
      query: z.string().trim().max(200).optional(),
      orderBy: z.string().regex(USER_ORDER_BY, 'Unknown sort field.').optional(),
    }),
  ).returns<UserPage>(),
  'users:get': channel(z.object({ profileId: localId, userId: clerkId('user') })).returns<User>(),
  'users:ban': channel(userAction).returns<User>(),
  'users:unban': channel(userAction).returns<User>(),
  'users:lock': channel(userAction).returns<User>(),
  'users:unlock': channel(userAction).returns<User>(),
} as const;
