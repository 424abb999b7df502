/**
 * Proxy checks from main (issue 12, item 5): the instance's domains, the history of checks kept on
 * this computer, and a check, which refetches the history whether it worked or not.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { ProxyCheckOutcome, ProxyCheckRecord, ProxyDomain } from '@shared/ipc/channels/proxy-checks';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, proxyCheckKeys } from './query-keys';

/** The domains of a profile's instance (`GET /domains`). */
export const proxyDomainsQuery = defineQueryOptions(({ profileId }: { profileId: string }) => ({
  key: proxyCheckKeys.domains(profileId),
  query: (): Promise<ProxyDomain[]> => useApi().proxyChecks.domains({ profileId }),
}));

/** The checks the app ran on a profile, newest first. */
export const proxyHistoryQuery = defineQueryOptions(({ profileId }: { profileId: string }) => ({
  key: proxyCheckKeys.history(profileId),
  query: (): Promise<ProxyCheckRecord[]> => useApi().proxyChecks.history({ profileId }),
}));

/** Runs a check (`POST /proxy_checks`); a refused one is in the history too. */
export function useRunProxyCheck() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; domainId: string; proxyUrl: string }): Promise<ProxyCheckOutcome> => useApi().proxyChecks.run(vars),
    onSettled(_data, _error, { profileId }) {
      void invalidate(queryCache, { key: proxyCheckKeys.history(profileId) });
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}
