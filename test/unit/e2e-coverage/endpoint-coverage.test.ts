/**
 * The e2e coverage check's parts: the vendored seed list, the route matcher, the required set, the
 * fetch recorder's through-the-UI marker, and the verdict over a log.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageOf, coverageReport, readRequestLog, type LoggedRequest } from '../../e2e/endpoint-coverage/request-log';
import { REQUIRED_PREFIXES, isUnder, requiredEndpoints } from '../../e2e/endpoint-coverage/required-endpoints';
import { apiPath, endpointKey, matchRoute, parseEndpointList, seedEndpoints } from '../../e2e/endpoint-coverage/seed-routes';
import { recordingFetch, viaPage } from '../../e2e/harness/request-recorder';

describe('the vendored seed endpoint list', () => {
  it('has the seed’s 50 endpoints, each once', () => {
    const keys = seedEndpoints().map(endpointKey);
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    expect(keys).toContain('POST /sign_in_tokens/{sign_in_token_id}/revoke');
  });

  it('refuses a line that is not METHOD /path', () => {
    expect(() => parseEndpointList('# a note\n\nGET /users\nFETCH /users\n')).toThrow(/:4: not a "METHOD \/path" line/);
  });
});

describe('matching a request path to its route template', () => {
  it('fills params from any non-empty segment and keeps the method apart', () => {
    expect(matchRoute('POST', '/users/user_2x/ban')).toBe('/users/{user_id}/ban');
    expect(matchRoute('get', '/users/user_2x/oauth_access_tokens/oauth_google')).toBe('/users/{user_id}/oauth_access_tokens/{provider}');
    expect(matchRoute('POST', '/sign_in_tokens/sit_1/revoke')).toBe('/sign_in_tokens/{sign_in_token_id}/revoke');
    expect(matchRoute('PUT', '/users/user_2x/ban')).toBeNull();
    expect(matchRoute('GET', '/users//')).toBeNull();
  });

  it('prefers a literal segment to a param (`/users/count` is no user id)', () => {
    expect(matchRoute('GET', '/users/count')).toBe('/users/count');
    expect(matchRoute('GET', '/users/user_count')).toBe('/users/{user_id}');
    const endpoints = parseEndpointList('GET /a/{x}/c\nGET /a/b/{y}\n');
    expect(matchRoute('GET', '/a/b/c', endpoints)).toBe('/a/b/{y}');
  });

  it('names nothing the seed does not have (the Sandbox’s own pages and admin routes)', () => {
    expect(matchRoute('GET', '/tickets/accept')).toBeNull();
    expect(matchRoute('GET', '/__sandbox/sign_ups')).toBeNull();
    expect(apiPath('/v1/users/count')).toBe('/users/count');
    expect(apiPath('/v1')).toBe('/');
    expect(apiPath('/v10/users')).toBe('/v10/users');
  });
});

describe('the required endpoints', () => {
  it('are every seed endpoint since issue 12 (issue 9 users, phone numbers, sign-in tokens; issue 11 organizations)', () => {
    expect(REQUIRED_PREFIXES.map((entry) => entry.prefix)).toEqual(['/users', '/phone_numbers', '/sign_in_tokens', '/organizations', '*']);
    const required = requiredEndpoints().map(endpointKey);
    expect(required).toHaveLength(50);
    expect(required).toContain('POST /sessions/{session_id}/tokens/{template_name}');
    expect(required).toContain('POST /proxy_checks');
    // Without issue 12's ALL the earlier prefixes make 35: 16 users, 4 phone number, 2 sign-in token and 13 organization endpoints.
    expect(requiredEndpoints(['/users', '/phone_numbers', '/sign_in_tokens', '/organizations'])).toHaveLength(35);
    expect(required).toContain('GET /users/count');
    expect(required).toContain('DELETE /phone_numbers/{phone_number_id}');
    // Issue 11: organizations, their logo and metadata, and memberships with their metadata.
    const organizations = requiredEndpoints(['/organizations']).map(endpointKey);
    expect(organizations).toEqual(
      expect.arrayContaining([
        'GET /organizations',
        'POST /organizations',
        'GET /organizations/{organization_id}',
        'PATCH /organizations/{organization_id}',
        'DELETE /organizations/{organization_id}',
        'PUT /organizations/{organization_id}/logo',
        'DELETE /organizations/{organization_id}/logo',
        'PATCH /organizations/{organization_id}/metadata',
        'GET /organizations/{organization_id}/memberships',
        'POST /organizations/{organization_id}/memberships',
        'PATCH /organizations/{organization_id}/memberships/{user_id}',
        'DELETE /organizations/{organization_id}/memberships/{user_id}',
        'PATCH /organizations/{organization_id}/memberships/{user_id}/metadata',
      ]),
    );
    expect(organizations).toHaveLength(13);
    expect(required).toEqual(expect.arrayContaining(organizations));
    expect(required).toContain('GET /sessions');
    expect(required).toContain('GET /saml_connections');
  });

  it('take a prefix as a whole segment, and ALL as every endpoint (issue 12)', () => {
    expect(isUnder('/users_extra', '/users')).toBe(false);
    expect(requiredEndpoints(['*'])).toHaveLength(50);
  });
});

describe('the verdict over a log', () => {
  const required = parseEndpointList('GET /users\nPOST /sign_in_tokens\nPOST /sign_in_tokens/{sign_in_token_id}/revoke\n');
  const request = (overrides: Partial<LoggedRequest>): LoggedRequest => ({ method: 'GET', route: '/users', path: '/users', status: 200, throughUi: true, test: 't1', ...overrides });

  it('counts only 2xx answers to requests that came through the UI', () => {
    const coverage = coverageOf(
      [
        request({}),
        request({ test: 't0' }),
        request({ method: 'POST', route: '/sign_in_tokens', path: '/sign_in_tokens', throughUi: false }),
        request({ method: 'POST', route: '/sign_in_tokens/{sign_in_token_id}/revoke', path: '/sign_in_tokens/sit_1/revoke', status: 400 }),
        request({ method: 'POST', route: null, path: '/elsewhere' }),
      ],
      required,
    );
    expect(coverage).toEqual([
      { endpoint: 'GET /users', tests: ['t0', 't1'] },
      { endpoint: 'POST /sign_in_tokens', tests: [] },
      { endpoint: 'POST /sign_in_tokens/{sign_in_token_id}/revoke', tests: [] },
    ]);
    const report = coverageReport(coverage, 'log.ndjson');
    expect(report.missing).toEqual(['POST /sign_in_tokens', 'POST /sign_in_tokens/{sign_in_token_id}/revoke']);
    expect(report.text).toContain('1 of 3 required');
    expect(report.text).toContain('MISSING  POST /sign_in_tokens');
  });
});

describe('the recording fetch', () => {
  let server: Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url?.includes('missing') ? 404 : 200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    dir = mkdtempSync(join(tmpdir(), 'e2e-request-log-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs each request with its route, status and whether it came through the page', async () => {
    const file = join(dir, 'requests.ndjson');
    process.env.E2E_REQUEST_LOG = file;
    try {
      const logged = recordingFetch('spec › a test');
      await logged(`${base}/users/count?limit=1`);
      await viaPage(async () => {
        // Through awaits and a timer, as the client pipeline's rate budget and retries do.
        await new Promise((resolve) => setTimeout(resolve, 5));
        await logged(new URL(`${base}/sign_in_tokens`), { method: 'POST', body: '{}' });
        await logged(`${base}/phone_numbers/missing`, { method: 'delete' });
      });
      await expect(viaPage(() => logged('http://127.0.0.1:1/v1/users'))).rejects.toThrow();
    } finally {
      delete process.env.E2E_REQUEST_LOG;
    }
    expect(readRequestLog(file)).toEqual([
      { method: 'GET', route: '/users/count', path: '/users/count', throughUi: false, test: 'spec › a test', status: 200 },
      { method: 'POST', route: '/sign_in_tokens', path: '/sign_in_tokens', throughUi: true, test: 'spec › a test', status: 200 },
      { method: 'DELETE', route: '/phone_numbers/{phone_number_id}', path: '/phone_numbers/missing', throughUi: true, test: 'spec › a test', status: 404 },
      { method: 'GET', route: '/users', path: '/users', throughUi: true, test: 'spec › a test', status: null },
    ]);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(5);
  });

  it('is the plain fetch when the log is off', () => {
    delete process.env.E2E_REQUEST_LOG;
    expect(recordingFetch('t', globalThis.fetch)).toBe(globalThis.fetch);
  });
});
