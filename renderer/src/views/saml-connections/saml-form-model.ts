/**
 * The SAML connection's create and edit forms: what they hold, the body each sends (the edit only
 * the fields that changed), the rule issues found before anything is sent (each naming its field,
 * the contract's own domain and URL rules), and the edit's change preview. Pure, so every rule is
 * unit-tested without a form.
 */
import type { SAMLConnection } from '@shared/clerk';
import {
  SAML_MAPPING_KEYS,
  httpUrlProblem,
  samlDomainProblem,
  type CertificateSummary,
  type SamlProvider,
} from '@shared/ipc/channels/saml-connections';
import type { CreateSamlConnectionBody, UpdateSamlConnectionBody } from '../../api/saml-connections';
import type { FieldMap, NamedMessage } from '../../components/forms/field-errors';
import { changeRows, type ChangeRow } from '../../components/guardrails/change-rows';
import { formatDate } from '../../format';
import { domainsOf } from './saml-display';

/** How the identity provider is set up: its metadata URL, its metadata XML, the three fields, or (edit) as it is. */
export type IdpMode = 'metadata_url' | 'metadata_xml' | 'fields' | 'keep';

/** The IdP part of a form. */
export interface IdpForm {
  mode: IdpMode;
  metadataUrl: string;
  metadataXml: string;
  /** The .xml file the metadata came from, if it was dropped. */
  metadataFile: string | null;
  entityId: string;
  ssoUrl: string;
  /** PEM, or base64 DER from a binary .crt. */
  certificate: string;
  certificateFile: string | null;
  /** What main read from the certificate (null until read, or when it is not one). */
  certificateSummary: CertificateSummary | null;
  certificateProblem: string | null;
}

/** Attribute names the IdP sends for Clerk's user properties ('' for Clerk's default). */
export type AttributeMappingForm = Record<(typeof SAML_MAPPING_KEYS)[number], string>;

/** The create form. */
export interface CreateSamlForm {
  name: string;
  domains: string[];
  provider: SamlProvider;
  idp: IdpForm;
  mapping: AttributeMappingForm;
}

/** The form's fields as Clerk names them (its `meta.param_name` lands on them as is). */
export const SAML_FORM_FIELDS = [
  'name',
  'domains',
  'provider',
  'idp_metadata_url',
  'idp_metadata',
  'idp_entity_id',
  'idp_sso_url',
  'idp_certificate',
  'attribute_mapping',
  'active',
  'login_hint',
] as const;
/** One of {@link SAML_FORM_FIELDS}. */
export type SamlFormField = (typeof SAML_FORM_FIELDS)[number];
/** How errors find the fields (Clerk's deprecated `domain` is the domains field). */
export const SAML_FORM_FIELD_MAP: FieldMap<SamlFormField> = { fields: SAML_FORM_FIELDS, params: { domain: 'domains' } };

/** An empty IdP part (`mode` first chosen). */
export function emptyIdp(mode: IdpMode): IdpForm {
  return { mode, metadataUrl: '', metadataXml: '', metadataFile: null, entityId: '', ssoUrl: '', certificate: '', certificateFile: null, certificateSummary: null, certificateProblem: null };
}

/** An empty mapping. */
export const emptyMapping = (): AttributeMappingForm => ({ user_id: '', email_address: '', first_name: '', last_name: '' });

/** A fresh create form. */
export function emptyCreateForm(): CreateSamlForm {
  return { name: '', domains: [''], provider: 'saml_custom', idp: emptyIdp('metadata_xml'), mapping: emptyMapping() };
}

/** The entity id an IdP metadata document declares, for the drop's summary (main and Clerk read it for real). */
export function metadataEntityId(xml: string): string | undefined {
  return /<(?:[\w-]+:)?EntityDescriptor\b[^>]*?\bentityID\s*=\s*["']([^"']+)["']/.exec(xml)?.[1];
}

/** The certificate a dropped file holds, as sent: its PEM text, or its DER bytes as base64. */
export function certificateFromFile(file: { text: string; base64: string }): string {
  return file.text.includes('-----BEGIN') ? file.text.trim() : file.base64;
}

