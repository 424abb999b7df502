/**
 * Routes and their matching. A route's `template` is the seed list's path template (e.g.
 * `/users/{user_id}/ban`), which is also what the request log records.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxContext } from './context';
import type { JsonObject } from './types';
import type { QueryReader } from './validation/query';

/** HTTP methods routes use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler receives. */
export interface RouteRequest {
  ctx: SandboxContext;
  method: Method;
  params: Record<string, string>;
  query: QueryReader;
  /** The JSON body (`{}` when there is none). */
  body: JsonObject;
  /** The multipart body, for upload routes. */
  form?: FormData;
  headers: IncomingHttpHeaders;
}

/** A response body that is already JSON (the stored documents), sent as is. */
export class RawJson {
  constructor(readonly json: string | Uint8Array) {}
}

/** A non-JSON response (images, HTML). */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly body: Uint8Array | string,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A handler's result: a value to serialize as JSON, or a raw body. */
export type RouteResult = RawJson | RawBody | object;

/** One endpoint. */
export interface Route {
  method: Method;
  template: string;
  /** `multipart` for uploads; JSON otherwise. */
  body?: 'json' | 'multipart';
  handler: (req: RouteRequest) => RouteResult | Promise<RouteResult>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
  literals: number;
}

/** A matched route and its decoded path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Matches paths against templates; literal segments win over parameters (`/users/count`). */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes
      .map((route) => {
        const segments = route.template.split('/').slice(1);
        return { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** All routes, for listing. */
  list(): Route[] {
    return this.routes.map((r) => r.route);
  }

  /** The route for `method` + `path`, or undefined. */
  match(method: string, path: string): RouteMatch | undefined {
    const parts = path.split('/').slice(1);
    for (const compiled of this.routes) {
      if (compiled.route.method !== method || compiled.segments.length !== parts.length) continue;
      const params = matchSegments(compiled.segments, parts);
      if (params) return { route: compiled.route, params };
    }
    return undefined;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.startsWith('{')) {
      if (parts[i] === '') return undefined;
      try {
        params[segment.slice(1, -1)] = decodeURIComponent(parts[i]);
      } catch {
        return undefined;
      }
    } else if (segment !== parts[i]) {
      return undefined;
    }
  }
  return params;
}
