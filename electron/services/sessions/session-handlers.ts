/** The `sessions:*` channels over the session operations, on the profile's own client. */
import type { Session } from '../../../shared/clerk';
import type { sessionChannels } from '../../../shared/ipc/channels/sessions';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';

/** What the session handlers need. */
export interface SessionHandlerDeps {
  clients: ClerkClients;
}

/** The sessions' part of the handler table. */
export function createSessionHandlers({ clients }: SessionHandlerDeps): HandlersFor<typeof sessionChannels> {
  const { sessions } = operations;
  return {
    'sessions:list': async ({ profileId, userId, clientId, status, limit, offset }) => {
      // `paginated=true` (as Clerk's SDK sends): the answer carries the total, for paging.
      const query = { user_id: userId, client_id: clientId, status, limit, offset, paginated: true };
      const page = await clients.for(profileId).run(sessions.list, {}, { query });
      if (!Array.isArray(page?.data) || typeof page.total_count !== 'number') {
        throw new AppError({ kind: 'network', code: 'response_unreadable', message: 'The API answered the session list in an unexpected shape.' });
      }
      return { data: page.data, totalCount: page.total_count };
    },
    'sessions:get': ({ profileId, sessionId }) => clients.for(profileId).run(sessions.get, { session_id: sessionId }),
    'sessions:revoke': ({ profileId, sessionId }) => clients.for(profileId).run(sessions.revoke, { session_id: sessionId }),
    // A JWT from a template (issue 12, item 2): only the JWT goes back; main keeps no copy.
    'sessions:createToken': async ({ profileId, sessionId, templateName }) => {
      const client = clients.for(profileId);
      try {
        const token = await client.run(sessions.createToken, { session_id: sessionId, template_name: templateName }, { body: {} });
        return { jwt: token.jwt };
      } catch (error) {
        throw await onTemplateField(error, () => client.run(sessions.get, { session_id: sessionId }));
      }
    },
  };
}

/**
 * Clerk answers 404 both for an unknown template and for a session that is not active: when its
 * message does not say which, the session is read, and an active one means the template is unknown.
 * That 404 is then put on the `templateName` field (with Clerk's own message).
 */
async function onTemplateField(error: unknown, readSession: () => Promise<Session>): Promise<unknown> {
  if (!(error instanceof AppError) || error.kind !== 'clerk' || error.status !== 404) return error;
  const text = `${error.message} ${error.longMessage ?? ''}`;
  const aboutTemplate = /template/i.test(text) || (await readSession().then((session) => session.status === 'active', () => false));
  if (!aboutTemplate) return error;
  const message = error.longMessage ?? `No JWT template with this name exists on the instance.`;
  // Clerk's own entries name the field too, so the form shows the message once, on the field.
  const errors = error.errors?.map((item) => ({ ...item, paramName: 'templateName' }));
  return new AppError({ ...error.toIpcError(), paramName: 'templateName', fields: [{ field: 'templateName', message }], ...(errors ? { errors } : {}) });
}
