/**
 * The `app://` scheme the renderer is served from instead of `file://`: a standard, secure origin of
 * its own (so the CSP's 'self' and the IPC sender check mean exactly our page), answering only with
 * files inside the built renderer folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';

/** The scheme of the renderer's origin. */
export const APP_SCHEME = 'app';
/** The one host the scheme answers for. */
export const APP_HOST = 'clerk-admin';
/** The renderer's origin, as the IPC sender check compares it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Standard (a real origin, relative URLs resolve), secure (a secure context, like https), and able to
 * serve the module scripts and fetches Vite's output makes. Never bypassCSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file inside `root` that an `app://` URL names, or undefined when the URL is not ours or its path
 * would leave `root`: `..` or `.` segments (plain or percent-encoded), encoded slashes or backslashes,
 * NUL, drive letters, empty segments (`//etc/passwd`), a symlink pointing outside, or anything that is
 * not a regular file. `/` names `index.html`.
 */
export function resolveAppPath(root: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return undefined;

  const raw = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
  if (!raw.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const encoded of raw.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return undefined;
    segments.push(segment);
  }

  try {
    const realRoot = realpathSync(root);
    const candidate = join(realRoot, ...segments);
    if (!isInside(realRoot, candidate)) return undefined;
    // The lexical check passed; the real path catches a symlink that points out of the folder.
    const real = realpathSync(candidate);
    if (!isInside(realRoot, real) || !statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/** The `protocol.handle` handler: GET/HEAD for files under `root`, each response carrying the CSP. */
export function appProtocolHandler(root: string, csp: string): (request: Request) => Promise<Response> {
  const headers = (contentType: string) => ({
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: headers('text/plain') });
    const file = resolveAppPath(root, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: headers(type) });
  };
}

/** Declares the scheme privileged; Electron allows this only before the app is ready, and only once. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serves the built renderer folder on `app://` (after ready). */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string, csp: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(root, csp));
}
