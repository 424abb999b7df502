/**
 * Proxy checks: POST /proxy_checks really probes the proxy. The Sandbox requests
 * `<proxy_url>/v1/proxy-health`; a working proxy forwards it to the Sandbox (the instance's
 * Frontend API), whose answer names this instance. Only loopback URLs are probed (the Sandbox
 * works offline); a failed probe is 422 invalid_proxy_configuration with the reason.
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { ID_PREFIX, newId } from '../ids';
import type { Route } from '../router';
import { validateBody } from '../validation/body';

/** Path the probe requests below the proxy URL (answered by the Sandbox itself). */
export const PROXY_HEALTH_PATH = '/v1/proxy-health';
const PROBE_TIMEOUT_MS = 3000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function invalidProxy(reason: string) {
  return errors.unprocessable('invalid_proxy_configuration', 'invalid proxy configuration', `The proxy check failed: ${reason}.`, { param_name: 'proxy_url' });
}

/** Probes the proxy; resolves when it reaches this instance, else throws 422. */
async function probe(ctx: SandboxContext, proxyUrl: URL): Promise<void> {
  const target = `${proxyUrl.href.replace(/\/+$/, '')}${PROXY_HEALTH_PATH}`;
  let response: Response;
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw invalidProxy(`${target} could not be reached (${cause ?? (error as Error).message})`);
  }
  const text = await response.text();
  if (response.status !== 200) throw invalidProxy(`${target} answered ${response.status} instead of reaching the Frontend API`);
  let body: { instance_id?: unknown } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // handled below
  }
  if (body.instance_id !== ctx.instance.id) throw invalidProxy(`${target} did not forward to this instance's Frontend API`);
}

/** POST /proxy_checks, and the health route a proxy forwards to. */
export const proxyCheckRoutes: Route[] = [
  {
    method: 'POST',
    template: '/proxy_checks',
    handler: async ({ ctx, body: raw }) => {
      const body = validateBody(raw, { domain_id: { type: 'string', required: true }, proxy_url: { type: 'string', required: true } });
      if (body.domain_id !== ctx.instance.domainId) throw errors.notFound(`No domain was found with id ${body.domain_id}`, 'Domain not found');
      let url: URL;
      try {
        url = new URL(body.proxy_url!);
      } catch {
        throw errors.paramFormat('proxy_url', `${body.proxy_url} is not a valid URL.`);
      }
      const loopback = LOOPBACK_HOSTS.has(url.hostname);
      if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
        throw errors.paramFormat('proxy_url', 'proxy_url must be an https:// URL (http:// only on localhost).');
      }
      if (!loopback) throw invalidProxy(`the Sandbox works offline and only probes proxies on 127.0.0.1 or localhost, not ${url.hostname}`);
      await probe(ctx, url);
      const now = ctx.now();
      const check = {
        object: 'proxy_check',
        id: newId(ID_PREFIX.proxyCheck, now, ctx.random),
        domain_id: ctx.instance.domainId,
        last_run_at: now,
        proxy_url: url.href,
        successful: true,
        created_at: now,
        updated_at: now,
      };
      ctx.db.run('INSERT INTO proxy_checks (id, created_at, doc) VALUES (?, ?, ?)', [check.id, now, JSON.stringify(check)]);
      return check;
    },
  },
];

/** GET /v1/proxy-health (no key): what a working proxy reaches. */
export const proxyHealthRoutes: Route[] = [
  { method: 'GET', template: PROXY_HEALTH_PATH, handler: ({ ctx }) => ({ object: 'proxy_health', instance_id: ctx.instance.id, domain_id: ctx.instance.domainId }) },
];
