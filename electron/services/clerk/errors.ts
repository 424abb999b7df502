/**
 * Turns what went wrong on the wire into an {@link AppError}: Clerk's error envelope into kind
 * `clerk` (keeping its codes, `meta.param_name` and trace id), and unreachable hosts, timeouts and
 * unreadable answers into kind `network` with a message naming the host.
 */
import { AppError, type ClerkErrorItem } from '../../../shared/ipc/errors';

/** Codes the client puts on `network` errors, so the UI can tell them apart. */
export type NetworkErrorCode = 'network_error' | 'timeout' | 'request_cancelled' | 'response_unreadable' | 'response_too_large' | 'redirected';

/** `Retry-After` as whole seconds; anything else (dates, fractions, junk) is ignored, as the official SDK does. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number.parseInt(header, 10);
}

/** The error for a non-2xx answer, from its status, headers and raw body text. */
export function clerkApiError(status: number, headers: Headers, bodyText: string, host: string): AppError {
  const envelope = parseEnvelope(bodyText);
  const retryAfter = parseRetryAfter(headers.get('retry-after'));
  const traceId = envelope?.traceId ?? headers.get('cf-ray') ?? undefined;
  const first = envelope?.errors[0];
  if (!envelope || !first) {
    return new AppError({
      kind: 'clerk',
      status,
      traceId,
      retryAfter,
      message: `${host} answered HTTP ${status} without Clerk's error details.`,
    });
  }
  return new AppError({
    kind: 'clerk',
    status,
    code: first.code,
    message: first.message || `${host} answered HTTP ${status}.`,
    longMessage: first.longMessage,
    paramName: first.paramName,
    traceId,
    retryAfter,
    errors: envelope.errors,
  });
}

/** A `network` error: the host could not be reached, did not answer in time, or answered unreadably. */
export function networkError(code: NetworkErrorCode, message: string): AppError {
  return new AppError({ kind: 'network', code, message });
}

/** A readable reason for a failed `fetch` (connection refused, DNS, TLS, dropped connection, …). */
export function describeFetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the server running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be resolved (DNS)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'the connection was closed unexpectedly';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'the connection timed out';
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `the TLS handshake failed (${code})`;
  return code ? `${detail} (${code})` : detail;
}

/** Returns the error with every occurrence of the secret replaced, in case a server or library echoed it. */
export function withoutSecret(error: AppError, secret: string): AppError {
  if (secret.length === 0) return error;
  const detail = error.toIpcError();
  if (!JSON.stringify(detail).includes(secret) && !(error.stack ?? '').includes(secret)) return error;
  const clean = new AppError(scrub(detail, secret));
  clean.stack = scrub(error.stack, secret);
  return clean;
}

function scrub<T>(value: T, secret: string): T {
  if (typeof value === 'string') return value.split(secret).join('[secret key]') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrub(item, secret)) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secret)])) as T;
  return value;
}

interface Envelope {
  errors: ClerkErrorItem[];
  traceId?: string;
}

function parseEnvelope(bodyText: string): Envelope | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (!isRecord(body) || !Array.isArray(body.errors)) return undefined;
  return {
    errors: body.errors.filter(isRecord).map(toErrorItem),
    traceId: typeof body.clerk_trace_id === 'string' && body.clerk_trace_id ? body.clerk_trace_id : undefined,
  };
}

function toErrorItem(raw: Record<string, unknown>): ClerkErrorItem {
  const meta = isRecord(raw.meta) ? camelKeys(raw.meta) : undefined;
  const item: ClerkErrorItem = { code: String(raw.code ?? ''), message: String(raw.message ?? '') };
  if (typeof raw.long_message === 'string') item.longMessage = raw.long_message;
  if (typeof meta?.paramName === 'string') item.paramName = meta.paramName;
  if (meta && Object.keys(meta).length > 0) item.meta = meta;
  return item;
}

function camelKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), value]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
