/**
 * The `samlConnections:*` channels (issue 12, item 1): the SAML connections of the profile's
 * instance, each answered with a summary of its IdP certificate read in main, and a channel that
 * reads a certificate the administrator dropped before anything is sent. Their input is validated
 * here, once.
 */
import { z } from 'zod';
import type { DeletedObject, SAMLConnection } from '../../clerk';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';

/** The identity providers Clerk accepts (`provider`), with the names the screens show. */
export const SAML_PROVIDERS = ['saml_custom', 'saml_okta', 'saml_google', 'saml_microsoft'] as const;
/** One of {@link SAML_PROVIDERS}. */
export type SamlProvider = (typeof SAML_PROVIDERS)[number];
/** How each provider reads. */
export const SAML_PROVIDER_LABELS: Record<SamlProvider, string> = {
  saml_custom: 'Custom SAML',
  saml_okta: 'Okta Workforce',
  saml_google: 'Google Workspace',
  saml_microsoft: 'Microsoft Entra ID',
};

/** Fields `GET /saml_connections` sorts by (`order_by`, with `+`/`-`). */
export const SAML_CONNECTION_ORDER_FIELDS = ['created_at', 'name'] as const;
/** The user properties an attribute mapping names (Clerk's `attribute_mapping` keys). */
export const SAML_MAPPING_KEYS = ['user_id', 'email_address', 'first_name', 'last_name'] as const;
/** How Clerk's `login_hint.mode` values read. */
export const SAML_LOGIN_HINT_MODES = ['email_address', 'custom_attribute', 'off'] as const;

/** The largest certificate or metadata text accepted (IdP metadata with several keys stays far below). */
export const SAML_TEXT_MAX = 512 * 1024;
/** A certificate expiring within this many days is flagged in the list and the tab. */
export const CERTIFICATE_WARNING_DAYS = 30;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** Why a domain is not one a SAML connection can use, or undefined (checked as typed, and again here). */
export function samlDomainProblem(domain: string): string | undefined {
  if (domain.trim() === '') return 'Enter a domain, such as example.com.';
  if (!DOMAIN.test(domain.trim().toLowerCase())) return `${domain.trim()} is not a domain (such as example.com, without https:// or a path).`;
  return undefined;
}

/** Why a URL is not an http(s) URL, or undefined. */
export function httpUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter a whole URL, starting with https://.';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'Use an http(s) URL.';
}

/** What main read from an IdP certificate (X.509). */
export interface CertificateSummary {
  /** The subject's distinguished name, e.g. `CN=idp.example.com, O=Example`. */
  subject: string;
  issuer: string;
  /** NotBefore and NotAfter (ms). */
  validFrom: number;
  validTo: number;
  /** SHA-256 fingerprint (colon-separated hex), to compare with the IdP's console. */
  fingerprint256: string;
  serialNumber: string;
  /** Whether subject and issuer are the same (IdPs usually sign with a self-signed certificate). */
  selfSigned: boolean;
}

/** A SAML connection as the screens get it: Clerk's record and what main read from its certificate. */
export interface SamlConnectionRecord {
  connection: SAMLConnection;
  /** Null when the connection has no certificate, or it could not be read (then `certificateProblem` says why). */
  certificate: CertificateSummary | null;
  certificateProblem?: string;
}

/** A page of SAML connections with how many match in all. */
export interface SamlConnectionPage {
  data: SamlConnectionRecord[];
  totalCount: number;
}

