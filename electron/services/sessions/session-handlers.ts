/** The `sessions` channels over their operations, on the profile's own client. */
import type { sessionChannels } from '../../../shared/ipc/channels/sessions';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the sessions handlers need. */
export interface SessionHandlerDeps {
  clients: ClerkClients;
}

/** The sessions' part of the handler table. */
export function createSessionHandlers(_deps: SessionHandlerDeps): HandlersFor<typeof sessionChannels> {
  return {};
}
