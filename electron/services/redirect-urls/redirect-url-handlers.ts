/** The redirect URLs channels over their operations, on the profile's own client. */
import type { redirectUrlChannels } from '../../../shared/ipc/channels/redirect-urls';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the handlers need. */
export interface RedirectUrlHandlerDeps {
  clients: ClerkClients;
}

/** This resource's part of the handler table (scaffolding: filled in by issue 12's work). */
export function createRedirectUrlHandlers(_deps: RedirectUrlHandlerDeps): HandlersFor<typeof redirectUrlChannels> {
  return {};
}