/** The IdP fields the form sends, and the issues that stop it. */
export function idpBody(idp: IdpForm): { body: Partial<CreateSamlConnectionBody>; issues: NamedMessage[] } {
  const issues: NamedMessage[] = [];
  const body: Partial<CreateSamlConnectionBody> = {};
  if (idp.mode === 'metadata_url') {
    const problem = httpUrlProblem(idp.metadataUrl);
    if (problem) issues.push({ name: 'idp_metadata_url', message: problem });
    else body.idp_metadata_url = idp.metadataUrl.trim();
  } else if (idp.mode === 'metadata_xml') {
    const xml = idp.metadataXml.trim();
    if (xml === '') issues.push({ name: 'idp_metadata', message: 'Paste the IdP metadata XML, or drop its .xml file here.' });
    else if (!metadataEntityId(xml)) issues.push({ name: 'idp_metadata', message: 'This is not SAML metadata: it has no EntityDescriptor with an entityID.' });
    else body.idp_metadata = xml;
  } else if (idp.mode === 'fields') {
    if (idp.entityId.trim() === '') issues.push({ name: 'idp_entity_id', message: 'Enter the IdP entity ID (its issuer).' });
    else body.idp_entity_id = idp.entityId.trim();
    const sso = httpUrlProblem(idp.ssoUrl);
    if (sso) issues.push({ name: 'idp_sso_url', message: sso });
    else body.idp_sso_url = idp.ssoUrl.trim();
    if (idp.certificateProblem) issues.push({ name: 'idp_certificate', message: idp.certificateProblem });
    else if (idp.certificate.trim() === '') issues.push({ name: 'idp_certificate', message: 'Drop the IdP signing certificate (.pem or .crt), or paste it.' });
    else body.idp_certificate = idp.certificate.trim();
  }
  return { body, issues };
}

/** The mapping entries filled in. */
function mappingBody(mapping: AttributeMappingForm): Partial<AttributeMappingForm> {
  return Object.fromEntries(Object.entries(mapping).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, value.trim()]));
}

/** Issues of the name and the domains. */
function identityIssues(name: string, domains: string[]): NamedMessage[] {
  const issues: NamedMessage[] = [];
  if (name.trim() === '') issues.push({ name: 'name', message: 'Enter a name, such as the company or IdP.' });
  else if (name.trim().length > 256) issues.push({ name: 'name', message: 'Keep the name under 256 characters.' });
  const filled = domains.map((d) => d.trim()).filter(Boolean);
  if (filled.length === 0) issues.push({ name: 'domains', message: 'Enter the email domain its users sign in with, such as example.com.' });
  domains.forEach((domain, index) => {
    if (domain.trim() === '') return;
    const problem = samlDomainProblem(domain);
    if (problem) issues.push({ name: `domains.${index}`, message: problem });
  });
  return issues;
}

const cleanDomains = (domains: string[]) => [...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))];

/** The body of `POST /saml_connections` and the issues that stop it. */
export function createSamlBody(form: CreateSamlForm): { body: CreateSamlConnectionBody; issues: NamedMessage[] } {
  const idp = idpBody(form.idp);
  const mapping = mappingBody(form.mapping);
  const body: CreateSamlConnectionBody = {
    name: form.name.trim(),
    domains: cleanDomains(form.domains),
    provider: form.provider,
    ...idp.body,
    ...(Object.keys(mapping).length ? { attribute_mapping: mapping } : {}),
  };
  return { body, issues: [...identityIssues(form.name, form.domains), ...idp.issues] };
}

// --- The edit form (PATCH /saml_connections/{id}) ---

/** The flags the edit form switches, each with how it reads. */
export const SAML_FLAG_LABELS = {
  active: 'Active',
  sync_user_attributes: 'Sync user attributes on each sign-in',
  allow_subdomains: 'Allow email subdomains',
  allow_idp_initiated: 'Allow IdP-initiated sign-in',
  disable_additional_identifications: 'Disable additional identifications',
  allow_organization_account_linking: 'Link accounts through organization membership',
  force_authn: 'Force re-authentication (ForceAuthn)',
} as const;
/** One flag. */
export type SamlFlag = keyof typeof SAML_FLAG_LABELS;
/** The flags in the form's order. */
export const SAML_FLAGS = Object.keys(SAML_FLAG_LABELS) as SamlFlag[];

/** The edit form. */
export interface EditSamlForm {
  name: string;
  domains: string[];
  flags: Record<SamlFlag, boolean>;
  mapping: AttributeMappingForm;
  loginHintMode: 'email_address' | 'custom_attribute' | 'off';
  loginHintSource: string;
  /** The organization its users join ('' for none). */
  organizationId: string;
  idp: IdpForm;
}

/** The edit form as the connection is now (the IdP kept as it is until another way is chosen). */
export function editFormOf(connection: SAMLConnection): EditSamlForm {
  const mapping = connection.attribute_mapping;
  return {
    name: connection.name,
    domains: domainsOf(connection),
    flags: Object.fromEntries(SAML_FLAGS.map((flag) => [flag, Boolean(connection[flag])])) as Record<SamlFlag, boolean>,
    mapping: { user_id: mapping?.user_id ?? '', email_address: mapping?.email_address ?? '', first_name: mapping?.first_name ?? '', last_name: mapping?.last_name ?? '' },
    loginHintMode: connection.login_hint?.mode ?? 'email_address',
    loginHintSource: connection.login_hint?.source ?? '',
    organizationId: connection.organization_id ?? '',
    idp: { ...emptyIdp('keep'), metadataUrl: connection.idp_metadata_url ?? '', entityId: connection.idp_entity_id ?? '', ssoUrl: connection.idp_sso_url ?? '' },
  };
}

