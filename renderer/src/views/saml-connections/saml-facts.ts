/**
 * The facts a SAML connection's tab lists, card by card: the Service Provider's URLs (what the IdP
 * is set up with, each copyable), the identity provider and its certificate, the settings, and the
 * attribute mapping. Pure, so the wording is tested without a tab.
 */
import type { SAMLConnection } from '@shared/clerk';
import type { SamlConnectionRecord } from '@shared/ipc/channels/saml-connections';
import type { Fact } from '../../components/fact';
import { formatTime } from '../../format';
import { certificateExpiry, domainsOf, providerLabel } from './saml-display';
import { SAML_FLAG_LABELS, SAML_FLAGS } from './saml-form-model';

/** The SP's URLs: ACS URL, SP entity ID, SP metadata URL. */
export function serviceProviderFacts(connection: SAMLConnection): Fact[] {
  return [
    { label: 'ACS URL', value: connection.acs_url, mono: true, copy: true, testId: 'saml-acs-url' },
    { label: 'SP entity ID', value: connection.sp_entity_id, mono: true, copy: true, testId: 'saml-sp-entity-id' },
    { label: 'SP metadata URL', value: connection.sp_metadata_url, mono: true, copy: true, testId: 'saml-sp-metadata-url' },
  ];
}

const orNone = (label: string, value: string | null | undefined, testId: string, text = 'Not set'): Fact =>
  value ? { label, value, mono: true, copy: true, testId } : { label, value: text, muted: true, testId };

/** The IdP's settings and its certificate as main read it. */
export function identityProviderFacts(record: SamlConnectionRecord, now: number): Fact[] {
  const { connection, certificate } = record;
  const facts: Fact[] = [
    orNone('IdP entity ID', connection.idp_entity_id, 'saml-idp-entity-id'),
    orNone('IdP SSO URL', connection.idp_sso_url, 'saml-idp-sso-url'),
    orNone('Metadata URL', connection.idp_metadata_url, 'saml-idp-metadata-url', 'None'),
  ];
  if (!certificate) {
    facts.push({ label: 'Certificate', value: record.certificateProblem ?? 'No certificate', muted: true, testId: 'saml-cert-subject' });
    return facts;
  }
  const expiry = certificateExpiry(record, now);
  facts.push(
    { label: 'Certificate subject', value: certificate.subject, testId: 'saml-cert-subject' },
    { label: 'Issuer', value: certificate.selfSigned ? `${certificate.issuer} (self-signed)` : certificate.issuer, testId: 'saml-cert-issuer' },
    { label: 'Issued', value: formatTime(certificate.validFrom), testId: 'saml-cert-issued' },
    { label: 'Expires', value: expiry.state === 'valid' ? formatTime(certificate.validTo) : `${formatTime(certificate.validTo)} · ${expiry.text.replace(/ \(.*\)$/, '')}`, testId: 'saml-cert-expires' },
    { label: 'SHA-256 fingerprint', value: certificate.fingerprint256, mono: true, copy: true, testId: 'saml-cert-fingerprint' },
  );
  return facts;
}

/** The connection's settings: provider, domains, the flags, login hint, organization, users, dates. */
export function settingsFacts(connection: SAMLConnection): Fact[] {
  const hint = connection.login_hint;
  return [
    { label: 'Provider', value: providerLabel(connection.provider), testId: 'saml-provider' },
    { label: 'Domains', value: domainsOf(connection).join(', ') || '—', testId: 'saml-domains' },
    ...SAML_FLAGS.map((flag) => ({ label: SAML_FLAG_LABELS[flag], value: connection[flag] ? 'Yes' : 'No', muted: !connection[flag], testId: `saml-flag-${flag}` })),
    { label: 'Login hint', value: hint ? (hint.mode === 'custom_attribute' ? `Custom attribute (${hint.source ?? '—'})` : hint.mode === 'off' ? 'Off' : 'Email address') : '—' },
    connection.organization_id ? { label: 'Organization', value: connection.organization_id, mono: true, copy: true } : { label: 'Organization', value: 'None', muted: true },
    { label: 'Users', value: String(connection.user_count) },
    { label: 'Created', value: formatTime(connection.created_at) },
    { label: 'Updated', value: formatTime(connection.updated_at) },
  ];
}

/** The attribute mapping (empty entries: Clerk's default). */
export function mappingFacts(connection: SAMLConnection): Fact[] {
  const mapping = connection.attribute_mapping;
  const row = (label: string, value: string | undefined, key: string): Fact =>
    value ? { label, value, mono: true, testId: `saml-mapping-${key}-value` } : { label, value: 'Clerk’s default', muted: true, testId: `saml-mapping-${key}-value` };
  return [
    row('User ID', mapping?.user_id, 'user_id'),
    row('Email address', mapping?.email_address, 'email_address'),
    row('First name', mapping?.first_name, 'first_name'),
    row('Last name', mapping?.last_name, 'last_name'),
  ];
}
