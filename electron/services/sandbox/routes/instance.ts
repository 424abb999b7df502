/**
 * Instance-level reads the app needs around the seed endpoints: GET /domains (the `domain_id` a
 * proxy check names) and, without a key, the SAML SP metadata of a connection.
 */
import { escapeHtml } from '../html';
import { errors } from '../errors';
import { RawBody, type Route } from '../router';
import type { SamlConnectionDoc } from '../types';

/** GET /v1/domains: the instance's one (primary) domain. */
export const instanceRoutes: Route[] = [
  {
    method: 'GET',
    template: '/domains',
    handler: ({ ctx }) => ({
      data: [
        {
          object: 'domain',
          id: ctx.instance.domainId,
          name: ctx.instance.domainName,
          is_satellite: false,
          frontend_api_url: ctx.origin,
          accounts_portal_url: null,
          proxy_url: null,
          development_origin: ctx.origin,
          cname_targets: null,
        },
      ],
      total_count: 1,
    }),
  },
];

/** GET /v1/saml/metadata/{id}.xml (no key): the SP metadata an IdP administrator downloads. */
export const samlMetadataRoutes: Route[] = [
  {
    method: 'GET',
    template: '/v1/saml/metadata/{file}',
    handler: ({ ctx, params }) => {
      const id = params.file.replace(/\.xml$/, '');
      const row = ctx.db.get<{ doc: string }>('SELECT doc FROM saml_connections WHERE id = ?', [id]);
      if (!row) throw errors.notFound(`No SAML connection was found with id ${id}`, 'SAML connection not found');
      const doc = JSON.parse(row.doc) as SamlConnectionDoc;
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeHtml(doc.sp_entity_id)}">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${escapeHtml(doc.acs_url)}" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;
      return new RawBody('application/samlmetadata+xml', xml);
    },
  },
];
