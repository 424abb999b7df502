/**
 * Reads an IdP's X.509 signing certificate with Node's own `crypto.X509Certificate`: subject,
 * issuer, validity and fingerprint, for the connection's tab, its list row and a certificate
 * dropped on the form. Clerk keeps `idp_certificate` as bare base64 DER; a dropped `.pem` is PEM
 * and a `.crt` either PEM or DER (the renderer sends DER as base64), so all three are accepted.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateSummary } from '../../../shared/ipc/channels/saml-connections';
import { fieldError } from '../../../shared/ipc/errors';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Why a text is not a certificate (thrown by {@link readIdpCertificate}). */
export class CertificateProblem extends Error {
  override name = 'CertificateProblem';
}

/** The DER bytes of a PEM block or bare base64; throws a {@link CertificateProblem} for anything else. */
function derOf(text: string): Buffer {
  const trimmed = text.trim();
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(trimmed)) throw new CertificateProblem('This is a private key, not a certificate. Use the IdP’s public signing certificate.');
  const block = PEM_BLOCK.exec(trimmed);
  if (!block && trimmed.startsWith('-----BEGIN')) throw new CertificateProblem(`This PEM file holds a ${/-----BEGIN ([A-Z ]+)-----/.exec(trimmed)?.[1]?.toLowerCase() ?? 'something else'}, not a certificate.`);
  const base64 = (block ? block[1] : trimmed).replace(/\s+/g, '');
  if (base64 === '' || !BASE64.test(base64)) throw new CertificateProblem('This is not a certificate: expected PEM (-----BEGIN CERTIFICATE-----) or base64.');
  return Buffer.from(base64, 'base64');
}

/** A distinguished name on one line: Node gives one attribute per line. */
const oneLine = (name: string) => name.split('\n').filter(Boolean).join(', ');

/** Reads a certificate (PEM, or base64 DER); throws a {@link CertificateProblem} saying why it is not one. */
export function readIdpCertificate(text: string): CertificateSummary {
  const der = derOf(text);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    throw new CertificateProblem('This is not an X.509 certificate: its contents could not be read.');
  }
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    validFrom: cert.validFromDate.getTime(),
    validTo: cert.validToDate.getTime(),
    fingerprint256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
    selfSigned: cert.subject === cert.issuer,
  };
}

/** {@link readIdpCertificate} for a form's field: a problem becomes a field error on `field` (nothing is sent). */
export function checkIdpCertificate(text: string, field = 'idp_certificate'): CertificateSummary {
  try {
    return readIdpCertificate(text);
  } catch (error) {
    if (error instanceof CertificateProblem) throw fieldError(field, error.message, 'form_param_format_invalid');
    throw error;
  }
}
