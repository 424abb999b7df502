/**
 * Starts a real Sandbox for a test: a temp data dir, a fresh secret key, the request log in a temp
 * file (through SANDBOX_REQUEST_LOG, as the app and CLI use it), and a small HTTP client that
 * speaks to it over 127.0.0.1. `cleanup()` closes it and removes the folder.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox, type SandboxOptions } from '../../../electron/services/sandbox';

/** One line of the request log. */
export interface LoggedRequest {
  method: string;
  route: string;
  status: number;
}

/** A response as the tests see it. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** Options of one request. */
export interface RequestOptions {
  query?: Record<string, string | number | boolean | (string | number)[] | undefined>;
  /** A JSON body (sent as is when a string). */
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** `false` sends no Authorization header; a string sends that header value. */
  auth?: false | string;
}

/** A started test Sandbox. */
export interface TestSandbox {
  sandbox: RunningSandbox;
  key: string;
  dataDir: string;
  logFile: string;
  /** Requests below `/v1` (paths like `/users`). */
  api<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Requests on the origin (paths like `/images/…`), no auth. */
  raw(path: string, init?: RequestInit): Promise<Response>;
  requestLog(): LoggedRequest[];
  cleanup(): Promise<void>;
}

/** Encodes a query object; arrays become repeated keys, undefined values are dropped. */
export function encodeQuery(query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Starts a Sandbox in a temp folder (rate limit off and 60 seeded users unless overridden). */
export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  const logFile = join(dataDir, 'requests.jsonl');
  const previousLog = process.env.SANDBOX_REQUEST_LOG;
  process.env.SANDBOX_REQUEST_LOG = logFile;
  const key = generateSandboxSecretKey();
  const sandbox = await startSandbox({ rateLimit: false, seedUsers: 60, ...options, dataDir, secretKeys: [key, ...(options.secretKeys ?? [])] });
  const origin = sandbox.baseUrl.replace(/\/v1$/, '');
  return {
    sandbox,
    key,
    dataDir,
    logFile,
    async api(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.auth !== false) headers.Authorization = typeof opts.auth === 'string' ? opts.auth : `Bearer ${key}`;
      let body: FormData | string | undefined;
      if (opts.form) body = opts.form;
      else if (opts.body !== undefined) {
        headers['Content-Type'] ??= 'application/json';
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      }
      const response = await fetch(`${sandbox.baseUrl}${path}${encodeQuery(opts.query)}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      if (response.headers.get('content-type') === 'application/json') parsed = JSON.parse(text);
      return { status: response.status, headers: response.headers, text, body: parsed as any };
    },
    raw: (path, init) => fetch(`${origin}${path}`, init),
    requestLog: () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as LoggedRequest)
        : [],
    async cleanup() {
      await sandbox.close();
      // Later Sandboxes in this worker must not log into a folder that is about to disappear.
      if (process.env.SANDBOX_REQUEST_LOG === logFile) {
        if (previousLog === undefined) delete process.env.SANDBOX_REQUEST_LOG;
        else process.env.SANDBOX_REQUEST_LOG = previousLog;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
