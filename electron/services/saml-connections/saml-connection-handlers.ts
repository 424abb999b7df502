/** The SAML connections channels over their operations, on the profile's own client. */
import type { samlConnectionChannels } from '../../../shared/ipc/channels/saml-connections';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the handlers need. */
export interface SamlConnectionHandlerDeps {
  clients: ClerkClients;
}

/** This resource's part of the handler table (scaffolding: filled in by issue 12's work). */
export function createSamlConnectionHandlers(_deps: SamlConnectionHandlerDeps): HandlersFor<typeof samlConnectionChannels> {
  return {};
}
