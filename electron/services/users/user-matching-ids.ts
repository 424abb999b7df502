/**
 * "Select all N matching" (issue 10, item 2): one page of the ids (and a label each) of every user
 * the Users list's filters match, for a bulk job's items. The renderer asks page after page (at
 * most 500 users a request, at the profile's rate budget like every call) and shows its progress;
 * only ids and labels cross to the renderer, not whole users.
 */
import type { User } from '../../../shared/clerk';
import type { MatchingIdsPage } from '../../../shared/ipc/channels/users';
import type { ClerkClient } from '../clerk/client';
import { listUsers, type UserFilters } from './user-list';

/** What a user is recognised by in a bulk job: the primary email, else a username, phone or the id. */
export function userLabel(user: User): string {
  const primaryEmail = user.email_addresses?.find((email) => email.id === user.primary_email_address_id)?.email_address;
  const primaryPhone = user.phone_numbers?.find((phone) => phone.id === user.primary_phone_number_id)?.phone_number;
  return primaryEmail ?? user.email_addresses?.[0]?.email_address ?? user.username ?? primaryPhone ?? user.id;
}

/** One page of matching user ids; `nextOffset` is null after the last page. */
export async function matchingUserIds(client: ClerkClient, params: UserFilters & { orderBy?: string; offset: number; limit: number }): Promise<MatchingIdsPage> {
  const { offset, limit } = params;
  const page = await listUsers(client, params);
  const items = page.data.map((user) => ({ targetId: user.id, label: userLabel(user) }));
  const next = offset + page.data.length;
  return { items, totalCount: page.totalCount, nextOffset: page.data.length === limit && next < page.totalCount ? next : null };
}
