import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { createClerkClient, type ClerkClient } from '../../../electron/services/clerk/client';
import { createAuditMiddleware, openAuditLog, type OwnedAuditLog } from '../../../electron/services/audit';

// A few Backend API answers over real HTTP on 127.0.0.1, enough to exercise the recorder inside
// the real client pipeline: a state read, an update, Clerk's error envelope and a dropped connection.
const SECRET_KEY = 'sk_test_auditPipelineKey123';
let user = { object: 'user', id: 'user_1', first_name: 'Ann', banned: false };
const requests: string[] = [];
let createBody: unknown;

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  requests.push(`${req.method} ${req.url}`);
  const json = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-clerk-trace-id': `trace_${requests.length}` });
    res.end(JSON.stringify(value));
  };
  if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) return json(401, { errors: [{ code: 'authentication_invalid', message: 'bad key' }] });
  if (req.method === 'GET' && req.url === '/v1/users/user_1') return json(200, user);
  if (req.method === 'POST' && req.url === '/v1/users/user_1/ban') {
    user = { ...user, banned: true };
    return json(200, user);
  }
  if (req.method === 'POST' && req.url === '/v1/users') {
    createBody = JSON.parse(body);
    return json(422, {
      errors: [{ code: 'form_identifier_exists', message: 'That email address is taken.', long_message: 'Taken, try another.', meta: { param_name: 'email_address' } }],
      meta: {},
      clerk_trace_id: 'trace_clerk_422',
    });
  }
  if (req.method === 'DELETE' && req.url === '/v1/users/user_broken') {
    req.socket.destroy();
    return;
  }
  json(404, { errors: [{ code: 'resource_not_found', message: 'not found' }] });
}

let server: Server;
let dir = '';
let log: OwnedAuditLog;
let client: ClerkClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  dir = mkdtempSync(join(tmpdir(), 'audit-pipeline-'));
  log = openAuditLog(join(dir, 'app.sqlite'));
  client = createClerkClient({
    apiUrl,
    secretKey: async () => SECRET_KEY,
    maxRetries: 0,
    middleware: [
      createAuditMiddleware(log, {
        profile: { id: 'prof_local', name: 'Local', environment: 'development' },
        instance: { apiUrl, keyFingerprint: 'a1b2c3d4e5f6' },
        appVersion: '1.0.0',
        actor: { user: 'alice', host: 'laptop' },
      }),
    ],
  });
});

afterAll(async () => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
  await new Promise((done) => server.close(done));
});

it('records what the real client sends and how each call ended', async () => {
  await client.send({ method: 'GET', path: '/users/user_1', route: '/users/{user_id}' });
  await client.send({ method: 'POST', path: '/users/user_1/ban', route: '/users/{user_id}/ban', action: 'users.ban', target: { type: 'user', id: 'user_1' }, statePath: '/users/user_1' });
  const clerkFailure = await client
    .send({ method: 'POST', path: '/users', route: '/users', action: 'users.create', body: { email_address: ['taken@example.com'], password: 'S3cret-pass!' } })
    .catch((error: unknown) => error);
  const networkFailure = await client.send({ method: 'DELETE', path: '/users/user_broken', route: '/users/{user_id}', action: 'users.delete' }).catch((error: unknown) => error);

  expect(createBody).toMatchObject({ password: 'S3cret-pass!' }); // redaction is for the log, not the request
  expect(clerkFailure).toBeInstanceOf(AppError);
  expect(networkFailure).toMatchObject({ kind: 'network' });
  expect(requests).toEqual(['GET /v1/users/user_1', 'GET /v1/users/user_1', 'POST /v1/users/user_1/ban', 'POST /v1/users', 'DELETE /v1/users/user_broken']);

  const rows = log.list().rows;
  expect(rows.map((row) => [row.action, row.outcome, row.status])).toEqual([
    ['users.delete', 'network_error', null],
    ['users.create', 'clerk_error', 422],
    ['users.ban', 'success', 200],
  ]);
  expect(log.get(rows[2].seq)).toMatchObject({
    before: { banned: false },
    after: { banned: true },
    diff: [{ path: '/banned', before: false, after: true }],
    traceId: 'trace_3',
  });
  expect(log.get(rows[1].seq)).toMatchObject({
    body: { email_address: ['taken@example.com'], password: '[redacted]' },
    traceId: 'trace_clerk_422',
    errorCode: 'form_identifier_exists',
    error: { kind: 'clerk', longMessage: 'Taken, try another.', paramName: 'email_address' },
  });
  expect(log.get(rows[0].seq)?.error).toMatchObject({ kind: 'network', code: 'network_error' });
  expect(JSON.stringify(log.list())).not.toContain(SECRET_KEY);
  expect((await log.verify()).ok).toBe(true);
});
