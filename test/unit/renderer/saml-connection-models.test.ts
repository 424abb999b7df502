/**
 * The SAML connection screens' rules: the certificate's expiry (valid, within 30 days, expired, none)
 * and its warning; a 402 worded as a paid plan, not "error 402"; the create body from each way of
 * setting up the IdP with the issues that stop it on their fields; the edit's body of only what
 * changed and its preview; a dropped file's certificate (PEM text, or DER as base64).
 */
import { describe, expect, it } from 'vitest';
import type { SAMLConnection } from '@shared/clerk';
import { AppError } from '@shared/ipc/errors';
import type { SamlConnectionRecord } from '@shared/ipc/channels/saml-connections';
import { actionErrorTitle, paidPlanMessage } from '../../../renderer/src/components/error-presentation';
import { certificateExpiry, deleteSamlConnectionRequest, expiryWarning } from '../../../renderer/src/views/saml-connections/saml-display';
import {
  certificateFromFile,
  createSamlBody,
  editFormOf,
  emptyCreateForm,
  emptyIdp,
  samlEditPreview,
  updateSamlBody,
} from '../../../renderer/src/views/saml-connections/saml-form-model';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 0, 10);
const connection = {
  object: 'saml_connection',
  id: 'samlc_1',
  name: 'Acme',
  domains: ['acme.test'],
  provider: 'saml_okta',
  active: false,
  user_count: 2,
  sync_user_attributes: true,
  allow_subdomains: false,
  allow_idp_initiated: false,
  disable_additional_identifications: false,
  allow_organization_account_linking: false,
  force_authn: false,
  login_hint: { mode: 'email_address' },
  attribute_mapping: { user_id: '', email_address: 'mail', first_name: '', last_name: '' },
  idp_entity_id: 'urn:acme',
  idp_sso_url: 'https://acme.test/sso',
  idp_certificate: 'MII…',
  idp_certificate_issued_at: NOW - 300 * DAY,
  idp_certificate_expires_at: NOW + 20 * DAY,
  acs_url: 'https://x/acs',
  sp_entity_id: 'https://x/sp',
  sp_metadata_url: 'https://x/md',
  created_at: NOW,
  updated_at: NOW,
} as SAMLConnection;
const withCertificateTo = (validTo: number | null): SamlConnectionRecord => ({
  connection: { ...connection, idp_certificate_expires_at: validTo },
  certificate: validTo === null ? null : { subject: 'CN=a', issuer: 'CN=a', validFrom: NOW - DAY, validTo, fingerprint256: 'AA', serialNumber: '01', selfSigned: true },
});

