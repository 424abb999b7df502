/**
 * A real HTTP server on 127.0.0.1 whose answers each test scripts in advance, so the client's
 * pipeline is exercised over real sockets (headers, multipart bodies, dropped connections).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClerkCall, ClerkMiddleware } from '../../../electron/services/clerk/call';
import { createClerkClient, type ClerkClientOptions } from '../../../electron/services/clerk/client';

/** One request as the server received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/v1/users?limit=10`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Answers one request. */
export type Responder = (request: ReceivedRequest, response: ServerResponse) => void;

/** A running scripted server. */
export interface ScriptServer {
  /** `http://127.0.0.1:<port>/v1` */
  apiUrl: string;
  port: number;
  received: ReceivedRequest[];
  /** Queues answers for the next requests, in order. */
  script(...responders: Responder[]): void;
  /** Answers every request the queue does not cover (by default a 599 naming the request). */
  otherwise(responder: Responder): void;
  close(): Promise<void>;
}

/** Starts a server on an ephemeral port. */
export async function startScriptServer(): Promise<ScriptServer> {
  const queue: Responder[] = [];
  let fallback: Responder = (request, response) =>
    json(599, { errors: [{ code: 'unscripted', message: `No answer scripted for ${request.method} ${request.url}` }] })(request, response);
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(request);
      (queue.shift() ?? fallback)(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/v1`,
    port,
    received,
    script: (...responders) => queue.push(...responders),
    otherwise: (responder) => {
      fallback = responder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body (Content-Type exactly `application/json`, as Clerk sends it). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** Answers 200 with the JSON body listed for the request's path (404 for other paths). */
export function byPath(bodies: Record<string, unknown>): Responder {
  return (request, response) => {
    const path = new URL(request.url, 'http://script.local').pathname;
    json(path in bodies ? 200 : 404, bodies[path] ?? { errors: [{ code: 'resource_not_found', message: path }] })(request, response);
  };
}

/** Answers with a raw text body. */
export function text(status: number, body: string, contentType = 'text/html'): Responder {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': contentType });
    response.end(body);
  };
}

/** Closes the connection without answering. */
export function drop(): Responder {
  return (_request, response) => response.socket?.destroy();
}

/** Never answers (until the server closes). */
export function hang(): Responder {
  return () => undefined;
}

/** Clerk's error envelope. */
export function clerkErrors(code: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { errors: [{ code, message, long_message: `${message} (long)`, meta: {} }], clerk_trace_id: 'trace_123', ...extra };
}

/** What a {@link stream} responder sent, as the server saw it. */
export interface StreamStats {
  /** Bytes handed to the socket (the kernel may still hold some of them). */
  bytesWritten: number;
  /** The connection closed before the whole body was written. */
  closedEarly: boolean;
  /** Resolves when the response is over (written whole, or its connection closed). */
  finished: Promise<void>;
}

/**
 * Answers 200 with `total` bytes of a JSON array of strings, written in 64 KiB chunks with
 * backpressure (so a client that stops reading stops the server), chunked unless `contentLength`.
 */
export function stream(total: number, options: { contentLength?: boolean } = {}): { responder: Responder; stats: StreamStats } {
  let finish = () => {};
  const stats: StreamStats = { bytesWritten: 0, closedEarly: false, finished: new Promise<void>((resolve) => (finish = resolve)) };
  const chunk = Buffer.alloc(64 * 1024, 'a');
  chunk[0] = 0x5b; // '['
  const responder: Responder = (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', ...(options.contentLength ? { 'Content-Length': String(total) } : {}) });
    let closed = false;
    response.on('close', () => {
      closed = true;
      if (stats.bytesWritten < total) stats.closedEarly = true;
      finish();
    });
    const pump = () => {
      while (!closed && stats.bytesWritten < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - stats.bytesWritten));
        stats.bytesWritten += part.length;
        if (!response.write(part)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!closed) response.end();
    };
    pump();
  };
  return { responder, stats };
}

/** The secret key the scripted clients send. */
export const SCRIPT_KEY = 'sk_test_QmFzZTY0U2VjcmV0S2V5Rm9yVGVzdHM';

/**
 * A client against `server` whose retry waits are recorded instead of slept (jitter fixed at the
 * middle); every call it sends is also pushed onto `calls`, when given.
 */
export function scriptedClient(server: ScriptServer, overrides: Partial<ClerkClientOptions> = {}, calls?: ClerkCall[]) {
  const waits: number[] = [];
  const record: ClerkMiddleware = (call, next) => {
    calls?.push(call);
    return next(call);
  };
  const client = createClerkClient({
    apiUrl: server.apiUrl,
    secretKey: async () => SCRIPT_KEY,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...overrides,
    middleware: [record, ...(overrides.middleware ?? [])],
  });
  return { client, waits };
}
