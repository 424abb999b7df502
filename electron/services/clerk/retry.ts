/**
 * When a failed attempt is worth repeating, and after how long. 429s are retried for any method
 * (Clerk did not process the request); 5xx and network failures only for GET, because a POST or
 * PATCH may have taken effect before the failure and repeating it could apply a change twice.
 */
import type { AppError } from '../../../shared/ipc/errors';
import type { HttpMethod } from './call';

/** The knobs of {@link retryDelay}. */
export interface RetryPolicy {
  maxRetries: number;
  /** The longest wait the client accepts (a longer `Retry-After` is thrown to the caller instead). */
  maxWaitMs: number;
  /** Returns a number in [0, 1) for jitter. */
  random: () => number;
}

/** The first retry's backoff (then ×{@link BACKOFF_FACTOR} per retry, ±25% jitter), as Clerk's spec advises. */
export const INITIAL_BACKOFF_MS = 500;
/** How much each further retry's backoff grows. */
export const BACKOFF_FACTOR = 1.5;

/** Milliseconds to wait before retry number `retry` (0-based) of a failed attempt, or `undefined` to give up. */
export function retryDelay(method: HttpMethod, error: AppError, retry: number, policy: RetryPolicy): number | undefined {
  if (retry >= policy.maxRetries) return undefined;
  if (error.kind === 'clerk' && error.status === 429) {
    // Never sooner than the backoff: `Retry-After: 0` (or a missing or unreadable value) from a
    // server that is shedding load would otherwise have every retry fired at once.
    const waitMs = Math.max(error.retryAfter !== undefined ? error.retryAfter * 1000 : 0, backoff(retry, policy));
    return waitMs <= policy.maxWaitMs ? waitMs : undefined;
  }
  if (method !== 'GET') return undefined;
  const transient =
    (error.kind === 'clerk' && (error.status ?? 0) >= 500) ||
    (error.kind === 'network' && (error.code === 'network_error' || error.code === 'timeout'));
  return transient ? backoff(retry, policy) : undefined;
}

// Exponential with ±25% jitter, so several clients that failed together do not retry together.
function backoff(retry: number, policy: RetryPolicy): number {
  const base = INITIAL_BACKOFF_MS * BACKOFF_FACTOR ** retry;
  return Math.min(policy.maxWaitMs, Math.round(base * (0.75 + policy.random() * 0.5)));
}
