/** The `saved-views` channels over their operations, on the profile's own client. */
import type { savedViewChannels } from '../../../shared/ipc/channels/saved-views';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the saved views handlers need. */
export interface SavedViewHandlerDeps {
  clients: ClerkClients;
}

/** The saved views' part of the handler table. */
export function createSavedViewHandlers(_deps: SavedViewHandlerDeps): HandlersFor<typeof savedViewChannels> {
  return {};
}
