/**
 * Phone numbers of a profile: one number (its tab), and add / update / delete. Each change puts
 * Clerk's answer in the number's record and refetches the users' records (the owner's tab shows
 * the number's new state; a phone number does not name its user) and lists, and the audit log.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { DeletedObject, PhoneNumber } from '@shared/clerk';
import type { ChannelInput } from '@shared/ipc/contract';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, phoneNumberKeys, userKeys } from './query-keys';

/** One phone number of a profile. */
export const phoneNumberQuery = defineQueryOptions(({ profileId, phoneNumberId }: { profileId: string; phoneNumberId: string }) => ({
  key: phoneNumberKeys.detail(profileId, phoneNumberId),
  query: () => useApi().phoneNumbers.get({ profileId, phoneNumberId }),
}));

/**
 * The user a phone number belongs to (`GET /users?phone_number=`), or null. Keyed under the users,
 * so every change of a user refetches it.
 */
export const phoneOwnerQuery = defineQueryOptions(({ profileId, phoneNumber }: { profileId: string; phoneNumber: string }) => ({
  key: userKeys.phoneOwner(profileId, phoneNumber),
  query: async () => (await useApi().users.list({ profileId, phoneNumber: [phoneNumber], limit: 1 })).data[0] ?? null,
}));

/** What adding a phone number is called with. */
export type CreatePhoneNumberVars = ChannelInput<'phoneNumbers:create'>;
/** What updating a phone number is called with (only the fields to change). */
export type UpdatePhoneNumberVars = ChannelInput<'phoneNumbers:update'>;
/** What deleting a phone number is called with. */
export type DeletePhoneNumberVars = ChannelInput<'phoneNumbers:delete'>;

/** The change's refetches: every user's record and list of the profile, and the audit log. */
function useAfterChange() {
  const queryCache = useQueryCache();
  return {
    queryCache,
    success: (profileId: string) => void invalidate(queryCache, { key: userKeys.all(profileId) }),
    settled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  };
}

/** Adds a phone number to a user (`POST /phone_numbers`). */
export function useCreatePhoneNumber() {
  const after = useAfterChange();
  return useMutation({
    mutation: (vars: CreatePhoneNumberVars): Promise<PhoneNumber> => useApi().phoneNumbers.create(vars),
    onSuccess(phone, { profileId }) {
      if (phone.id) after.queryCache.setQueryData(phoneNumberKeys.detail(profileId, phone.id), phone);
      after.success(profileId);
    },
    onSettled: after.settled,
  });
}

/** Changes a phone number's verified, primary or second-factor flags (`PATCH /phone_numbers/{id}`). */
export function useUpdatePhoneNumber() {
  const after = useAfterChange();
  return useMutation({
    mutation: (vars: UpdatePhoneNumberVars): Promise<PhoneNumber> => useApi().phoneNumbers.update(vars),
    onSuccess(phone, { profileId, phoneNumberId }) {
      after.queryCache.setQueryData(phoneNumberKeys.detail(profileId, phoneNumberId), phone);
      after.success(profileId);
    },
    onSettled: after.settled,
  });
}

/** Deletes a phone number (`DELETE /phone_numbers/{id}`); its tab then says it no longer exists. */
export function useDeletePhoneNumber() {
  const after = useAfterChange();
  return useMutation({
    mutation: (vars: DeletePhoneNumberVars): Promise<DeletedObject> => useApi().phoneNumbers.delete(vars),
    onSuccess(_deleted, { profileId, phoneNumberId }) {
      void invalidate(after.queryCache, { key: phoneNumberKeys.detail(profileId, phoneNumberId) });
      after.success(profileId);
    },
    onSettled: after.settled,
  });
}
