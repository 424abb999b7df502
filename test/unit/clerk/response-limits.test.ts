/**
 * The response size cap, over a real socket: an answer larger than the cap is an error that names
 * what happened, and the client stops reading at the cap (the server sees the connection close
 * early instead of writing the whole body into the app's memory). And the nesting cap: an answer
 * too deep for main's recursive code is refused instead of overflowing the stack later.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, type ClerkClientOptions } from '../../../electron/services/clerk/client';
import { MAX_RESPONSE_DEPTH } from '../../../electron/services/clerk/json-depth';
import { canonicalJson } from '../../../electron/services/audit/canonical-json';
import { redactSecrets } from '../../../electron/services/audit/redact';
import { json, startScriptServer, stream, text, type ScriptServer, scriptedClient } from './script-server';
import { rejection } from '../../support/rejection';

const MB = 1024 * 1024;

let server: ScriptServer;
beforeEach(async () => {
  server = await startScriptServer();
});
afterEach(async () => {
  await server.close();
});

/** A client against the scripted server whose retry waits are recorded instead of slept. */
function clientFor(overrides: Partial<ClerkClientOptions> = {}) {
  return scriptedClient(server, overrides);
}

describe('response size cap', () => {
  it('is 64 MB by default', () => {
    expect(MAX_RESPONSE_BYTES).toBe(64 * MB);
  });

  it('refuses a streamed (chunked) answer past the cap, stops reading there and does not retry', async () => {
    const { responder, stats } = stream(200 * MB);
    server.script(responder);
    const { client, waits } = clientFor({ maxResponseBytes: 1 * MB });
    const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    await stats.finished;
    expect(error).toMatchObject({ kind: 'network', code: 'response_too_large' });
    expect(error.message).toContain('127.0.0.1');
    expect(error.message).toContain('GET /users');
    expect(error.message).toContain('more than 1 MB');
    expect(error.message).toMatch(/smaller page|narrower filter/);
    expect(stats.closedEarly).toBe(true);
    // The cap plus what loopback socket buffers absorbed; nowhere near the 200 MB on offer.
    expect(stats.bytesWritten).toBeLessThan(24 * MB);
    expect(waits).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('refuses an answer whose Content-Length exceeds the cap before reading its body', async () => {
    const { responder, stats } = stream(200 * MB, { contentLength: true });
    server.script(responder);
    const { client } = clientFor({ maxResponseBytes: 1 * MB });
    const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    await stats.finished;
    expect(error).toMatchObject({ kind: 'network', code: 'response_too_large' });
    expect(stats.closedEarly).toBe(true);
    expect(stats.bytesWritten).toBeLessThan(24 * MB);
  });

  it('applies to error answers too', async () => {
    server.script((request, response) => {
      response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(Buffer.alloc(2 * MB, 'x'));
    });
    const { client } = clientFor({ maxResponseBytes: 1 * MB, maxRetries: 0 });
    expect(await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }))).toMatchObject({ code: 'response_too_large' });
  });

  it('reads an answer of exactly the cap', async () => {
    const body = JSON.stringify(['x'.repeat(1000 - 4)]);
    expect(Buffer.byteLength(body)).toBe(1000);
    server.script(json(200, JSON.parse(body)));
    const { client } = clientFor({ maxResponseBytes: 1000 });
    await expect(client.request({ method: 'GET', path: '/users', route: '/users' })).resolves.toEqual(JSON.parse(body));
  });
});

describe('response nesting cap', () => {
  const deep = (levels: number, array = false) => (array ? '['.repeat(levels) + ']'.repeat(levels) : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels));

  it('refuses an answer nested deeper than MAX_RESPONSE_DEPTH with a readable error, without overflowing the stack', async () => {
    for (const body of [`[{"id":"user_1","public_metadata":${deep(100_000)}}]`, `{"x":${deep(5_000, true)}}`]) {
      server.script(text(200, body, 'application/json'));
      const { client } = clientFor();
      const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
      expect(error).toMatchObject({ kind: 'network', code: 'response_unreadable' });
      expect(error.message).toContain(`nested more than ${MAX_RESPONSE_DEPTH} levels deep`);
    }
  });

  it('reads an answer at the cap, and what main does next with it (redact, canonical JSON, IPC clone) copes', async () => {
    for (const body of [deep(MAX_RESPONSE_DEPTH - 1), `[${deep(MAX_RESPONSE_DEPTH - 1, true)}]`]) {
      server.script(text(200, body, 'application/json'));
      const { client } = clientFor();
      const value = await client.request({ method: 'GET', path: '/users', route: '/users' });
      expect(() => structuredClone(canonicalJson(redactSecrets(value)))).not.toThrow();
      expect(() => structuredClone(value)).not.toThrow();
    }
  });
});