const trimmed = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);
const name = z.string().trim().min(1, 'Enter a name.').max(256, 'Keep the name under 256 characters.');
const domain = z.string().trim().toLowerCase().superRefine((value, ctx) => {
  const problem = samlDomainProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const domains = z.array(domain).min(1, 'Enter at least one domain.').max(50, 'At most 50 domains.');
const httpUrl = z.string().trim().superRefine((value, ctx) => {
  const problem = httpUrlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const certificateText = z.string().trim().min(1, 'Drop or paste a certificate.').max(SAML_TEXT_MAX, 'This is too large for a certificate.');
const metadataXml = z.string().trim().min(1, 'Paste or drop the IdP metadata XML.').max(SAML_TEXT_MAX, 'The metadata is over 512 KB.');
const mapped = trimmed(256).optional();
const attributeMapping = z.object({ user_id: mapped, email_address: mapped, first_name: mapped, last_name: mapped }).strict();
const loginHint = z.object({ mode: z.enum(SAML_LOGIN_HINT_MODES), source: trimmed(256).optional() }).strict();
const orderBy = z
  .string()
  .regex(new RegExp(`^[+-]?(${SAML_CONNECTION_ORDER_FIELDS.join('|')})$`), { message: `Sort by one of: ${SAML_CONNECTION_ORDER_FIELDS.join(', ')}.` });

/** The IdP fields create and update share (metadata URL or XML take priority over the individual fields). */
const idpFields = {
  idp_entity_id: trimmed(1024),
  idp_sso_url: httpUrl,
  idp_certificate: certificateText,
  idp_metadata_url: httpUrl,
  idp_metadata: metadataXml,
};

/** The body of `POST /saml_connections`. */
export const createSamlConnectionBody = z
  .object({
    name,
    domains,
    provider: z.enum(SAML_PROVIDERS),
    idp_entity_id: idpFields.idp_entity_id.optional(),
    idp_sso_url: idpFields.idp_sso_url.optional(),
    idp_certificate: idpFields.idp_certificate.optional(),
    idp_metadata_url: idpFields.idp_metadata_url.optional(),
    idp_metadata: idpFields.idp_metadata.optional(),
    organization_id: clerkId('org').optional(),
    attribute_mapping: attributeMapping.optional(),
    force_authn: z.boolean().optional(),
    login_hint: loginHint.optional(),
  })
  .strict();

/** The flags `PATCH /saml_connections/{id}` documents, in the order the edit form shows them. */
export const SAML_CONNECTION_FLAGS = [
  'active',
  'sync_user_attributes',
  'allow_subdomains',
  'allow_idp_initiated',
  'disable_additional_identifications',
  'allow_organization_account_linking',
  'force_authn',
] as const;

/** The body of `PATCH /saml_connections/{id}`: only what changed (null clears an IdP field or the organization). */
export const updateSamlConnectionBody = z
  .object({
    name: name.optional(),
    domains: domains.optional(),
    idp_entity_id: idpFields.idp_entity_id.nullable().optional(),
    idp_sso_url: idpFields.idp_sso_url.nullable().optional(),
    idp_certificate: idpFields.idp_certificate.nullable().optional(),
    idp_metadata_url: idpFields.idp_metadata_url.nullable().optional(),
    idp_metadata: idpFields.idp_metadata.nullable().optional(),
    organization_id: clerkId('org').nullable().optional(),
    attribute_mapping: attributeMapping.optional(),
    login_hint: loginHint.optional(),
    consent_verified_domains_deletion: z.boolean().optional(),
    active: z.boolean().optional(),
    sync_user_attributes: z.boolean().optional(),
    allow_subdomains: z.boolean().optional(),
    allow_idp_initiated: z.boolean().optional(),
    disable_additional_identifications: z.boolean().optional(),
    allow_organization_account_linking: z.boolean().optional(),
    force_authn: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'Nothing changed.');

const samlConnectionId = clerkId('samlc');
const oneConnection = z.object({ profileId: localId, samlConnectionId });

/** The SAML connections' channels. */
export const samlConnectionChannels = {
  /** `GET /saml_connections`: search by name, sort, paging with the total; each row with its certificate read. */
  'samlConnections:list': channel(
    z.object({
      profileId: localId,
      query: z.string().trim().max(200).optional(),
      orderBy: orderBy.default('-created_at'),
      limit: z.number().int().min(1).max(500).default(25),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<SamlConnectionPage>(),
  /** `GET /saml_connections/{id}`. */
  'samlConnections:get': channel(oneConnection).returns<SamlConnectionRecord>(),
  /** `POST /saml_connections`: a certificate given is read in main first (one that is not a certificate is refused on its field). */
  'samlConnections:create': channel(z.object({ profileId: localId, body: createSamlConnectionBody })).returns<SamlConnectionRecord>(),
  /** `PATCH /saml_connections/{id}`: only the fields that changed. */
  'samlConnections:update': channel(oneConnection.extend({ body: updateSamlConnectionBody })).returns<SamlConnectionRecord>(),
  /** `DELETE /saml_connections/{id}`. */
  'samlConnections:delete': channel(oneConnection).returns<DeletedObject>(),
  /** Reads a certificate (PEM, or base64 DER as a `.crt` holds it) in main: no call to Clerk. */
  'samlConnections:inspectCertificate': channel(z.object({ certificate: certificateText })).returns<CertificateSummary>(),
} as const;
