/**
 * The `proxyChecks:*` channels over the proxy check operations, on the profile's own client, with
 * every check (working or refused) kept in the profile's history.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { proxyCheckChannels } from '../../../shared/ipc/channels/proxy-checks';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';
import type { ProxyCheckHistory } from './proxy-check-history';

/** What the handlers need. */
export interface ProxyCheckHandlerDeps {
  clients: ClerkClients;
  history: ProxyCheckHistory;
  /** When a check ran (default `Date.now`). */
  now?: () => number;
}

/** The proxy checks' part of the handler table. */
export function createProxyCheckHandlers({ clients, history, now = Date.now }: ProxyCheckHandlerDeps): HandlersFor<typeof proxyCheckChannels> {
  const { proxyChecks } = operations;
  return {
    'proxyChecks:run': async ({ profileId, domainId, proxyUrl }) => {
      let check;
      try {
        check = await clients.for(profileId).run(proxyChecks.verify, {}, { body: { domain_id: domainId, proxy_url: proxyUrl }, targetId: domainId });
      } catch (error) {
        // Only Clerk's own refusal is a check that ran and failed; a network or keychain failure is not kept.
        if (error instanceof AppError && error.kind === 'clerk') {
          history.add({ profileId, domainId, proxyUrl, successful: false, checkId: null, reason: error.longMessage ?? error.message, code: error.code ?? null, checkedAt: now() });
        }
        throw error;
      }
      const record = history.add({
        profileId,
        domainId,
        proxyUrl,
        successful: check.successful,
        checkId: check.id,
        reason: check.successful ? null : 'Clerk answered that the proxy does not work.',
        code: null,
        checkedAt: now(),
      });
      return { check, record };
    },
    'proxyChecks:domains': async ({ profileId }) => {
      const page = await clients.for(profileId).run(proxyChecks.domains, {});
      return page.data.map(({ id, name, frontend_api_url, proxy_url, is_satellite }) => ({ id, name, frontend_api_url, proxy_url, is_satellite }));
    },
    'proxyChecks:history': async ({ profileId }) => history.list(profileId),
  };
}
