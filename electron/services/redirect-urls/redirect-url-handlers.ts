/** The `redirectUrls:*` channels over the redirect URL operations, on the profile's own client. */
import type { redirectUrlChannels } from '../../../shared/ipc/channels/redirect-urls';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';

/** What the handlers need. */
export interface RedirectUrlHandlerDeps {
  clients: ClerkClients;
}

/** The redirect URLs' part of the handler table. */
export function createRedirectUrlHandlers({ clients }: RedirectUrlHandlerDeps): HandlersFor<typeof redirectUrlChannels> {
  const { redirectUrls } = operations;
  return {
    'redirectUrls:list': async ({ profileId, limit, offset }) => {
      // `paginated=true` (as Clerk's SDK sends): the answer carries the total, for paging.
      const page = await clients.for(profileId).run(redirectUrls.list, {}, { query: { limit, offset, paginated: true } });
      return { data: page.data, totalCount: page.total_count };
    },
    'redirectUrls:create': async ({ profileId, url }) => {
      const created = await clients.for(profileId).run(redirectUrls.create, {}, { body: { url } });
      return created;
    },
    'redirectUrls:get': ({ profileId, redirectUrlId }) => clients.for(profileId).run(redirectUrls.get, { redirect_url_id: redirectUrlId }),
    'redirectUrls:delete': ({ profileId, redirectUrlId }) => clients.for(profileId).run(redirectUrls.delete, { redirect_url_id: redirectUrlId }),
  };
}
