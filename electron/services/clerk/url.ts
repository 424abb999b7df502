/**
 * Builds request URLs: the profile's base URL, the call's path and its query string, encoded the
 * way the Backend API expects (arrays as repeated keys, absent values left out).
 */
import { AppError } from '../../../shared/ipc/errors';
import type { QueryParams } from './call';

/** Encodes query parameters: arrays as repeated keys, `undefined`/`null` dropped, booleans as `true`/`false`. */
export function encodeQuery(params: QueryParams | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'number' && !Number.isFinite(item)) {
        throw new AppError({ kind: 'validation', message: `Query parameter ${key} must be a finite number.`, paramName: key });
      }
      search.append(key, String(item));
    }
  }
  return search.toString();
}

/**
 * Joins the base URL (which may carry its own path, e.g. `/v1`), a call path and its query. Dot
 * segments are refused, even percent-encoded, because URL parsing would resolve them and let an
 * ID such as `..` escape the resource it names.
 */
export function buildUrl(apiUrl: string, path: string, query?: QueryParams): URL {
  if (!path.startsWith('/') || /[?#]/.test(path)) {
    throw new AppError({ kind: 'validation', message: `Invalid API path "${path}": it must start with "/" and carry no query or fragment.` });
  }
  if (path.split('/').some((segment) => ['.', '..'].includes(segment.replace(/%2e/gi, '.')))) {
    throw new AppError({ kind: 'validation', message: `Invalid API path "${path}": "." and ".." segments are not allowed.` });
  }
  let url: URL;
  try {
    url = new URL(apiUrl.replace(/\/+$/, '') + path);
  } catch {
    throw new AppError({ kind: 'validation', message: `Invalid API URL "${apiUrl}".` });
  }
  url.search = encodeQuery(query);
  return url;
}
