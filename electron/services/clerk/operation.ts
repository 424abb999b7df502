/**
 * A Backend API operation, declared once: its method, route template, the audit action and target
 * type it records, the route whose GET gives the record's state before and after a change, and
 * whether it is destructive. From the declaration the client builds the concrete path (the template
 * filled from named params), the audit fields of the call and its result type, so no feature spells
 * a path, a route or an audit action by hand.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkCall, HttpMethod, QueryParams } from './call';

/** The `{param}` names of a route template: `'/users/{user_id}/ban'` → `'user_id'`. */
export type RouteParamNames<Route extends string> = Route extends `${string}{${infer Name}}${infer Rest}` ? Name | RouteParamNames<Rest> : never;

/** The named params a route template needs, e.g. `{ user_id: string }`. */
export type RouteParams<Route extends string> = { [Name in RouteParamNames<Route>]: string };

/** One Backend API operation (see the module comment). */
export interface Operation<Route extends string = string, Result = unknown> {
  readonly method: HttpMethod;
  /** The path template of the seed list, e.g. `/users/{user_id}/ban`. */
  readonly route: Route;
  /** The semantic audit action, e.g. `users.ban`; a change without one is recorded as `METHOD route`. */
  readonly action?: string;
  /** What the operation acts on: the audit target type, and the route param holding its id. */
  readonly target?: { readonly type: string; readonly idParam?: RouteParamNames<Route> };
  /**
   * For changes: the route whose GET gives the record's state before and after (its params are
   * filled from the operation's own), e.g. `/users/{user_id}` for a ban.
   */
  readonly stateRoute?: string;
  /**
   * A query for the state route's GET, each value the name of one of the route's params: a
   * membership's state is read from its organization's list filtered by `{ user_id: 'user_id' }`.
   */
  readonly stateQuery?: Readonly<Record<string, RouteParamNames<Route>>>;
  /** The state is the only item of the state route's page (`data[0]`, null when there is none). */
  readonly stateItem?: boolean;
  /** True when the change destroys data or access (a ban, a delete): guardrails ask for a confirmation. */
  readonly destructive: boolean;
  /** A read that must be audited like a change (a user's OAuth access tokens). */
  readonly sensitive?: boolean;
  /**
   * Clerk's per-record limit (10 updates per 10 s per user): calls with the same value of `param`
   * share a sliding window and wait for it (clerk/key-budget.ts) instead of getting a 429.
   */
  readonly perUserLimit?: { readonly param: RouteParamNames<Route>; readonly requests: number; readonly windowMs: number };
  /** Never set at runtime; only carries the result type (from shared/clerk's generated types). */
  readonly result?: Result;
}

/** The params an operation needs. */
export type OperationParams<Op> = Op extends Operation<infer Route, unknown> ? RouteParams<Route> : never;
/** What an operation answers with. */
export type OperationResult<Op> = Op extends Operation<string, infer Result> ? Result : never;

/** What a run adds to the operation and its params. */
export interface RunOptions {
  query?: QueryParams;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (uploads). */
  form?: FormData;
  /** Ties the calls of one bulk operation together in the audit log. */
  bulkId?: string;
  /**
   * The audit target's id when the route has none to name it (a create whose target is named in
   * its body: `POST /sign_in_tokens` acts on the user of `user_id`).
   */
  targetId?: string;
  signal?: AbortSignal;
}

/**
 * Declares an operation answering with `Result`:
 * `operation<User>()({ method: 'POST', route: '/users/{user_id}/ban', … })`. A state route that
 * needs a param the route does not have is refused when the declaration is loaded.
 */
export function operation<Result>() {
  return <const Route extends string>(spec: Omit<Operation<Route, Result>, 'result'>): Operation<Route, Result> => {
    if (spec.stateRoute !== undefined) {
      const known = new Set(paramNames(spec.route));
      const unknown = paramNames(spec.stateRoute).filter((name) => !known.has(name));
      if (unknown.length) throw new Error(`${spec.method} ${spec.route}: its state route ${spec.stateRoute} needs {${unknown.join('}, {')}}, which the route does not have.`);
    }
    return spec;
  };
}

/** The `{param}` names of a route template, in order. */
export function paramNames(route: string): string[] {
  return [...route.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

/** Fills a route template from named params, each encoded as one path segment. */
export function fillRoute(route: string, params: Readonly<Record<string, string>>): string {
  return route.replace(/\{([^}]+)\}/g, (_template, name: string) => {
    const value = params[name];
    // An empty segment would address another route (`/users//ban`): refused, never sent.
    if (typeof value !== 'string' || value === '') {
      throw new AppError({ kind: 'validation', code: 'missing_path_param', message: `${route} needs a value for {${name}}.`, paramName: name });
    }
    return encodeURIComponent(value);
  });
}

/** The call the client sends for an operation: its path, route, audit fields and state route. */
export function operationCall<Op extends Operation>(op: Op, params: OperationParams<Op>, options: RunOptions = {}): ClerkCall {
  const values = params as Readonly<Record<string, string>>;
  const idParam = op.target?.idParam as string | undefined;
  return {
    method: op.method,
    path: fillRoute(op.route, values),
    route: op.route,
    query: options.query,
    body: options.body,
    form: options.form,
    action: op.action,
    target: op.target ? { type: op.target.type, ...targetIdOf(values, idParam, options.targetId) } : undefined,
    sensitive: op.sensitive,
    pacing: pacingOf(op, values),
    statePath: op.stateRoute === undefined ? undefined : fillRoute(op.stateRoute, values),
    stateRoute: op.stateRoute,
    stateQuery: op.stateQuery && Object.fromEntries(Object.entries(op.stateQuery).map(([key, name]) => [key, values[name as string]])),
    stateItem: op.stateItem,
    destructive: op.destructive,
    bulkId: options.bulkId,
    signal: options.signal,
  };
}

/** The target's id: from its route param, else from the run's `targetId`, else none. */
function targetIdOf(values: Readonly<Record<string, string>>, idParam: string | undefined, targetId: string | undefined): { id?: string } {
  if (idParam) return { id: values[idParam] };
  return targetId === undefined ? {} : { id: targetId };
}

/** The per-record pacing of a call: its key names the param and its value, so PATCH /users/{id} and its /metadata share one window. */
function pacingOf(op: Operation, values: Readonly<Record<string, string>>): ClerkCall['pacing'] {
  const limit = op.perUserLimit;
  if (!limit) return undefined;
  return { key: `${limit.param}=${values[limit.param]}`, requests: limit.requests, windowMs: limit.windowMs };
}
