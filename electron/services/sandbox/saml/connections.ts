/**
 * SAML connection documents: the Service Provider URLs the Sandbox generates for a connection
 * (ACS, entity ID, metadata URL, all served from the Sandbox's origin) and the IdP fields.
 */
import type { SandboxDatabase } from '../db/database';
import type { SamlConnectionDoc } from '../types';
import { readCertificate } from './idp-metadata';

/** Providers Clerk accepts for SAML connections. */
export const SAML_PROVIDERS = ['saml_custom', 'saml_okta', 'saml_google', 'saml_microsoft'] as const;

/** The SP URLs of a connection. */
export function serviceProviderUrls(origin: string, id: string): Pick<SamlConnectionDoc, 'acs_url' | 'sp_entity_id' | 'sp_metadata_url'> {
  return {
    acs_url: `${origin}/v1/saml/acs/${id}`,
    sp_entity_id: `${origin}/saml/${id}`,
    sp_metadata_url: `${origin}/v1/saml/metadata/${id}.xml`,
  };
}

/** Fields of a new connection. */
export interface NewSamlConnection {
  id: string;
  name: string;
  provider: string;
  domains: string[];
  organizationId: string | null;
  createdAt: number;
}

/** A new, inactive connection without IdP settings. */
export function newSamlConnectionDoc(origin: string, fields: NewSamlConnection): SamlConnectionDoc {
  return {
    object: 'saml_connection',
    id: fields.id,
    name: fields.name,
    domain: fields.domains[0] ?? '',
    domains: fields.domains,
    idp_entity_id: null,
    idp_sso_url: null,
    idp_certificate: null,
    idp_certificate_issued_at: null,
    idp_certificate_expires_at: null,
    idp_metadata_url: null,
    idp_metadata: null,
    ...serviceProviderUrls(origin, fields.id),
    organization_id: fields.organizationId,
    attribute_mapping: { user_id: '', email_address: '', first_name: '', last_name: '' },
    active: false,
    provider: fields.provider,
    user_count: 0,
    sync_user_attributes: true,
    allow_subdomains: false,
    allow_idp_initiated: false,
    disable_additional_identifications: false,
    allow_organization_account_linking: false,
    authenticatable: false,
    force_authn: false,
    login_hint: { mode: 'email_address' },
    disable_jit_provisioning: false,
    enterprise_connection_id: null,
    created_at: fields.createdAt,
    updated_at: fields.createdAt,
  };
}

/** Sets the IdP certificate (PEM or base64) and its validity dates; null clears it. */
export function setIdpCertificate(doc: SamlConnectionDoc, certificate: string | null): void {
  if (certificate === null) {
    Object.assign(doc, { idp_certificate: null, idp_certificate_issued_at: null, idp_certificate_expires_at: null });
    return;
  }
  const info = readCertificate(certificate);
  Object.assign(doc, { idp_certificate: info.base64, idp_certificate_issued_at: info.issuedAt, idp_certificate_expires_at: info.expiresAt });
}

/** Does the connection have everything an IdP-initiated or SP-initiated login needs? */
export function hasCompleteIdp(doc: SamlConnectionDoc): boolean {
  return Boolean(doc.idp_entity_id && doc.idp_sso_url && doc.idp_certificate);
}

/** Recomputes derived fields (`authenticatable`, the deprecated `domain`). */
export function refreshDerived(doc: SamlConnectionDoc): void {
  doc.authenticatable = doc.active && hasCompleteIdp(doc);
  doc.domain = doc.domains[0] ?? '';
}

/** Writes a connection. */
export function saveSamlConnection(db: SandboxDatabase, doc: SamlConnectionDoc): void {
  refreshDerived(doc);
  db.run(
    `INSERT INTO saml_connections (id, name, organization_id, created_at, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization_id = excluded.organization_id, doc = excluded.doc`,
    [doc.id, doc.name.toLowerCase(), doc.organization_id, doc.created_at, JSON.stringify(doc)],
  );
}
