import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkMiddleware } from '../../../electron/services/clerk/call';
import { CLERK_API_VERSION, type ClerkClientOptions } from '../../../electron/services/clerk/client';
import { RateBudget } from '../../../electron/services/clerk/rate-budget';
import { clerkErrors, drop, hang, json, startScriptServer, text, type ScriptServer, SCRIPT_KEY, scriptedClient } from './script-server';
import { rejection } from '../../support/rejection';

const KEY = SCRIPT_KEY;

let server: ScriptServer;
beforeEach(async () => {
  server = await startScriptServer();
});
afterEach(async () => {
  await server.close();
});

/** A client against the scripted server whose retry waits are recorded instead of slept. */
function clientFor(overrides: Partial<ClerkClientOptions> = {}) {
  return scriptedClient(server, { userAgent: 'clerk-admin-desktop/test', ...overrides });
}

describe('request pipeline', () => {
  it('sends the key, API version, Accept and User-Agent headers, and the query with repeated keys', async () => {
    server.script(json(200, [{ id: 'user_1' }]));
    const { client } = clientFor();
    const body = await client.request({
      method: 'GET',
      path: '/users',
      route: '/users',
      query: { user_id: ['user_1', 'user_2'], banned: false, limit: 5, query: undefined, offset: null },
    });
    expect(body).toEqual([{ id: 'user_1' }]);
    const [request] = server.received;
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/v1/users?user_id=user_1&user_id=user_2&banned=false&limit=5');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers['clerk-api-version']).toBe(CLERK_API_VERSION);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['user-agent']).toBe('clerk-admin-desktop/test');
    expect(request.headers['content-type']).toBeUndefined();
  });

  it('reads the key for every request and never keeps it on the client', async () => {
    server.script(json(200, {}), json(200, {}));
    let reads = 0;
    const { client } = clientFor({
      secretKey: async () => {
        reads += 1;
        return KEY;
      },
    });
    await client.request({ method: 'GET', path: '/users/count', route: '/users/count' });
    await client.request({ method: 'GET', path: '/users/count', route: '/users/count' });
    expect(reads).toBe(2);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });

  it('sends a JSON body with Content-Type application/json and returns the response details', async () => {
    server.script(json(200, { id: 'user_new', object: 'user' }, { 'X-Extra': 'yes' }));
    const { client } = clientFor();
    const response = await client.send({
      method: 'POST',
      path: '/users',
      route: '/users',
      body: { email_address: ['ada@example.com'], public_metadata: { nested: { camelCase: true } } },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: 'user_new', object: 'user' });
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = server.received;
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual({
      email_address: ['ada@example.com'],
      public_metadata: { nested: { camelCase: true } },
    });
  });

  it('sends a multipart body with the boundary fetch chose', async () => {
    server.script(json(200, { id: 'org_1' }));
    const { client } = clientFor();
    const form = new FormData();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    form.append('file', new Blob([png], { type: 'image/png' }), 'logo.png');
    form.append('uploader_user_id', 'user_1');
    await client.request({ method: 'PUT', path: '/organizations/org_1/logo', route: '/organizations/{organization_id}/logo', form });

    const [request] = server.received;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Request('http://parse.local/', {
      method: 'POST',
      body: new Uint8Array(request.body),
      headers: { 'content-type': String(request.headers['content-type']) },
    }).formData();
    expect(parsed.get('uploader_user_id')).toBe('user_1');
    const file = parsed.get('file') as File;
    expect(file.name).toBe('logo.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
  });

  it('refuses a call with both a JSON body and a form, and paths with dot segments, before sending', async () => {
    const { client } = clientFor();
    const both = await rejection(client.request({ method: 'POST', path: '/x', route: '/x', body: {}, form: new FormData() }));
    expect(both.kind).toBe('validation');
    const dots = await rejection(client.request({ method: 'GET', path: `/users/${encodeURIComponent('..')}`, route: '/users/{user_id}' }));
    expect(dots.kind).toBe('validation');
    expect(server.received).toHaveLength(0);
  });
});

describe('errors', () => {
  it("turns Clerk's envelope into a clerk AppError with its codes, param name and trace id", async () => {
    server.script(
      json(422, {
        errors: [
          { code: 'form_identifier_exists', message: 'taken', long_message: 'That email address is taken.', meta: { param_name: 'email_address' } },
          { code: 'form_param_missing', message: 'missing', long_message: 'first_name must be included.', meta: { param_name: 'first_name' } },
        ],
        clerk_trace_id: 'trace_abc',
      }),
    );
    const { client } = clientFor();
    const error = await rejection(client.request({ method: 'POST', path: '/users', route: '/users', body: {} }));
    expect(error).toMatchObject({
      kind: 'clerk',
      status: 422,
      code: 'form_identifier_exists',
      message: 'taken',
      longMessage: 'That email address is taken.',
      paramName: 'email_address',
      traceId: 'trace_abc',
    });
    expect(error.errors?.[1]).toEqual({
      code: 'form_param_missing',
      message: 'missing',
      longMessage: 'first_name must be included.',
      paramName: 'first_name',
      meta: { paramName: 'first_name' },
    });
    expect(error.fieldMessage('first_name')).toBe('first_name must be included.');
  });

  it('falls back to the cf-ray header for the trace id, and reads a non-JSON error body as a readable clerk error', async () => {
    server.script(json(404, { errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'No user' }] }, { 'cf-ray': 'ray-42' }));
    server.script(text(502, '<html>Bad gateway</html>'));
    const { client } = clientFor();
    const missing = await rejection(client.request({ method: 'GET', path: '/users/user_x', route: '/users/{user_id}' }));
    expect(missing).toMatchObject({ kind: 'clerk', status: 404, code: 'resource_not_found', traceId: 'ray-42' });

    const gateway = await rejection(client.request({ method: 'POST', path: '/users', route: '/users', body: {} }));
    expect(gateway.kind).toBe('clerk');
    expect(gateway.status).toBe(502);
    expect(gateway.message).toBe(`127.0.0.1:${server.port} answered HTTP 502 without Clerk's error details.`);
  });

  it('reports an unreadable success body as a network error', async () => {
    server.script(text(200, 'not json', 'application/json'));
    const { client, waits } = clientFor();
    const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    expect(error).toMatchObject({ kind: 'network', code: 'response_unreadable' });
    expect(error.message).toContain(`127.0.0.1:${server.port}`);
    expect(waits).toEqual([]);
  });

  it('reports a timeout as a network error naming the host', async () => {
    server.script(hang());
    const { client } = clientFor({ timeoutMs: 150, maxRetries: 0 });
    const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    expect(error).toMatchObject({ kind: 'network', code: 'timeout' });
    expect(error.message).toBe(`127.0.0.1:${server.port} did not answer GET /users within 0.15 s.`);
  });

  it('reports a closed port as a network error naming the host, without retrying a POST', async () => {
    const port = server.port;
    await server.close();
    const { client, waits } = clientFor({ apiUrl: `http://127.0.0.1:${port}/v1` });
    const error = await rejection(client.request({ method: 'POST', path: '/users', route: '/users', body: {} }));
    expect(error).toMatchObject({ kind: 'network', code: 'network_error' });
    expect(error.message).toBe(`Could not reach 127.0.0.1:${port} (POST /users): the connection was refused (is the server running?).`);
    expect(waits).toEqual([]);
  });

  it('reports a cancelled call as request_cancelled and stops retrying', async () => {
    server.script(hang());
    const { client } = clientFor();
    const controller = new AbortController();
    const pending = client.request({ method: 'GET', path: '/users', route: '/users', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    expect(error).toMatchObject({ kind: 'network', code: 'request_cancelled' });
  });

  it('never lets the secret key into an error, even when the server echoes it', async () => {
    server.script(json(401, { errors: [{ code: 'clerk_key_invalid', message: `Key ${KEY} is invalid`, long_message: `The key ${KEY} is unknown`, meta: { key: KEY } }] }));
    const { client } = clientFor();
    const echoed = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    expect(echoed.code).toBe('clerk_key_invalid');
    expect(echoed.message).toBe('Key [secret key] is invalid');
    expect(JSON.stringify(echoed.toIpcError())).not.toContain(KEY);
    expect(echoed.stack).not.toContain(KEY);

    const port = server.port;
    await server.close();
    const unreachable = await rejection(clientFor({ apiUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }).client.request({ method: 'GET', path: '/users', route: '/users' }));
    expect(`${JSON.stringify(unreachable.toIpcError())}${unreachable.stack}`).not.toContain(KEY);
  });

  it('refuses a malformed key without sending it or quoting it', async () => {
    const badKey = 'sk_test_abc\ndef';
    const { client } = clientFor({ secretKey: async () => badKey });
    const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    expect(error.kind).toBe('validation');
    expect(error.message).not.toContain('abc');
    expect(server.received).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a 429 after Retry-After, for any method', async () => {
    server.script(json(429, clerkErrors('too_many_requests', 'Too many requests'), { 'Retry-After': '3' }), json(200, { id: 'user_1' }));
    const { client, waits } = clientFor();
    await expect(client.request({ method: 'POST', path: '/users', route: '/users', body: {} })).resolves.toEqual({ id: 'user_1' });
    expect(waits).toEqual([3000]);
    expect(server.received).toHaveLength(2);
  });

  it('gives up on a 429 whose Retry-After exceeds the longest wait, and reports retryAfter', async () => {
    server.script(json(429, clerkErrors('too_many_requests', 'Too many requests'), { 'Retry-After': '120' }));
    const { client, waits } = clientFor();
    const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    expect(error).toMatchObject({ kind: 'clerk', status: 429, retryAfter: 120, code: 'too_many_requests' });
    expect(waits).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('retries a GET on 500 and 503 with growing backoff', async () => {
    server.script(json(500, clerkErrors('internal_clerk_error', 'Oops')), json(503, clerkErrors('maintenance_mode', 'Down')), json(200, []));
    const { client, waits } = clientFor();
    await expect(client.request({ method: 'GET', path: '/users', route: '/users' })).resolves.toEqual([]);
    expect(waits).toEqual([500, 750]);
    expect(server.received).toHaveLength(3);
  });

  it('retries a GET on a dropped connection', async () => {
    server.script(drop(), json(200, { object: 'total_count', total_count: 3 }));
    const { client, waits } = clientFor();
    await expect(client.request({ method: 'GET', path: '/users/count', route: '/users/count' })).resolves.toEqual({ object: 'total_count', total_count: 3 });
    expect(waits).toHaveLength(1);
    expect(server.received).toHaveLength(2);
  });

  it('does not retry a POST on 500 or on a dropped connection', async () => {
    server.script(json(500, clerkErrors('internal_clerk_error', 'Oops')), drop());
    const { client, waits } = clientFor();
    expect((await rejection(client.request({ method: 'POST', path: '/users', route: '/users', body: {} }))).status).toBe(500);
    expect((await rejection(client.request({ method: 'PATCH', path: '/users/u', route: '/users/{user_id}', body: {} }))).kind).toBe('network');
    expect(waits).toEqual([]);
    expect(server.received).toHaveLength(2);
  });

  it('stops after maxRetries and throws the last error', async () => {
    server.script(...Array.from({ length: 5 }, () => json(503, clerkErrors('maintenance_mode', 'Down'))));
    const { client, waits } = clientFor({ maxRetries: 2 });
    const error = await rejection(client.request({ method: 'GET', path: '/users', route: '/users' }));
    expect(error).toMatchObject({ status: 503, code: 'maintenance_mode' });
    expect(waits).toEqual([500, 750]);
    expect(server.received).toHaveLength(3);
  });
});

describe('middleware and budget', () => {
  it('runs middleware outermost first, once per logical call, with retries inside', async () => {
    server.script(json(500, clerkErrors('internal_clerk_error', 'Oops')), json(200, { ok: true }));
    const events: string[] = [];
    const named =
      (name: string): ClerkMiddleware =>
      async (call, next) => {
        events.push(`${name}:before ${call.route}`);
        const response = await next(call);
        events.push(`${name}:after ${response.status}`);
        return response;
      };
    const { client } = clientFor({ middleware: [named('outer'), named('inner')] });
    await client.request({ method: 'GET', path: '/users/u1', route: '/users/{user_id}' });
    expect(events).toEqual(['outer:before /users/{user_id}', 'inner:before /users/{user_id}', 'inner:after 200', 'outer:after 200']);
    expect(server.received).toHaveLength(2);
  });

  it('lets middleware see failures and change the call', async () => {
    server.script(json(404, clerkErrors('resource_not_found', 'No user')));
    const seen: unknown[] = [];
    const { client } = clientFor({
      middleware: [
        async (call, next) => {
          try {
            return await next({ ...call, query: { ...call.query, tagged: true } });
          } catch (error) {
            seen.push((error as AppError).code);
            throw error;
          }
        },
      ],
    });
    await rejection(client.request({ method: 'GET', path: '/users/u1', route: '/users/{user_id}' }));
    expect(seen).toEqual(['resource_not_found']);
    expect(server.received[0].url).toBe('/v1/users/u1?tagged=true');
  });

  it('delays the call past the budget until the window has room', async () => {
    let clock = 1_000_000;
    const budgetWaits: number[] = [];
    const budget = new RateBudget({
      requests: 2,
      windowMs: 10_000,
      concurrency: 8,
      now: () => clock,
      sleep: async (ms) => {
        budgetWaits.push(ms);
        clock += ms;
      },
    });
    server.script(json(200, 1), json(200, 2), json(200, 3));
    const { client } = clientFor({ budget });
    const call = { method: 'GET', path: '/users/count', route: '/users/count' } as const;
    expect(await client.request(call)).toBe(1);
    clock += 4_000;
    expect(await client.request(call)).toBe(2);
    expect(budgetWaits).toEqual([]);
    expect(await client.request(call)).toBe(3);
    expect(budgetWaits).toEqual([6_000]);
    expect(budget.inFlight).toBe(0);
  });
});
