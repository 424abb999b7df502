/**
 * A real self-signed IdP certificate made with openssl for tests that need one expiring soon (the
 * seeded ones are valid for ten years): PEM, the DER bytes (how a `.crt` may hold it) and IdP
 * metadata XML around it, as an IdP's console would export them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A generated certificate. */
export interface TestCertificate {
  pem: string;
  der: Buffer;
  /** Bare base64 DER (how Clerk returns `idp_certificate`). */
  base64: string;
}

/** A self-signed certificate for `commonName`, valid from now for `days` days. */
export function makeCertificate(commonName: string, days: number): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'saml-cert-'));
  try {
    const [key, pem] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', pem, '-days', String(days), '-subj', `/CN=${commonName}/O=Test IdP`], {
      stdio: 'ignore',
    });
    const text = readFileSync(pem, 'utf8');
    const base64 = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
    return { pem: text, der: Buffer.from(base64, 'base64'), base64 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** IdP metadata XML (an EntityDescriptor with an IDPSSODescriptor) for an entity id, SSO URL and certificate. */
export function idpMetadataXml(entityId: string, ssoUrl: string, base64Certificate: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}
