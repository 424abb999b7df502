/** The sign-up attempts channels over their operations, on the profile's own client. */
import type { signUpChannels } from '../../../shared/ipc/channels/sign-ups';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the handlers need. */
export interface SignUpHandlerDeps {
  clients: ClerkClients;
}

/** This resource's part of the handler table (scaffolding: filled in by issue 12's work). */
export function createSignUpHandlers(_deps: SignUpHandlerDeps): HandlersFor<typeof signUpChannels> {
  return {};
}
