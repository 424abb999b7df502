/**
 * What the client does with a redirect (refuses it by name, at once) and with a 429 whose
 * Retry-After says "now" or nothing usable (waits at least the backoff), over a real socket.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClerkClient, type ClerkClientOptions } from '../../../electron/services/clerk/client';
import { INITIAL_BACKOFF_MS } from '../../../electron/services/clerk/retry';
import { clerkErrors, json, startScriptServer, type Responder, type ScriptServer, SCRIPT_KEY, scriptedClient } from './script-server';
import { rejection } from '../../support/rejection';

const KEY = SCRIPT_KEY;

let server: ScriptServer;
let other: ScriptServer;
beforeEach(async () => {
  server = await startScriptServer();
  other = await startScriptServer();
});
afterEach(async () => {
  await server.close();
  await other.close();
});

/** A client against the scripted server whose retry waits are recorded instead of slept. */
function clientFor(overrides: Partial<ClerkClientOptions> = {}) {
  return scriptedClient(server, overrides);
}

function redirect(status: number, location: string): Responder {
  return (_request, response) => {
    response.writeHead(status, { Location: location, 'Content-Type': 'text/html' });
    response.end(`<a href="${location}">moved</a>`);
  };
}

describe('redirects', () => {
  for (const status of [301, 302, 307, 308]) {
    it(`refuses a ${status} on a GET at once, naming the redirect and where it points, and never follows it`, async () => {
      const target = `${other.apiUrl}/users`;
      server.otherwise(redirect(status, target));
      other.otherwise(json(200, []));
      const { client, waits } = clientFor();
      const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
      expect(error).toMatchObject({ kind: 'network', code: 'redirected' });
      expect(error.message).toContain('The API URL redirected');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain(target);
      expect(error.message).toMatch(/check the profile's API URL/);
      expect(server.received).toHaveLength(1);
      expect(waits).toEqual([]);
      // The key never went to the redirect's target.
      expect(other.received).toHaveLength(0);
    });
  }

  it('resolves a relative Location against the request URL', async () => {
    server.script(redirect(302, '/v2/users'));
    const { client } = clientFor();
    const error = await rejection(client.request({ method: 'POST', path: '/users', route: '/users', body: {} }));
    expect(error.message).toContain(`http://127.0.0.1:${server.port}/v2/users`);
    expect(server.received).toHaveLength(1);
  });
});

describe('429 without a usable Retry-After', () => {
  for (const [label, headers] of [
    ['Retry-After: 0', { 'Retry-After': '0' }],
    ['no Retry-After', {}],
    ['an unreadable Retry-After', { 'Retry-After': 'soon' }],
  ] as const) {
    it(`waits at least the growing backoff after ${label}`, async () => {
      server.otherwise(json(429, clerkErrors('too_many_requests', 'Too many requests'), headers));
      const { client, waits } = clientFor({ random: () => 0 });
      const error = await rejection(client.request({ method: 'POST', path: '/users', route: '/users', body: {} }));
      expect(error).toMatchObject({ kind: 'clerk', status: 429 });
      expect(server.received).toHaveLength(4);
      expect(waits).toHaveLength(3);
      // The lowest jitter (random 0 → 75% of the base) still waits the growing backoff.
      expect(waits).toEqual([375, 563, 844]);
      for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(INITIAL_BACKOFF_MS * 0.75);
    });
  }

  it('keeps a longer Retry-After as it is', async () => {
    server.script(json(429, clerkErrors('too_many_requests', 'Too many requests'), { 'Retry-After': '2' }), json(200, {}));
    const { client, waits } = clientFor();
    await client.request({ method: 'POST', path: '/users', route: '/users', body: {} });
    expect(waits).toEqual([2000]);
  });

  it('spaces real attempts apart after Retry-After: 0 (server-side timestamps)', async () => {
    const times: number[] = [];
    server.otherwise((request, response) => {
      times.push(performance.now());
      json(429, clerkErrors('too_many_requests', 'Too many requests'), { 'Retry-After': '0' })(request, response);
    });
    const { client } = createClerkClientReal();
    await rejection(client.request({ method: 'POST', path: '/users', route: '/users', body: {} }));
    expect(times).toHaveLength(3);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    // 375 ms and 563 ms at the lowest jitter; generous lower bounds only (shared machine).
    expect(gaps[0]).toBeGreaterThanOrEqual(300);
    expect(gaps[1]).toBeGreaterThanOrEqual(450);
  });
});

function createClerkClientReal() {
  return { client: createClerkClient({ apiUrl: server.apiUrl, secretKey: async () => KEY, random: () => 0, maxRetries: 2 }) };
}
