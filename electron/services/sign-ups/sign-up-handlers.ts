/** The `signUps:*` channels over the sign-up operations, on the profile's own client. */
import { AppError } from '../../../shared/ipc/errors';
import type { signUpChannels } from '../../../shared/ipc/channels/sign-ups';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';
import type { ProfileService } from '../profiles/profile-service';

/** What the handlers need. */
export interface SignUpHandlerDeps {
  clients: ClerkClients;
  /** Tells the built-in Sandbox profile (the only one with a sign-up list) from the others. */
  profiles: Pick<ProfileService, 'require'>;
}

/** The sign-up attempts' part of the handler table. */
export function createSignUpHandlers({ clients, profiles }: SignUpHandlerDeps): HandlersFor<typeof signUpChannels> {
  const { signUps } = operations;
  return {
    'signUps:get': ({ profileId, signUpId }) => clients.for(profileId).run(signUps.get, { sign_up_id: signUpId }),
    'signUps:update': ({ profileId, signUpId, externalId, customAction }) =>
      clients.for(profileId).run(signUps.update, { sign_up_id: signUpId }, { body: { external_id: externalId, custom_action: customAction } }),
    'signUps:sandboxList': async ({ profileId, limit, offset }) => {
      // A real Clerk instance has no such route: never send the Sandbox's own path to it.
      if (!profiles.require(profileId).isSandbox) {
        throw new AppError({ kind: 'validation', code: 'sign_up_list_sandbox_only', message: 'Only the built-in Sandbox can list sign-up attempts; Clerk’s Backend API opens them by ID only.' });
      }
      const page = await clients.for(profileId).run(signUps.sandboxList, {}, { query: { limit, offset } });
      return { data: page.data, totalCount: page.total_count };
    },
  };
}
