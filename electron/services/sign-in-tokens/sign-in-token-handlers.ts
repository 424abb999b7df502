/** The `sign-in-tokens` channels over their operations, on the profile's own client. */
import type { signInTokenChannels } from '../../../shared/ipc/channels/sign-in-tokens';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the sign in tokens handlers need. */
export interface SignInTokenHandlerDeps {
  clients: ClerkClients;
}

/** The sign in tokens' part of the handler table. */
export function createSignInTokenHandlers(_deps: SignInTokenHandlerDeps): HandlersFor<typeof signInTokenChannels> {
  return {};
}
