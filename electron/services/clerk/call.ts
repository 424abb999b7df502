/**
 * The shape of one Backend API call as it travels through the client's pipeline, and the
 * middleware signature that lets cross-cutting concerns (the audit log) wrap every call
 * without each feature having to remember them.
 */

import type { HttpMethod, QueryParams } from '../../../shared/clerk/http';

export type { HttpMethod, QueryParams, QueryValue } from '../../../shared/clerk/http';

/** One Backend API call, described before it is sent. */
export interface ClerkCall {
  method: HttpMethod;
  /** The concrete path below the base URL, e.g. `/users/user_123/ban` (no query string). */
  path: string;
  /** The path template of the seed list, e.g. `/users/{user_id}/ban`. */
  route: string;
  query?: QueryParams;
  /** A JSON body (sent with `Content-Type: application/json`). */
  body?: unknown;
  /** A multipart body (uploads); mutually exclusive with `body`. */
  form?: FormData;
  /** Semantic action for the audit log, e.g. `users.ban`, `organizations.logo.update`. */
  action?: string;
  /** What the call acts on, for the audit log. */
  target?: { type: string; id?: string };
  /** A read that must be audited like a change (a user's OAuth access tokens). */
  sensitive?: boolean;
  /** Per-record pacing (from the operation's `perUserLimit`): calls with the same key share a sliding window. */
  pacing?: { key: string; requests: number; windowMs: number };
  /** For updates and deletes: the path to GET for the record's state before and after the change. */
  statePath?: string;
  /** The route template of `statePath` (from the operation), e.g. `/users/{user_id}`. */
  stateRoute?: string;
  /** The query of the state's GET (from the operation's `stateQuery`). */
  stateQuery?: QueryParams;
  /** The state is the only item of the state GET's page (`data[0]`, or null). */
  stateItem?: boolean;
  /** The operation destroys data or access (from the operation; guardrails read it). */
  destructive?: boolean;
  /** Ties the calls of one bulk operation together in the audit log. */
  bulkId?: string;
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
}

/** A successful (2xx) response, already parsed. */
export interface ClerkResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  durationMs: number;
}

/** Wraps the sending of a call; must call `next` at most once per attempt it wants to make. */
export type ClerkMiddleware = (call: ClerkCall, next: (call: ClerkCall) => Promise<ClerkResponse>) => Promise<ClerkResponse>;
