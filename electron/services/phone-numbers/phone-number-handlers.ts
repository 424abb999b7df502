/** The `phone-numbers` channels over their operations, on the profile's own client. */
import type { phoneNumberChannels } from '../../../shared/ipc/channels/phone-numbers';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the phone numbers handlers need. */
export interface PhoneNumberHandlerDeps {
  clients: ClerkClients;
}

/** The phone numbers' part of the handler table. */
export function createPhoneNumberHandlers(_deps: PhoneNumberHandlerDeps): HandlersFor<typeof phoneNumberChannels> {
  return {};
}
