/**
 * The samlConnections:* channels in main, end to end: the app's services against a real Sandbox over
 * HTTP. Pages with Clerk's totals and each row's certificate read in main; creates from metadata XML
 * and from the individual fields with a DER certificate; a text that is not a certificate refused on
 * its field with nothing sent; every change audited against the connection with before/after
 * state; the channel schemas refusing bad input on its field; and the 402 of a free plan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeletedObject } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult, IpcEnvelope, IpcError, ProfileView } from '../../../shared/ipc';
import type { CertificateSummary, SamlConnectionPage, SamlConnectionRecord } from '../../../shared/ipc/channels/saml-connections';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { idpMetadataXml, makeCertificate } from '../../support/saml/make-certificate';

const DAY = 86_400_000;
let dir: string;
let services: AppServices;
let profileId: string;

async function call<T>(channel: string, input: Record<string, unknown>): Promise<IpcEnvelope<T>> {
  return (await services.dispatch(channel, { profileId, ...input })) as IpcEnvelope<T>;
}
async function value<T>(channel: string, input: Record<string, unknown>): Promise<T> {
  const envelope = await call<T>(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}
async function failure(channel: string, input: Record<string, unknown>): Promise<IpcError> {
  const envelope = await call(channel, input);
  if (envelope.ok) throw new Error(`${channel} succeeded`);
  return envelope.error;
}
async function audited(action: string, targetId: string): Promise<AuditChangeDetail> {
  const page = (await services.dispatch('audit:list', { filter: { action, targetId } })) as IpcEnvelope<AuditListResult>;
  if (!page.ok || !page.value.rows.length) throw new Error(`no ${action} record for ${targetId}`);
  const detail = (await services.dispatch('audit:get', { seq: page.value.rows[0].seq })) as IpcEnvelope<AuditChangeDetail>;
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value;
}
const total = async () => (await value<SamlConnectionPage>('samlConnections:list', { limit: 1 })).totalCount;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saml-channels-'));
  services = await createAppServices({ userDataDir: dir, secrets: new MemorySecretStore(), appVersion: '1.0.0-test' });
  const envelope = (await services.dispatch('profiles:active', undefined)) as IpcEnvelope<ProfileView | null>;
  profileId = envelope.ok ? envelope.value!.id : '';
});
afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('samlConnections channels', () => {
  it('list the seeded connections as pages with the total, each certificate read in main', async () => {
    const page = await value<SamlConnectionPage>('samlConnections:list', { orderBy: '+name', limit: 2 });
    expect(page.totalCount).toBe(3);
    expect(page.data.map((row) => row.connection.name)).toEqual(['Acme Okta', 'Globex Google Workspace']);
    const acme = page.data[0];
    expect(acme.certificate).toMatchObject({ subject: 'CN=idp.okta.sandbox.test, O=Sandbox IdP', selfSigned: true });
    expect(acme.certificate!.validTo).toBe(acme.connection.idp_certificate_expires_at);
    const rest = await value<SamlConnectionPage>('samlConnections:list', { orderBy: '+name', limit: 2, offset: 2 });
    expect(rest.data.map((row) => [row.connection.name, row.certificate])).toEqual([['Initech Entra ID (draft)', null]]);
    expect((await value<SamlConnectionPage>('samlConnections:list', { query: 'globex' })).data).toHaveLength(1);
  });

  it('creates from metadata XML (the certificate expiring in 10 days) and audits it against the new connection', async () => {
    const cert = makeCertificate('idp.xml.test', 10);
    const xml = idpMetadataXml('https://idp.xml.test/entity', 'https://idp.xml.test/sso', cert.base64);
    const created = await value<SamlConnectionRecord>('samlConnections:create', {
      body: { name: 'XML IdP', domains: ['xml-idp.test'], provider: 'saml_okta', idp_metadata: xml, attribute_mapping: { email_address: 'mail' } },
    });
    expect(created.connection).toMatchObject({ idp_entity_id: 'https://idp.xml.test/entity', idp_sso_url: 'https://idp.xml.test/sso', attribute_mapping: { email_address: 'mail' } });
    expect(created.certificate!.subject).toBe('CN=idp.xml.test, O=Test IdP');
    expect(created.certificate!.validTo - Date.now()).toBeLessThan(11 * DAY);
    expect(created.certificate!.validTo - Date.now()).toBeGreaterThan(9 * DAY);
    // A create names no id before it is sent: the record's target is the new connection, from the answer.
    const record = await audited('saml_connections.create', '');
    expect(record).toMatchObject({ target: { type: 'saml_connection', id: created.connection.id }, response: { id: created.connection.id } });
  });

  it('creates from the fields with a DER certificate (as a .crt holds it), and reads a certificate without calling Clerk', async () => {
    const cert = makeCertificate('idp.der.test', 400);
    const summary = await value<CertificateSummary>('samlConnections:inspectCertificate', { certificate: cert.der.toString('base64') });
    expect(summary.subject).toBe('CN=idp.der.test, O=Test IdP');
    const created = await value<SamlConnectionRecord>('samlConnections:create', {
      body: { name: 'Fields IdP', domains: ['fields.test'], provider: 'saml_custom', idp_entity_id: 'urn:fields', idp_sso_url: 'https://fields.test/sso', idp_certificate: cert.pem },
    });
    expect(created.connection.idp_certificate).toBe(cert.base64);
    expect(created.certificate!.fingerprint256).toBe(summary.fingerprint256);
  });

  it('refuses what is not a certificate on its field, with nothing sent', async () => {
    const before = await total();
    const error = await failure('samlConnections:create', {
      body: { name: 'Bad cert', domains: ['bad-cert.test'], provider: 'saml_custom', idp_certificate: 'this is not a certificate' },
    });
    expect(error).toMatchObject({ kind: 'validation', paramName: 'idp_certificate' });
    expect(error.message).toMatch(/not (a|an X\.509) certificate/);
    expect(await total()).toBe(before);
    const key = await failure('samlConnections:inspectCertificate', { certificate: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----' });
    expect(key.message).toMatch(/private key/);
    // Valid base64 that is not DER.
    expect((await failure('samlConnections:inspectCertificate', { certificate: 'aGVsbG8gd29ybGQ=' })).message).toMatch(/not an X\.509 certificate/);
  });

  it('the schemas refuse bad input on its field', async () => {
    const domain = await failure('samlConnections:create', { body: { name: 'X', domains: ['https://x.test/'], provider: 'saml_custom' } });
    expect(domain.kind).toBe('validation');
    expect(domain.fields?.[0]).toMatchObject({ field: 'body.domains.0' });
    const provider = await failure('samlConnections:create', { body: { name: 'X', domains: ['x.test'], provider: 'saml_other' } });
    expect(provider.fields?.[0].field).toBe('body.provider');
    const url = await failure('samlConnections:create', { body: { name: 'X', domains: ['x.test'], provider: 'saml_custom', idp_sso_url: 'javascript:alert(1)' } });
    expect(url.fields?.[0].field).toBe('body.idp_sso_url');
    const empty = await failure('samlConnections:update', { samlConnectionId: 'samlc_abc', body: {} });
    expect(empty.message).toMatch(/Nothing changed/);
  });

  it('updates with before/after state in the audit log, keeps Clerk errors on their field, deletes', async () => {
    const cert = makeCertificate('idp.edit.test', 200);
    const created = await value<SamlConnectionRecord>('samlConnections:create', { body: { name: 'Edit me', domains: ['edit.test'], provider: 'saml_google' } });
    const id = created.connection.id;
    // Clerk refuses to activate without the IdP's settings: its error names the field.
    const refused = await failure('samlConnections:update', { samlConnectionId: id, body: { active: true } });
    expect(refused).toMatchObject({ kind: 'clerk', status: 422, code: 'saml_connection_cant_be_activated' });
    expect(refused.errors?.[0].paramName).toBe('active');
    const updated = await value<SamlConnectionRecord>('samlConnections:update', {
      samlConnectionId: id,
      body: { idp_entity_id: 'urn:edit', idp_sso_url: 'https://edit.test/sso', idp_certificate: cert.pem, active: true, allow_subdomains: true, allow_idp_initiated: true },
    });
    expect(updated.connection).toMatchObject({ active: true, allow_subdomains: true, allow_idp_initiated: true });
    expect(updated.certificate!.subject).toContain('idp.edit.test');
    const record = await audited('saml_connections.update', id);
    expect((record.before as { active: boolean }).active).toBe(false);
    expect((record.after as { active: boolean }).active).toBe(true);

    const deleted = await value<DeletedObject>('samlConnections:delete', { samlConnectionId: id });
    expect(deleted).toMatchObject({ id, deleted: true });
    expect((await audited('saml_connections.delete', id)).before).toMatchObject({ id, name: 'Edit me' });
    expect(await failure('samlConnections:get', { samlConnectionId: id })).toMatchObject({ status: 404 });
  });

  it('a free plan answers 402', async () => {
    services.sandbox!.setSettings({ plan: 'free' });
    try {
      const error = await failure('samlConnections:list', {});
      expect(error).toMatchObject({ kind: 'clerk', status: 402, code: 'payment_required' });
    } finally {
      services.sandbox!.setSettings({ plan: 'pro' });
    }
  });
});
