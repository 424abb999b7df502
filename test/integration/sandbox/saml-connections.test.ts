/**
 * SAML connections on a real Sandbox: SP URLs it generates and serves, IdP settings from metadata
 * XML, from a metadata URL (a local server), or from manual fields; activation rules; domain
 * conflicts; filters; and the 402 of a plan without SAML.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdpMetadata, readCertificate } from '../../../electron/services/sandbox/saml/idp-metadata';
import { OKTA_IDP_CERTIFICATE } from '../../../electron/services/sandbox/seed/idp-certificates';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let metadataServer: Server;
let metadataUrl: string;
const cert = readCertificate(OKTA_IDP_CERTIFICATE);
const xml = buildIdpMetadata('https://idp.example.test/entity', 'https://idp.example.test/sso', cert.base64);

beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 30 });
  metadataServer = createServer((req, res) => {
    if (req.url === '/metadata.xml') res.writeHead(200, { 'Content-Type': 'application/xml' }).end(xml);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => metadataServer.listen(0, '127.0.0.1', resolve));
  metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/metadata.xml`;
});
afterAll(async () => {
  metadataServer.close();
  await t.cleanup();
});

const create = (body: Record<string, unknown>) => t.api('POST', '/saml_connections', { body });

describe('SAML connections', () => {
  it('generates SP URLs on the Sandbox and serves the SP metadata', async () => {
    const conn = expectOk('POST', '/saml_connections', await create({ name: 'SP Test', provider: 'saml_custom', domain: 'sp.test' }));
    expect(conn).toMatchObject({ domains: ['sp.test'], domain: 'sp.test', active: false, idp_entity_id: null });
    const origin = t.sandbox.baseUrl.replace(/\/v1$/, '');
    expect(conn.acs_url).toBe(`${origin}/v1/saml/acs/${conn.id}`);
    expect(conn.sp_entity_id).toBe(`${origin}/saml/${conn.id}`);
    const metadata = await fetch(conn.sp_metadata_url);
    expect(metadata.status).toBe(200);
    const text = await metadata.text();
    expect(text).toContain(`entityID="${conn.sp_entity_id}"`);
    expect(text).toContain(`Location="${conn.acs_url}"`);
  });

  it('takes IdP settings from metadata XML, including certificate dates', async () => {
    const conn = expectOk('POST', '/saml_connections', await create({ name: 'From XML', provider: 'saml_okta', domains: ['xml.test'], idp_metadata: xml }));
    expect(conn).toMatchObject({
      idp_entity_id: 'https://idp.example.test/entity',
      idp_sso_url: 'https://idp.example.test/sso',
      idp_certificate: cert.base64,
      idp_certificate_issued_at: cert.issuedAt,
      idp_certificate_expires_at: cert.expiresAt,
    });
    expect(expectOk('PATCH', '/saml_connections/{saml_connection_id}', await t.api('PATCH', `/saml_connections/${conn.id}`, { body: { active: true } })).active).toBe(true);
    expectError('POST', '/saml_connections', await create({ name: 'Bad XML', provider: 'saml_okta', domain: 'badxml.test', idp_metadata: '<html/>' }), 422, 'saml_failed_to_parse_idp_metadata');
  });

  it('fetches IdP metadata from a metadata URL (loopback only, the Sandbox stays offline)', async () => {
    const conn = expectOk('POST', '/saml_connections', await create({ name: 'From URL', provider: 'saml_google', domain: 'url.test', idp_metadata_url: metadataUrl }));
    expect(conn).toMatchObject({ idp_metadata_url: metadataUrl, idp_entity_id: 'https://idp.example.test/entity', idp_certificate: cert.base64 });
    const missing = await create({ name: 'Missing', provider: 'saml_google', domain: 'missing.test', idp_metadata_url: metadataUrl.replace('metadata.xml', 'nope.xml') });
    expect(expectError('POST', '/saml_connections', missing, 400, 'saml_failed_to_fetch_idp_metadata').long_message).toContain('404');
    const remote = await create({ name: 'Remote', provider: 'saml_google', domain: 'remote.test', idp_metadata_url: 'https://idp.example.com/metadata' });
    expect(expectError('POST', '/saml_connections', remote, 400, 'saml_failed_to_fetch_idp_metadata').long_message).toContain('offline');
  });

  it('takes manual IdP fields, validates the certificate, and activates only when complete', async () => {
    const conn = expectOk('POST', '/saml_connections', await create({ name: 'Manual', provider: 'saml_microsoft', domain: 'manual.test', idp_entity_id: 'urn:manual' }));
    expectError('PATCH', '/saml_connections/{saml_connection_id}', await t.api('PATCH', `/saml_connections/${conn.id}`, { body: { active: true } }), 422, 'saml_connection_cant_be_activated');
    expectError('PATCH', '/saml_connections/{saml_connection_id}', await t.api('PATCH', `/saml_connections/${conn.id}`, { body: { idp_certificate: 'garbage' } }), 422, 'form_param_format_invalid');
    const done = expectOk('PATCH', '/saml_connections/{saml_connection_id}', await t.api('PATCH', `/saml_connections/${conn.id}`, {
      body: { idp_sso_url: 'https://login.manual.test/saml', idp_certificate: OKTA_IDP_CERTIFICATE, active: true, attribute_mapping: { email_address: 'mail' }, login_hint: { mode: 'off' } },
    }));
    expect(done).toMatchObject({ active: true, authenticatable: true, attribute_mapping: { email_address: 'mail' }, login_hint: { mode: 'off' } });
  });

  it('rejects a domain another connection uses (409) and unknown organizations (404)', async () => {
    await create({ name: 'Owner', provider: 'saml_custom', domain: 'owned.test' });
    expectError('POST', '/saml_connections', await create({ name: 'Thief', provider: 'saml_custom', domains: ['other.test', 'OWNED.test'] }), 409, 'duplicate_record');
    expectError('POST', '/saml_connections', await create({ name: 'No domain', provider: 'saml_custom' }), 422, 'form_param_missing');
    expectError('POST', '/saml_connections', await create({ name: 'Org', provider: 'saml_custom', domain: 'org.test', organization_id: 'org_2aaaaaaaaaaaaaaaaaaaaaaaaaa' }), 404, 'resource_not_found');
  });

  it('lists with {data,total_count}, name query and organization filter', async () => {
    const all = expectOk('GET', '/saml_connections', await t.api('GET', '/saml_connections', { query: { limit: 100 } }));
    expect(all.total_count).toBe(all.data.length);
    const acme = all.data.find((c: any) => c.name === 'Acme Okta');
    expect((await t.api('GET', '/saml_connections', { query: { query: 'acme' } })).body.data.map((c: any) => c.id)).toEqual([acme.id]);
    expect((await t.api('GET', '/saml_connections', { query: { organization_id: acme.organization_id } })).body.total_count).toBe(1);
    expect((await t.api('GET', '/saml_connections', { query: { organization_id: `-${acme.organization_id}` } })).body.total_count).toBe(all.total_count - 1);
  });

  it('answers 402 on every SAML endpoint when the plan setting is free', async () => {
    t.sandbox.setSettings({ plan: 'free' });
    try {
      const id = 'samlc_2aaaaaaaaaaaaaaaaaaaaaaaaaa';
      const calls: [string, string, string, unknown?][] = [
        ['GET', '/saml_connections', '/saml_connections'],
        ['POST', '/saml_connections', '/saml_connections', { name: 'x', provider: 'saml_custom', domain: 'x.test' }],
        ['GET', '/saml_connections/{saml_connection_id}', `/saml_connections/${id}`],
        ['PATCH', '/saml_connections/{saml_connection_id}', `/saml_connections/${id}`, {}],
        ['DELETE', '/saml_connections/{saml_connection_id}', `/saml_connections/${id}`],
      ];
      for (const [method, template, path, body] of calls) expectError(method, template, await t.api(method, path, { body }), 402, 'payment_required');
    } finally {
      t.sandbox.setSettings({ plan: 'pro' });
    }
  });
});
