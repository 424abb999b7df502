/**
 * SAML connections from main (issue 12, item 1): queries and mutations over the
 * `samlConnections:*` channels. Each mutation puts the instance's answer into the connection's
 * record, refetches the lists, and the audit log.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { DeletedObject } from '@shared/clerk';
import type { CertificateSummary, SamlConnectionPage, SamlConnectionRecord } from '@shared/ipc/channels/saml-connections';
import type { ChannelInput } from '@shared/ipc/contract';
import { isNotFound } from '../components/error-presentation';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, samlConnectionKeys, type SamlConnectionListParams } from './query-keys';

/** What `samlConnections:create` sends (the body of POST /saml_connections). */
export type CreateSamlConnectionBody = ChannelInput<'samlConnections:create'>['body'];
/** What `samlConnections:update` sends: only the fields that changed. */
export type UpdateSamlConnectionBody = ChannelInput<'samlConnections:update'>['body'];

/** One page of a profile's SAML connections; while the next page loads, the previous one stays shown. */
export const samlConnectionsListQuery = defineQueryOptions(({ profileId, params }: { profileId: string; params: SamlConnectionListParams }) => ({
  key: samlConnectionKeys.list(profileId, params),
  query: (): Promise<SamlConnectionPage> => {
    const { limit, offset, orderBy, query } = params;
    return useApi().samlConnections.list({ profileId, limit, offset, orderBy, ...(query ? { query } : {}) });
  },
  placeholderData: (previous: SamlConnectionPage | undefined) => previous,
}));

/** One SAML connection of a profile. */
export const samlConnectionQuery = defineQueryOptions(({ profileId, samlConnectionId }: { profileId: string; samlConnectionId: string }) => ({
  key: samlConnectionKeys.detail(profileId, samlConnectionId),
  query: (): Promise<SamlConnectionRecord> => useApi().samlConnections.get({ profileId, samlConnectionId }),
}));

/** Reads a dropped certificate in main (no call to Clerk): its subject and dates, or why it is not one. */
export function inspectCertificate(certificate: string): Promise<CertificateSummary> {
  return useApi().samlConnections.inspectCertificate({ certificate });
}

/** Creates a connection; the new record is cached under its id (its tab opens at once) and the lists refetch. */
export function useCreateSamlConnection() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; body: CreateSamlConnectionBody }): Promise<SamlConnectionRecord> => useApi().samlConnections.create(vars),
    onSuccess(record, { profileId }) {
      queryCache.setQueryData(samlConnectionKeys.detail(profileId, record.connection.id), record);
      void invalidate(queryCache, { key: samlConnectionKeys.lists(profileId) });
    },
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}

/** `PATCH /saml_connections/{id}`: the answer replaces the record, the lists refetch. */
export function useUpdateSamlConnection() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; samlConnectionId: string; body: UpdateSamlConnectionBody }): Promise<SamlConnectionRecord> =>
      useApi().samlConnections.update(vars),
    onSuccess(record, { profileId }) {
      queryCache.setQueryData(samlConnectionKeys.detail(profileId, record.connection.id), record);
      void invalidate(queryCache, { key: samlConnectionKeys.lists(profileId) });
    },
    onError(error, { profileId }) {
      if (isNotFound(error)) void invalidate(queryCache, { key: samlConnectionKeys.lists(profileId) });
    },
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}

/** `DELETE /saml_connections/{id}`: the lists refetch; the record is marked stale without a refetch (its tab closes). */
export function useDeleteSamlConnection() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; samlConnectionId: string }): Promise<DeletedObject> => useApi().samlConnections.delete(vars),
    onSuccess(_deleted, { profileId, samlConnectionId }) {
      void queryCache.invalidateQueries({ key: samlConnectionKeys.detail(profileId, samlConnectionId) }, false).catch(() => undefined);
      void invalidate(queryCache, { key: samlConnectionKeys.lists(profileId) });
    },
    onError(error, { profileId }) {
      if (isNotFound(error)) void invalidate(queryCache, { key: samlConnectionKeys.lists(profileId) });
    },
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}