/** The body of only what changed from `before`, and the issues that stop it. */
export function updateSamlBody(before: EditSamlForm, form: EditSamlForm): { body: UpdateSamlConnectionBody; issues: NamedMessage[] } {
  const body: UpdateSamlConnectionBody = {};
  const issues = identityIssues(form.name, form.domains);
  if (form.name.trim() !== before.name) body.name = form.name.trim();
  const domains = cleanDomains(form.domains);
  if (domains.join(',') !== before.domains.join(',')) body.domains = domains;
  for (const flag of SAML_FLAGS) if (form.flags[flag] !== before.flags[flag]) body[flag] = form.flags[flag];
  const mapping = Object.fromEntries(SAML_MAPPING_KEYS.filter((key) => form.mapping[key].trim() !== before.mapping[key]).map((key) => [key, form.mapping[key].trim()]));
  if (Object.keys(mapping).length) body.attribute_mapping = mapping;
  if (form.loginHintMode !== before.loginHintMode || (form.loginHintMode === 'custom_attribute' && form.loginHintSource.trim() !== before.loginHintSource)) {
    if (form.loginHintMode === 'custom_attribute' && form.loginHintSource.trim() === '') issues.push({ name: 'login_hint', message: 'Name the public metadata key whose value is sent as the login hint.' });
    body.login_hint = form.loginHintMode === 'custom_attribute' ? { mode: form.loginHintMode, source: form.loginHintSource.trim() } : { mode: form.loginHintMode };
  }
  const org = form.organizationId.trim();
  if (org !== before.organizationId) body.organization_id = org === '' ? null : org;
  const idp = idpBody(form.idp);
  Object.assign(body, idp.body);
  return { body, issues: [...issues, ...idp.issues] };
}

/** The preview's labels. */
const LABELS: Record<string, string> = {
  name: 'Name',
  domains: 'Domains',
  ...SAML_FLAG_LABELS,
  attribute_mapping: 'Attribute mapping',
  login_hint: 'Login hint',
  organization_id: 'Organization',
  idp_metadata_url: 'IdP metadata URL',
  idp_metadata: 'IdP metadata XML',
  idp_entity_id: 'IdP entity ID',
  idp_sso_url: 'IdP SSO URL',
  idp_certificate: 'IdP certificate',
};

/** How a value of the form reads in the preview. */
function shown(field: string, value: unknown, idp: IdpForm): unknown {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (field === 'domains' && Array.isArray(value)) return value.join(', ');
  if (field === 'idp_metadata' && typeof value === 'string') return idp.metadataFile ? `${idp.metadataFile} (${value.length.toLocaleString('en')} characters)` : `Pasted XML (${value.length.toLocaleString('en')} characters)`;
  if (field === 'idp_certificate' && typeof value === 'string') return idp.certificateSummary ? `${idp.certificateSummary.subject}, valid to ${formatDate(idp.certificateSummary.validTo)}` : 'A new certificate';
  if (field === 'login_hint' && value && typeof value === 'object') {
    const hint = value as { mode: string; source?: string };
    return hint.source ? `${hint.mode} (${hint.source})` : hint.mode;
  }
  if (value === null) return '(none)';
  return value;
}

/** The change preview of `body` against the form as it was. */
export function samlEditPreview(before: EditSamlForm, connection: SAMLConnection, body: UpdateSamlConnectionBody, idp: IdpForm): ChangeRow[] {
  const was: Record<string, unknown> = {
    name: before.name,
    domains: before.domains,
    ...before.flags,
    login_hint: { mode: before.loginHintMode, ...(before.loginHintSource ? { source: before.loginHintSource } : {}) },
    organization_id: before.organizationId || null,
    idp_metadata_url: connection.idp_metadata_url ?? null,
    idp_metadata: connection.idp_metadata ? 'Metadata XML' : null,
    idp_entity_id: connection.idp_entity_id,
    idp_sso_url: connection.idp_sso_url,
    idp_certificate: connection.idp_certificate ? 'The current certificate' : null,
  };
  const labels: Record<string, string> = { ...LABELS };
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (field === 'attribute_mapping') {
      for (const [key, name] of Object.entries(value as Record<string, string>)) {
        from[`attribute_mapping.${key}`] = before.mapping[key as keyof AttributeMappingForm] || '(Clerk’s default)';
        to[`attribute_mapping.${key}`] = name || '(Clerk’s default)';
        labels[`attribute_mapping.${key}`] = `Attribute for ${key.replace('_', ' ')}`;
      }
      continue;
    }
    from[field] = field === 'idp_metadata' || field === 'idp_certificate' ? was[field] : shown(field, was[field], idp);
    to[field] = shown(field, value, idp);
  }
  return changeRows(from, to, labels);
}
