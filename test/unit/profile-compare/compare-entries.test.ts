/** The matching and classification of two profiles' lists (shared/profile-compare/compare-entries.ts). */
import { describe, expect, it } from 'vitest';
import type { RedirectURL, SAMLConnection } from '../../../shared/clerk';
import { compareCounts, compareEntries, fieldText, samlConnectionKey } from '../../../shared/profile-compare/compare-entries';

const url = (id: string, value: string, at = 1): RedirectURL => ({ object: 'redirect_url', id, url: value, created_at: at, updated_at: at });

function saml(overrides: Partial<SAMLConnection>): SAMLConnection {
  return {
    object: 'saml_connection',
    id: 'samlc_1',
    name: 'Acme Okta',
    domains: ['acme.test'],
    idp_entity_id: 'https://acme.okta.test/entity',
    idp_sso_url: 'https://acme.okta.test/sso',
    idp_certificate: 'MIIBcert',
    idp_certificate_issued_at: 1,
    idp_certificate_expires_at: 2,
    idp_metadata_url: null,
    idp_metadata: null,
    acs_url: 'https://a.example/acs',
    sp_entity_id: 'https://a.example/sp',
    sp_metadata_url: 'https://a.example/meta',
    organization_id: 'org_a',
    attribute_mapping: { user_id: 'uid', email_address: 'mail', first_name: 'given', last_name: 'sn' },
    active: true,
    provider: 'saml_okta',
    user_count: 12,
    sync_user_attributes: true,
    allow_subdomains: false,
    allow_idp_initiated: false,
    disable_additional_identifications: false,
    allow_organization_account_linking: false,
    force_authn: false,
    login_hint: { mode: 'email_address' },
    created_at: 1,
    updated_at: 1,
    ...overrides,
  } as SAMLConnection;
}

describe('compareEntries', () => {
  it('matches redirect URLs by url, never by id or time, and orders only-in-A, only-in-B, equal', () => {
    const rows = compareEntries(
      'redirect_urls',
      [url('ru_a1', 'https://app.test/cb', 1), url('ru_a2', 'https://only-a.test/cb')],
      [url('ru_b1', 'https://app.test/cb', 99), url('ru_b2', 'myapp://only-b')],
    );
    expect(rows.map((row) => [row.key, row.status])).toEqual([
      ['https://only-a.test/cb', 'only_a'],
      ['myapp://only-b', 'only_b'],
      ['https://app.test/cb', 'equal'],
    ]);
    expect(rows[2]).toMatchObject({ a: { id: 'ru_a1' }, b: { id: 'ru_b1' }, differences: [] });
    expect(compareCounts(rows)).toEqual({ only_a: 1, only_b: 1, equal: 1, different: 0 });
  });

  it('matches SAML connections by domain (case-insensitive), ignoring ids, timestamps, the SP side, organization and user count', () => {
    const a = saml({});
    const b = saml({ id: 'samlc_2', domains: ['ACME.test'], acs_url: 'x', sp_entity_id: 'y', sp_metadata_url: 'z', organization_id: 'org_b', user_count: 0, created_at: 5, updated_at: 9, idp_certificate_expires_at: 7 });
    const [row] = compareEntries('saml_connections', [a], [b]);
    expect(row).toMatchObject({ key: 'acme.test', status: 'equal', differences: [] });
  });

  it('lists each differing field with both values: name, flag, certificate (whitespace ignored), mapping', () => {
    const a = saml({});
    const b = saml({ id: 'samlc_2', name: 'Acme Okta (prod)', allow_subdomains: true, idp_certificate: 'MIIB\ncert', attribute_mapping: { user_id: 'uid', email_address: 'email', first_name: 'given', last_name: 'sn' } });
    const [row] = compareEntries('saml_connections', [a], [b]);
    expect(row.status).toBe('different');
    expect(row.differences).toEqual([
      { field: 'name', label: 'Name', a: 'Acme Okta', b: 'Acme Okta (prod)' },
      { field: 'attribute_mapping', label: 'Attribute mapping', a: 'email_address: mail; first_name: given; last_name: sn; user_id: uid', b: 'email_address: email; first_name: given; last_name: sn; user_id: uid' },
      { field: 'allow_subdomains', label: 'Allow subdomains', a: 'no', b: 'yes' },
    ]);
  });

  it('keys a connection without a domain by its name; of several domains by the first alphabetically, whatever their order', () => {
    expect(samlConnectionKey({ name: ' Draft ', domains: [] })).toBe('name:draft');
    expect(samlConnectionKey({ name: 'x', domain: 'Old.test' })).toBe('old.test');
    const rows = compareEntries('saml_connections', [saml({ domains: ['b.test', 'acme.test'] })], [saml({ id: 'samlc_2', domains: ['acme.test', 'b.test'] })]);
    expect(rows.map((row) => [row.key, row.status])).toEqual([['acme.test', 'equal']]);
    expect(rows[0]!.a!.label).toBe('Acme Okta (acme.test)');
  });

  it('shortens long values (certificates, XML) and shows unset as empty', () => {
    const long = 'A'.repeat(500);
    const [row] = compareEntries('saml_connections', [saml({ idp_metadata: long })], [saml({ id: 'samlc_2' })]);
    expect(row.differences[0]).toMatchObject({ field: 'idp_metadata', b: '' });
    expect(row.differences[0]!.a).toContain('(500 characters)');
    expect(row.differences[0]!.a.length).toBeLessThan(140);
    expect(fieldText(null)).toBe('');
  });
});
