/**
 * The renderer's Content-Security-Policy. The renderer needs nothing remote: every API call goes
 * through main, so `connect-src` is closed. Images may come from Clerk's image CDN and from the
 * built-in Sandbox on loopback. Naive UI injects its styles at runtime, hence 'unsafe-inline' for
 * styles only (never for scripts).
 */
export function contentSecurityPolicy(options: { dev?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https://img.clerk.com', 'http://127.0.0.1:*'],
    'font-src': ["'self'", 'data:'],
    'connect-src': options.dev ? ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'] : ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'worker-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
