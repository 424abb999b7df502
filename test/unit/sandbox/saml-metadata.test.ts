import { describe, expect, it } from 'vitest';
import { GOOGLE_IDP_CERTIFICATE } from '../../../electron/services/sandbox/seed/idp-certificates';
import { IdpMetadataError, buildIdpMetadata, parseIdpMetadata, readCertificate } from '../../../electron/services/sandbox/saml/idp-metadata';
import { hasCompleteIdp, newSamlConnectionDoc, serviceProviderUrls, setIdpCertificate } from '../../../electron/services/sandbox/saml/connections';

const cert = readCertificate(GOOGLE_IDP_CERTIFICATE);

describe('IdP metadata', () => {
  it('reads entity ID, SSO URL (redirect binding preferred) and the signing certificate', () => {
    const xml = buildIdpMetadata('https://idp.test/entity', 'https://idp.test/sso', cert.base64);
    expect(parseIdpMetadata(xml)).toEqual({ entityId: 'https://idp.test/entity', ssoUrl: 'https://idp.test/sso', certificate: cert.base64 });
  });

  it('works without namespace prefixes and prefers the signing key over the encryption key', () => {
    const xml = `<EntityDescriptor entityID="urn:x"><IDPSSODescriptor>
      <KeyDescriptor use="encryption"><X509Certificate>ENCRYPTION</X509Certificate></KeyDescriptor>
      <KeyDescriptor use="signing"><X509Certificate>
        SIGN ING
      </X509Certificate></KeyDescriptor>
      <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://post"/>
      <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://redirect"/>
    </IDPSSODescriptor></EntityDescriptor>`;
    expect(parseIdpMetadata(xml)).toEqual({ entityId: 'urn:x', ssoUrl: 'https://redirect', certificate: 'SIGNING' });
  });

  it('rejects XML that is not IdP metadata', () => {
    expect(() => parseIdpMetadata('<html></html>')).toThrow(IdpMetadataError);
    expect(() => parseIdpMetadata('<md:EntityDescriptor entityID="x"><md:SPSSODescriptor/></md:EntityDescriptor>')).toThrow(/IDPSSODescriptor/);
  });
});

describe('certificates and SP settings', () => {
  it('reads validity dates from PEM or base64 and rejects non-certificates', () => {
    expect(cert.expiresAt).toBeGreaterThan(cert.issuedAt);
    expect(readCertificate(cert.base64)).toEqual(cert);
    expect(() => readCertificate('not a certificate!')).toThrow(IdpMetadataError);
    expect(() => readCertificate('QUJD')).toThrow(/X.509/);
  });

  it('generates SP URLs on the Sandbox origin and knows when the IdP is complete', () => {
    const doc = newSamlConnectionDoc('http://127.0.0.1:1234', { id: 'samlc_1', name: 'X', provider: 'saml_custom', domains: ['x.test'], organizationId: null, createdAt: 1 });
    expect(serviceProviderUrls('http://127.0.0.1:1234', 'samlc_1')).toEqual({
      acs_url: 'http://127.0.0.1:1234/v1/saml/acs/samlc_1',
      sp_entity_id: 'http://127.0.0.1:1234/saml/samlc_1',
      sp_metadata_url: 'http://127.0.0.1:1234/v1/saml/metadata/samlc_1.xml',
    });
    expect(hasCompleteIdp(doc)).toBe(false);
    Object.assign(doc, { idp_entity_id: 'e', idp_sso_url: 'https://s' });
    setIdpCertificate(doc, GOOGLE_IDP_CERTIFICATE);
    expect(hasCompleteIdp(doc)).toBe(true);
    expect(doc.idp_certificate_expires_at).toBe(cert.expiresAt);
  });
});
