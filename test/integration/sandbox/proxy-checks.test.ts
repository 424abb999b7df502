/**
 * POST /proxy_checks really probes the proxy: a forwarding proxy on loopback that reaches the
 * Sandbox passes; an unreachable port, a proxy that answers on its own, and non-loopback hosts fail.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let domainId: string;
const servers: Server[] = [];

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 10 });
  domainId = (await t.api('GET', '/domains')).body.data[0].id;
});
afterAll(async () => {
  for (const server of servers) server.close();
  await t.cleanup();
});

const check = (proxy_url: string, domain_id = domainId) => t.api('POST', '/proxy_checks', { body: { domain_id, proxy_url } });

describe('proxy checks', () => {
  it('succeeds through a real forwarding proxy at a path prefix', async () => {
    const sandboxPort = t.sandbox.port;
    let forwarded = 0;
    const proxy = await serve((req, res) => {
      // Strip the /__clerk prefix and forward to the Sandbox, like a Clerk proxy does.
      const upstream = request({ host: '127.0.0.1', port: sandboxPort, path: req.url!.replace(/^\/__clerk/, ''), method: req.method }, (answer) => {
        forwarded += 1;
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    const result = expectOk('POST', '/proxy_checks', await check(`${proxy}/__clerk`));
    expect(result).toMatchObject({ object: 'proxy_check', domain_id: domainId, successful: true, proxy_url: `${proxy}/__clerk` });
    expect(result.id).toMatch(/^proxychk_/);
    expect(forwarded).toBe(1);
  });

  it('fails with the reason when nothing listens, or the proxy does not reach this instance', async () => {
    // A port that was just free: listen, then close.
    const dead = await serve(() => undefined);
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    expect(expectError('POST', '/proxy_checks', await check(dead), 422, 'invalid_proxy_configuration').long_message).toMatch(/could not be reached/);
    const impostor = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"instance_id":"ins_other"}'));
    expect(expectError('POST', '/proxy_checks', await check(impostor), 422, 'invalid_proxy_configuration').long_message).toMatch(/did not forward/);
    const broken = await serve((_req, res) => res.writeHead(502).end());
    expect(expectError('POST', '/proxy_checks', await check(broken), 422, 'invalid_proxy_configuration').long_message).toMatch(/502/);
  });

  it('does not leave loopback, and validates its input', async () => {
    expect(expectError('POST', '/proxy_checks', await check('https://example.com/__clerk'), 422, 'invalid_proxy_configuration').long_message).toMatch(/offline/);
    expectError('POST', '/proxy_checks', await check('http://example.com/__clerk'), 422, 'form_param_format_invalid');
    expectError('POST', '/proxy_checks', await check('not a url'), 422, 'form_param_format_invalid');
    expectError('POST', '/proxy_checks', await check('http://127.0.0.1:1', 'dmn_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
});
