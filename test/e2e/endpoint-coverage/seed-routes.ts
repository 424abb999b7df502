/**
 * The seed's endpoint list (seed-endpoints.txt, vendored beside this file) and the matcher that
 * names the route template of a request path: `/users/user_2x/ban` → `/users/{user_id}/ban`, a
 * literal segment winning over a `{param}` (`/users/count` is not a user id). Plain Node, no
 * Playwright, so the unit tests and the e2e run use the same code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One endpoint of the list. */
export interface Endpoint {
  method: string;
  /** The path template, e.g. `/users/{user_id}/ban`. */
  template: string;
}

/** The vendored list's file. */
export const SEED_ENDPOINTS_FILE = resolve(import.meta.dirname, 'seed-endpoints.txt');

/** `METHOD /path` lines into endpoints; blank lines and `#` comments are skipped, anything else is refused. */
export function parseEndpointList(text: string): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(line);
    if (!match) throw new Error(`${SEED_ENDPOINTS_FILE}:${index + 1}: not a "METHOD /path" line: ${line}`);
    endpoints.push({ method: match[1], template: match[2] });
  }
  return endpoints;
}

let seed: Endpoint[] | undefined;

/** The seed's 50 endpoints, in the seed's order. */
export function seedEndpoints(): Endpoint[] {
  seed ??= parseEndpointList(readFileSync(SEED_ENDPOINTS_FILE, 'utf8'));
  return seed;
}

/** `GET /users/{user_id}`: how an endpoint is written in the list and in reports. */
export function endpointKey(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.template}`;
}

const segmentsOf = (path: string) => path.split('/').slice(1);
const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** The path below the API's version segment: `/v1/users` → `/users` (the app's base URLs end in `/v1`). */
export function apiPath(pathname: string): string {
  return pathname === '/v1' ? '/' : pathname.startsWith('/v1/') ? pathname.slice(3) : pathname;
}

/**
 * The template of `endpoints` that `method` and `path` (below `/v1`, no query) match, or null.
 * Of several matches, the one with a literal segment where the others have a param wins, from the left.
 */
export function matchRoute(method: string, path: string, endpoints: readonly Endpoint[] = seedEndpoints()): string | null {
  const segments = segmentsOf(path);
  const candidates = endpoints.filter((endpoint) => {
    if (endpoint.method !== method.toUpperCase()) return false;
    const template = segmentsOf(endpoint.template);
    return template.length === segments.length && template.every((part, i) => (isParam(part) ? segments[i] !== '' : part === segments[i]));
  });
  candidates.sort((a, b) => {
    const [left, right] = [segmentsOf(a.template), segmentsOf(b.template)];
    for (let i = 0; i < left.length; i++) {
      if (isParam(left[i]) !== isParam(right[i])) return isParam(left[i]) ? 1 : -1;
    }
    return 0;
  });
  return candidates[0]?.template ?? null;
}
