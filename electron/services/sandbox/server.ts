/**
 * The HTTP front of the Sandbox: authenticates `/v1/…` requests with a bearer key, applies the
 * per-key rate limit, parses bodies, dispatches to the route, writes Clerk-shaped responses
 * (`Content-Type: application/json` exactly) and records each request in the request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from './context';
import { ApiError, errorEnvelope, errors } from './errors';
import { readBody } from './http/body';
import type { KeyStore } from './auth';
import type { RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';
import { RawBody, RawJson, type Method, type RouteResult, type Router } from './router';
import { QueryReader } from './validation/query';

/** What the request handler needs. */
export interface ServerDeps {
  context: () => SandboxContext;
  keys: KeyStore;
  limiter: RateLimiter;
  log: RequestLog;
  /** Backend API routes, matched below `/v1`. */
  api: Router;
  /** Unauthenticated routes the Sandbox serves itself (images, ticket links, SAML metadata). */
  open: Router;
  /** The dice of injected 429s (default `Math.random`). */
  random?: () => number;
  /** Reports unexpected errors (they answer 500). */
  onError: (error: unknown) => void;
}

const API_PREFIX = '/v1';

function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  // Encode once: measuring a string's UTF-8 length and then writing it would walk it twice.
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  // nosniff: a browser takes the Content-Type as it is (an image is never run as a page).
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.byteLength, 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(bytes);
}

function sendResult(res: ServerResponse, result: RouteResult): number {
  if (result instanceof RawBody) {
    send(res, result.status, result.contentType, result.body, result.headers);
    return result.status;
  }
  const json = result instanceof RawJson ? result.json : JSON.stringify(result);
  send(res, 200, 'application/json', json);
  return 200;
}

function sendError(res: ServerResponse, error: ApiError): number {
  send(res, error.status, 'application/json', errorEnvelope(error), error.headers);
  return error.status;
}

/** Builds the `(req, res)` listener of the Sandbox's HTTP server. */
export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(deps, req, res);
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = new QueryReader(new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)));
  // Open routes (images, ticket links, SP metadata) are matched on the full path first.
  const openMatch = deps.open.match(method, path);
  const isApi = !openMatch && (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`));
  const routePath = isApi ? path.slice(API_PREFIX.length) : path;
  const match = openMatch ?? (isApi ? deps.api.match(method, routePath) : undefined);
  const logRoute = match?.route.template ?? routePath;
  let status: number;
  try {
    if (!match) throw errors.routeNotFound(method, path);
    const ctx = deps.context();
    if (isApi) {
      const keyHash = deps.keys.authenticate(req.headers.authorization);
      const retryAfter = deps.limiter.take(keyHash, ctx.now());
      if (retryAfter !== undefined) throw errors.rateLimited(retryAfter);
      const injected = ctx.settings.injected429;
      if (injected && (deps.random ?? Math.random)() < injected.share) throw errors.rateLimited(injected.retryAfterSeconds);
    }
    const body = method === 'GET' ? { json: {} } : await readBody(req);
    if (match.route.body === 'multipart' && !body.form) throw errors.fileMissing();
    const result = await match.route.handler({
      ctx,
      method: method as Method,
      params: match.params,
      query,
      body: body.json,
      form: body.form,
      headers: req.headers,
    });
    status = sendResult(res, result);
  } catch (error) {
    if (error instanceof ApiError) {
      status = sendError(res, error);
    } else {
      deps.onError(error);
      status = sendError(res, errors.internal());
    }
  }
  deps.log.append(method, logRoute, status, path);
}
