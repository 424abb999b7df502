/** The `organizations:*` and `memberships:*` channels over the organization operations, on the profile's own client. */
import type { organizationChannels } from '../../../shared/ipc/channels/organizations';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';

/** What the organization handlers need. */
export interface OrganizationHandlerDeps {
  clients: ClerkClients;
}

// Scaffolding (issue 11): every channel answers "not built" until its handler lands.
const notBuilt = () => {
  throw new AppError({ kind: 'internal', code: 'not_built', message: 'This organization action is not built yet.' });
};

/** The organizations' part of the handler table. */
export function createOrganizationHandlers(_deps: OrganizationHandlerDeps): HandlersFor<typeof organizationChannels> {
  return {
    'organizations:list': notBuilt,
    'organizations:get': notBuilt,
    'organizations:create': notBuilt,
    'organizations:update': notBuilt,
    'organizations:delete': notBuilt,
    'organizations:updateMetadata': notBuilt,
    'organizations:setLogo': notBuilt,
    'organizations:deleteLogo': notBuilt,
    'memberships:list': notBuilt,
    'memberships:add': notBuilt,
    'memberships:updateRole': notBuilt,
    'memberships:remove': notBuilt,
    'memberships:updateMetadata': notBuilt,
  };
}
