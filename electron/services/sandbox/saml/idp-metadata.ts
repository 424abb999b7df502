/**
 * Reading IdP settings: from SAML metadata XML (entity ID, SSO URL, signing certificate) and
 * from an X.509 certificate (its validity dates). A tolerant extractor rather than a full XML
 * parser: it reads the three elements Clerk takes from the metadata, with any namespace prefix.
 */
import { X509Certificate } from 'node:crypto';

/** IdP settings found in metadata. */
export interface IdpSettings {
  entityId: string;
  ssoUrl: string | null;
  certificate: string | null;
}

/** Metadata that could not be read. */
export class IdpMetadataError extends Error {
  override name = 'IdpMetadataError';
}

function decodeXmlEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Extracts entity ID, SSO URL (HTTP-Redirect binding preferred) and signing certificate. */
export function parseIdpMetadata(xml: string): IdpSettings {
  const descriptor = /<(?:[\w-]+:)?EntityDescriptor\b[^>]*?\bentityID\s*=\s*["']([^"']+)["']/.exec(xml);
  if (!descriptor) throw new IdpMetadataError('no EntityDescriptor with an entityID attribute');
  if (!/<(?:[\w-]+:)?IDPSSODescriptor\b/.test(xml)) throw new IdpMetadataError('no IDPSSODescriptor (this is not IdP metadata)');
  const services = [...xml.matchAll(/<(?:[\w-]+:)?SingleSignOnService\b([^>]*)>/g)].map((m) => m[1]);
  const attr = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(attrs)?.[1];
  const preferred = services.find((a) => attr(a, 'Binding')?.endsWith('HTTP-Redirect')) ?? services[0];
  const signingBlock = /<(?:[\w-]+:)?KeyDescriptor\b(?![^>]*use\s*=\s*["']encryption["'])[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?KeyDescriptor>/.exec(xml);
  const cert = /<(?:[\w-]+:)?X509Certificate>([\s\S]*?)<\/(?:[\w-]+:)?X509Certificate>/.exec(signingBlock?.[1] ?? xml);
  return {
    entityId: decodeXmlEntities(descriptor[1]),
    ssoUrl: preferred ? (attr(preferred, 'Location') ?? null) : null,
    certificate: cert ? cert[1].replace(/\s+/g, '') : null,
  };
}

/** Validity of a certificate. */
export interface CertificateInfo {
  /** Base64 DER (how Clerk returns `idp_certificate`). */
  base64: string;
  issuedAt: number;
  expiresAt: number;
}

/** Reads a certificate given as PEM or bare base64 DER; throws on anything else. */
export function readCertificate(input: string): CertificateInfo {
  const base64 = input
    .replace(/-----BEGIN CERTIFICATE-----/, '')
    .replace(/-----END CERTIFICATE-----/, '')
    .replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new IdpMetadataError('the certificate is not PEM or base64');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(base64, 'base64'));
  } catch {
    throw new IdpMetadataError('the certificate is not a valid X.509 certificate');
  }
  return { base64, issuedAt: Date.parse(cert.validFrom), expiresAt: Date.parse(cert.validTo) };
}

/** IdP metadata XML for an entity ID, SSO URL and certificate (used by the seed and tests). */
export function buildIdpMetadata(entityId: string, ssoUrl: string, certificateBase64: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ssoUrl}"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}
