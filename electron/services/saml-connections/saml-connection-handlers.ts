/**
 * The `samlConnections:*` channels over the SAML connection operations, on the profile's own client.
 * Every answer carries what main read from the connection's IdP certificate, so the list and the tab
 * show its subject and expiry without parsing X.509 in the renderer. A certificate sent in a create
 * or an update is read first: one that is not a certificate is refused on its field, unsent.
 */
import type { SAMLConnection } from '../../../shared/clerk';
import type { SamlConnectionRecord, samlConnectionChannels } from '../../../shared/ipc/channels/saml-connections';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';
import { CertificateProblem, checkIdpCertificate, readIdpCertificate } from './idp-certificate';

/** What the handlers need. */
export interface SamlConnectionHandlerDeps {
  clients: ClerkClients;
}

/** A connection with its certificate read (a certificate Clerk holds that cannot be read says why, not fails the list). */
export function samlConnectionRecord(connection: SAMLConnection): SamlConnectionRecord {
  if (!connection.idp_certificate) return { connection, certificate: null };
  try {
    return { connection, certificate: readIdpCertificate(connection.idp_certificate) };
  } catch (error) {
    if (error instanceof CertificateProblem) return { connection, certificate: null, certificateProblem: error.message };
    throw error;
  }
}

/** This resource's part of the handler table. */
export function createSamlConnectionHandlers({ clients }: SamlConnectionHandlerDeps): HandlersFor<typeof samlConnectionChannels> {
  const { samlConnections } = operations;
  return {
    'samlConnections:list': async ({ profileId, query, orderBy, limit, offset }) => {
      const page = await clients.for(profileId).run(samlConnections.list, {}, { query: { query: query || undefined, order_by: orderBy, limit, offset } });
      return { data: page.data.map(samlConnectionRecord), totalCount: page.total_count };
    },
    'samlConnections:get': async ({ profileId, samlConnectionId }) =>
      samlConnectionRecord(await clients.for(profileId).run(samlConnections.get, { saml_connection_id: samlConnectionId })),
    'samlConnections:create': async ({ profileId, body }) => {
      if (body.idp_certificate) checkIdpCertificate(body.idp_certificate);
      return samlConnectionRecord(await clients.for(profileId).run(samlConnections.create, {}, { body }));
    },
    'samlConnections:update': async ({ profileId, samlConnectionId, body }) => {
      if (body.idp_certificate) checkIdpCertificate(body.idp_certificate);
      return samlConnectionRecord(await clients.for(profileId).run(samlConnections.update, { saml_connection_id: samlConnectionId }, { body }));
    },
    'samlConnections:delete': ({ profileId, samlConnectionId }) => clients.for(profileId).run(samlConnections.delete, { saml_connection_id: samlConnectionId }),
    'samlConnections:inspectCertificate': ({ certificate }) => Promise.resolve(checkIdpCertificate(certificate, 'certificate')),
  };
}
