/**
 * The Backend API client: one request pipeline for every call. Middleware wraps each logical call
 * once; inside it, each attempt waits for the profile's rate budget, reads the secret key, sends
 * with a timeout and turns failures into typed errors; 429s and transient GET failures are retried.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkCall, ClerkMiddleware, ClerkResponse } from './call';
import { clerkApiError, describeFetchFailure, networkError, withoutSecret } from './errors';
import { MAX_RESPONSE_DEPTH, nestsDeeperThan } from './json-depth';
import { realSleep, type RateBudget, type Sleep } from './rate-budget';
import { retryDelay, type RetryPolicy } from './retry';
import { operationCall, type Operation, type OperationParams, type OperationResult, type RunOptions } from './operation';
import { buildUrl } from './url';

/** The dated API version every request asks for. */
export const CLERK_API_VERSION = '2026-05-12';

/**
 * The largest answer the client reads (64 MiB). A Backend API page is at most a few MB (500 users
 * of about 2 KB each); anything far beyond is a misconfigured URL or a broken server, and reading
 * it whole would hold it in memory several times over (bytes, string, parsed object).
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** How to build a {@link ClerkClient}. */
export interface ClerkClientOptions {
  /** Base URL including the version segment, e.g. `https://api.clerk.com/v1`. */
  apiUrl: string;
  /** Reads the key (from the keychain) for a request to `origin` when it is sent; the client never keeps it. */
  secretKey: (origin: string) => Promise<string>;
  fetch?: typeof fetch;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** The largest answer read, in bytes (default {@link MAX_RESPONSE_BYTES}); a larger one is an error. */
  maxResponseBytes?: number;
  /** Waits between retries (injectable for tests). */
  sleep?: Sleep;
  /** Clock for `durationMs` (injectable for tests). */
  now?: () => number;
  /** Jitter source in [0, 1) (injectable for tests). */
  random?: () => number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** The longest wait before a retry (default 60 s); a longer `Retry-After` is thrown to the caller. */
  maxRetryWaitMs?: number;
  /** The profile's budget; shared by every call of the profile. */
  budget?: RateBudget;
  /** Applied around the send stage, outermost first, once per logical call. */
  middleware?: ClerkMiddleware[];
  userAgent?: string;
}

/** A client bound to one profile's URL and key. */
export interface ClerkClient {
  readonly apiUrl: string;
  /** Sends the call and resolves with the parsed body. */
  request<T>(call: ClerkCall): Promise<T>;
  /** Sends the call and resolves with status, headers, body and duration. */
  send<T = unknown>(call: ClerkCall): Promise<ClerkResponse<T>>;
  /** Runs a declared operation with its route params: `run(operations.users.ban, { user_id })`. */
  run<Op extends Operation>(op: Op, params: OperationParams<Op>, options?: RunOptions): Promise<OperationResult<Op>>;
}