describe('certificate expiry', () => {
  it('is valid beyond 30 days, soon within, expired after, none without', () => {
    expect(certificateExpiry(withCertificateTo(NOW + 31 * DAY), NOW).state).toBe('valid');
    const soon = certificateExpiry(withCertificateTo(NOW + 12 * DAY + 3_600_000), NOW);
    expect(soon).toMatchObject({ state: 'soon', daysLeft: 12 });
    expect(soon.text).toMatch(/^Expires in 12 days \(/);
    expect(certificateExpiry(withCertificateTo(NOW + 30 * DAY), NOW).state).toBe('soon');
    const expired = certificateExpiry(withCertificateTo(NOW - 4 * DAY), NOW);
    expect(expired.state).toBe('expired');
    expect(expired.text).toMatch(/^Expired 4 days ago/);
    expect(certificateExpiry(withCertificateTo(null), NOW)).toMatchObject({ state: 'none', text: 'No certificate' });
    expect(expiryWarning(soon)).toMatch(/expires within 30 days/);
    expect(expiryWarning(expired)).toMatch(/has expired/);
    expect(expiryWarning(certificateExpiry(withCertificateTo(NOW + 90 * DAY), NOW))).toBeUndefined();
  });

  it("falls back to Clerk's expiry date when main could not read the certificate", () => {
    const record: SamlConnectionRecord = { connection, certificate: null, certificateProblem: 'unreadable' };
    expect(certificateExpiry(record, NOW).state).toBe('soon');
  });
});

describe('402', () => {
  const paid = new AppError({ kind: 'clerk', status: 402, code: 'payment_required', message: 'Payment required' });
  it('says a paid Clerk plan is needed, not the status', () => {
    expect(paidPlanMessage(paid)).toMatch(/^This needs a paid Clerk plan/);
    expect(paidPlanMessage(paid)).not.toMatch(/402/);
    expect(actionErrorTitle(paid, 'delete', 'SAML connection')).toBe('Could not delete this SAML connection: it needs a paid Clerk plan');
    expect(paidPlanMessage(new AppError({ kind: 'clerk', status: 403, message: 'Forbidden' }))).toBeUndefined();
  });
});

describe('create body', () => {
  it('sends metadata XML with the domains cleaned and only the mapping filled in', () => {
    const form = { ...emptyCreateForm(), name: ' Acme ', domains: ['Acme.test', '', 'acme.test'], provider: 'saml_okta' as const };
    form.idp = { ...emptyIdp('metadata_xml'), metadataXml: '<md:EntityDescriptor entityID="urn:x"><md:IDPSSODescriptor/></md:EntityDescriptor>' };
    form.mapping = { ...form.mapping, email_address: ' mail ' };
    const { body, issues } = createSamlBody(form);
    expect(issues).toEqual([]);
    expect(body).toEqual({ name: 'Acme', domains: ['acme.test'], provider: 'saml_okta', idp_metadata: form.idp.metadataXml, attribute_mapping: { email_address: 'mail' } });
  });

  it('names the field of each problem', () => {
    const form = { ...emptyCreateForm(), domains: ['ok.test', 'https://bad/'] };
    form.idp = { ...emptyIdp('metadata_xml'), metadataXml: '<html/>' };
    expect(createSamlBody(form).issues.map((issue) => issue.name)).toEqual(['name', 'domains.1', 'idp_metadata']);
    form.idp = { ...emptyIdp('metadata_url'), metadataUrl: 'ftp://x' };
    expect(createSamlBody(form).issues.at(-1)).toEqual({ name: 'idp_metadata_url', message: 'Use an http(s) URL.' });
    form.idp = { ...emptyIdp('fields'), ssoUrl: 'https://x/sso', certificate: 'x', certificateProblem: 'This is a private key, not a certificate.' };
    expect(createSamlBody(form).issues.slice(2)).toEqual([
      { name: 'idp_entity_id', message: expect.stringMatching(/entity ID/) },
      { name: 'idp_certificate', message: 'This is a private key, not a certificate.' },
    ]);
  });

  it('takes a PEM file as text and a DER file as base64', () => {
    expect(certificateFromFile({ text: '-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n', base64: 'LS0t' })).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(certificateFromFile({ text: '0\u0082\u0003', base64: 'MIIDTT' })).toBe('MIIDTT');
  });
});

describe('edit body and preview', () => {
  it('sends only what changed, and previews it', () => {
    const before = editFormOf(connection);
    const form = editFormOf(connection);
    expect(updateSamlBody(before, form).body).toEqual({});
    form.flags.active = true;
    form.flags.allow_idp_initiated = true;
    form.mapping.first_name = 'givenName';
    form.organizationId = 'org_123';
    const { body, issues } = updateSamlBody(before, form);
    expect(issues).toEqual([]);
    expect(body).toEqual({ active: true, allow_idp_initiated: true, attribute_mapping: { first_name: 'givenName' }, organization_id: 'org_123' });
    const rows = samlEditPreview(before, connection, body, form.idp);
    expect(rows).toEqual([
      { field: 'Active', before: 'Off', after: 'On' },
      { field: 'Allow IdP-initiated sign-in', before: 'Off', after: 'On' },
      { field: 'Attribute for first name', before: '(Clerk’s default)', after: 'givenName' },
      { field: 'Organization', before: '(none)', after: 'org_123' },
    ]);
  });

  it('a custom login hint needs its key; a new certificate is sent and previewed by its subject', () => {
    const before = editFormOf(connection);
    const form = editFormOf(connection);
    form.loginHintMode = 'custom_attribute';
    expect(updateSamlBody(before, form).issues).toEqual([{ name: 'login_hint', message: expect.stringMatching(/metadata key/) }]);
    form.loginHintSource = 'idp_hint';
    form.idp = { ...form.idp, mode: 'fields', certificate: 'PEM', certificateSummary: { subject: 'CN=new', issuer: 'CN=new', validFrom: NOW, validTo: NOW + 400 * DAY, fingerprint256: 'AB', serialNumber: '2', selfSigned: true } };
    const { body } = updateSamlBody(before, form);
    expect(body).toMatchObject({ login_hint: { mode: 'custom_attribute', source: 'idp_hint' }, idp_certificate: 'PEM', idp_entity_id: 'urn:acme' });
    const cert = samlEditPreview(before, connection, body, form.idp).find((row) => row.field === 'IdP certificate');
    expect(cert).toMatchObject({ before: 'The current certificate', after: expect.stringMatching(/^CN=new, valid to /) });
  });

  it('delete says who loses SSO and asks for the name', () => {
    const request = deleteSamlConnectionRequest(connection);
    expect(request).toMatchObject({ destructive: true, confirmPhrase: 'Acme', actionLabel: 'Delete connection' });
    expect(request.consequence).toContain('The 2 users who sign in through it can no longer use SSO from acme.test');
    expect(deleteSamlConnectionRequest({ ...connection, user_count: 0 }).consequence).toContain('No user signs in through it yet');
  });
});
