/** The `phoneNumbers:*` channels over the phone number operations, on the profile's own client. */
import type { phoneNumberChannels } from '../../../shared/ipc/channels/phone-numbers';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';

/** What the phone number handlers need. */
export interface PhoneNumberHandlerDeps {
  clients: ClerkClients;
}

/** The phone numbers' part of the handler table. */
export function createPhoneNumberHandlers({ clients }: PhoneNumberHandlerDeps): HandlersFor<typeof phoneNumberChannels> {
  const { phoneNumbers } = operations;
  return {
    'phoneNumbers:create': ({ profileId, userId, phoneNumber, verified, primary, reservedForSecondFactor }) =>
      clients.for(profileId).run(
        phoneNumbers.create,
        {},
        {
          body: { user_id: userId, phone_number: phoneNumber, verified, primary, reserved_for_second_factor: reservedForSecondFactor },
          // The number has no id yet: the change is recorded against its user.
          targetId: userId,
        },
      ),
    'phoneNumbers:get': ({ profileId, phoneNumberId }) => clients.for(profileId).run(phoneNumbers.get, { phone_number_id: phoneNumberId }),
    'phoneNumbers:update': ({ profileId, phoneNumberId, verified, primary, reservedForSecondFactor }) =>
      clients
        .for(profileId)
        .run(phoneNumbers.update, { phone_number_id: phoneNumberId }, { body: { verified, primary, reserved_for_second_factor: reservedForSecondFactor } }),
    'phoneNumbers:delete': ({ profileId, phoneNumberId }) => clients.for(profileId).run(phoneNumbers.delete, { phone_number_id: phoneNumberId }),
  };
}