/** Creates a client; nothing is sent until a call is made. */
export function createClerkClient(options: ClerkClientOptions): ClerkClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 3,
    maxWaitMs: options.maxRetryWaitMs ?? 60_000,
    random: options.random ?? Math.random,
  };

  async function sendWithRetries(call: ClerkCall): Promise<ClerkResponse> {
    if (call.body !== undefined && call.form !== undefined) {
      throw new AppError({ kind: 'validation', message: `${call.method} ${call.route}: a call has a JSON body or a form, not both.` });
    }
    const url = buildUrl(options.apiUrl, call.path, call.query);
    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt(call, url);
      } catch (error) {
        const wait = error instanceof AppError ? retryDelay(call.method, error, retry, policy) : undefined;
        if (wait === undefined) throw error;
        try {
          await sleep(wait, call.signal);
        } catch {
          throw cancelled(call, url);
        }
      }
    }
  }

  async function attempt(call: ClerkCall, url: URL): Promise<ClerkResponse> {
    const release = await options.budget?.acquire(call.signal).catch(() => {
      throw cancelled(call, url);
    });
    let key = '';
    try {
      key = await options.secretKey(url.origin);
      return await exchange(call, url, key);
    } catch (error) {
      // A 429 holds back every call of the profile (the budget is the profile's), not just this one;
      // when this request went out before the latest hold began, it is part of that hold's burst.
      if (error instanceof AppError && error.status === 429 && error.retryAfter !== undefined) options.budget?.holdFor(error.retryAfter * 1000, release?.grantedAt);
      throw error instanceof AppError ? withoutSecret(error, key) : error;
    } finally {
      release?.();
    }
  }

  async function exchange(call: ClerkCall, url: URL, key: string): Promise<ClerkResponse> {
    if (!/^[\x21-\x7e]+$/.test(key)) {
      throw new AppError({ kind: 'validation', message: 'The stored secret key is empty or contains invalid characters; enter it again.' });
    }
    const headers = new Headers({
      Authorization: `Bearer ${key}`,
      'Clerk-API-Version': CLERK_API_VERSION,
      Accept: 'application/json',
      'User-Agent': options.userAgent ?? 'clerk-admin-desktop',
    });
    let body: string | FormData | undefined = call.form;
    if (call.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(call.body);
    }

    const controller = new AbortController();
    const forwardAbort = () => controller.abort(call.signal?.reason);
    call.signal?.addEventListener('abort', forwardAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const failure = (stage: string, error: unknown): AppError => {
      if (call.signal?.aborted) return cancelled(call, url);
      if (timedOut) return networkError('timeout', `${url.host} did not answer ${describe(call)} within ${timeoutMs / 1000} s.`);
      return networkError('network_error', `${stage} ${url.host} (${describe(call)}): ${describeFetchFailure(error)}.`);
    };

    const started = now();
    try {
      if (call.signal?.aborted) throw cancelled(call, url);
      let response: Response;
      try {
        // 'manual': a redirect comes back as the 3xx itself, so it can be refused by name (never
        // followed: the key would go to wherever the Location points).
        response = await fetchImpl(url, { method: call.method, headers, body, signal: controller.signal, redirect: 'manual' });
      } catch (error) {
        throw failure('Could not reach', error);
      }
      if (response.status >= 300 && response.status < 400) {
        controller.abort();
        throw redirected(response, call, url);
      }
      let text: string | undefined;
      try {
        text = await readTextUpTo(response, maxResponseBytes);
      } catch (error) {
        throw failure('The connection broke while reading the answer of', error);
      }
      if (text === undefined) {
        // Closes the connection: the rest of the answer is never received.
        controller.abort();
        throw tooLarge(call, url, maxResponseBytes);
      }
      if (!response.ok) throw clerkApiError(response.status, response.headers, text, url.host);
      return { status: response.status, headers: response.headers, body: parseBody(text, call, url), durationMs: now() - started };
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  const send = (options.middleware ?? []).reduceRight<(call: ClerkCall) => Promise<ClerkResponse>>(
    (next, middleware) => (call) => middleware(call, next),
    sendWithRetries,
  );

  return {
    apiUrl: options.apiUrl,
    send: <T>(call: ClerkCall) => send(call) as Promise<ClerkResponse<T>>,
    request: async <T>(call: ClerkCall) => (await send(call)).body as T,
    run: async <Op extends Operation>(op: Op, params: OperationParams<Op>, runOptions?: RunOptions) =>
      (await send(operationCall(op, params, runOptions))).body as OperationResult<Op>,
  };
}

/**
 * The body as text, or `undefined` as soon as it is known to exceed `limit` bytes (from
 * Content-Length before reading anything, or while streaming), without reading further.
 */
async function readTextUpTo(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  // TextDecoder drops a UTF-8 BOM and replaces invalid bytes, as Response.text() does.
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

function tooLarge(call: ClerkCall, url: URL, limit: number): AppError {
  return networkError(
    'response_too_large',
    `${url.host} answered ${describe(call)} with more than ${formatBytes(limit)}, the most the app reads; it stopped reading there. ` +
      'Ask for less (a smaller page or a narrower filter); if it happens for small requests, check that the API URL points at Clerk.',
  );
}

function redirected(response: Response, call: ClerkCall, url: URL): AppError {
  const location = response.headers.get('location');
  let target = 'no Location given';
  if (location !== null) {
    try {
      target = new URL(location, url).href;
    } catch {
      target = JSON.stringify(location);
    }
  }
  void response.body?.cancel().catch(() => undefined);
  return networkError(
    'redirected',
    `The API URL redirected: ${url.host} answered ${describe(call)} with HTTP ${response.status} to ${target}. ` +
      "Clerk's API never redirects and the app does not follow redirects (the secret key would go along); " +
      'check the profile\'s API URL, and change it to the new address if you trust it.',
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

function parseBody(text: string, call: ClerkCall, url: URL): unknown {
  if (text === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw networkError('response_unreadable', `${url.host} answered ${describe(call)} with a body that is not JSON.`);
  }
  if (nestsDeeperThan(body, MAX_RESPONSE_DEPTH)) {
    throw networkError(
      'response_unreadable',
      `${url.host} answered ${describe(call)} with JSON nested more than ${MAX_RESPONSE_DEPTH} levels deep, which the app does not read. ` +
        'A record probably holds metadata nested that deep: flatten it with another tool, or check that the API URL points at Clerk.',
    );
  }
  return body;
}

function cancelled(call: ClerkCall, url: URL): AppError {
  return networkError('request_cancelled', `The request ${describe(call)} to ${url.host} was cancelled.`);
}

function describe(call: ClerkCall): string {
  return `${call.method} ${call.path}`;
}
