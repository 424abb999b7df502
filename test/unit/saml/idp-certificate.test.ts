/**
 * The IdP certificate reader in main (crypto.X509Certificate): PEM and bare base64 DER read to the
 * same subject, issuer, validity and fingerprint; anything else is refused with why (a private key,
 * another PEM block, text, base64 that is not DER), as a field error that names the field.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { checkIdpCertificate, readIdpCertificate } from '../../../electron/services/saml-connections/idp-certificate';
import { samlConnectionRecord } from '../../../electron/services/saml-connections/saml-connection-handlers';
import { OKTA_IDP_CERTIFICATE } from '../../../electron/services/sandbox/seed/idp-certificates';
import type { SAMLConnection } from '../../../shared/clerk';

const base64 = OKTA_IDP_CERTIFICATE.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');

describe('readIdpCertificate', () => {
  it('reads PEM and base64 DER alike', () => {
    const pem = readIdpCertificate(OKTA_IDP_CERTIFICATE);
    expect(pem).toMatchObject({ subject: 'CN=idp.okta.sandbox.test, O=Sandbox IdP', issuer: 'CN=idp.okta.sandbox.test, O=Sandbox IdP', selfSigned: true });
    expect(new Date(pem.validFrom).toISOString()).toBe('2026-11-27T03:38:19.000Z');
    expect(new Date(pem.validTo).toISOString()).toBe('2036-11-24T03:38:19.000Z');
    expect(pem.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(readIdpCertificate(base64)).toEqual(pem);
    // Wrapped at any width, with the file's own whitespace.
    expect(readIdpCertificate(`\n  ${base64.replace(/(.{40})/g, '$1\r\n')}  \n`)).toEqual(pem);
  });

  it('says why a text is not a certificate', () => {
    expect(() => readIdpCertificate('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----')).toThrow(/private key, not a certificate/);
    expect(() => readIdpCertificate('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----')).toThrow(/holds a public key, not a certificate/);
    expect(() => readIdpCertificate('<xml>not base64</xml>')).toThrow(/expected PEM/);
    expect(() => readIdpCertificate('aGVsbG8gd29ybGQ=')).toThrow(/not an X\.509 certificate/);
    // A certificate cut short is no certificate.
    expect(() => readIdpCertificate(base64.slice(0, 400))).toThrow(/not an X\.509 certificate/);
  });

  it('as a field check, the problem names its field', () => {
    try {
      checkIdpCertificate('garbage!', 'idp_certificate');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldMessage('idp_certificate')).toMatch(/not a certificate/);
    }
  });

  it('a connection whose certificate cannot be read still lists, saying why', () => {
    const connection = { id: 'samlc_1', idp_certificate: 'bm90IGEgY2VydA==' } as SAMLConnection;
    expect(samlConnectionRecord(connection)).toMatchObject({ certificate: null, certificateProblem: expect.stringMatching(/not an X\.509/) });
    expect(samlConnectionRecord({ ...connection, idp_certificate: null })).toEqual({ connection: { ...connection, idp_certificate: null }, certificate: null });
  });
});
