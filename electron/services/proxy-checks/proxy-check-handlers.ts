/** The proxy checks channels over their operations, on the profile's own client. */
import type { proxyCheckChannels } from '../../../shared/ipc/channels/proxy-checks';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the handlers need. */
export interface ProxyCheckHandlerDeps {
  clients: ClerkClients;
}

/** This resource's part of the handler table (scaffolding: filled in by issue 12's work). */
export function createProxyCheckHandlers(_deps: ProxyCheckHandlerDeps): HandlersFor<typeof proxyCheckChannels> {
  return {};
}
