/**
 * What Clerk allows as a redirect URL (issue 12, item 3), checked before any request: by the
 * `redirectUrls:create` channel schema and, next to the field, by the add form. It matches the
 * Sandbox's rule (electron/services/sandbox/validation/formats.ts): `https://…`, or a custom scheme
 * with `://` as a native app's deep link (`myapp://callback`); plain `http://` only on localhost,
 * 127.0.0.1 or [::1] (development instances allow it); script, data and file schemes never.
 */

/** Schemes that run code or read local data when followed: never a redirect target. */
export const FORBIDDEN_REDIRECT_SCHEMES = ['javascript', 'data', 'vbscript', 'file', 'blob', 'about'] as const;

/** Hosts where plain `http://` is allowed (a development machine). */
export const LOOPBACK_REDIRECT_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** The longest redirect URL the app sends (Clerk documents none; URLs past this are not real callbacks). */
export const REDIRECT_URL_MAX = 2048;

/** Why `value` is not a redirect URL Clerk allows, as a sentence for the field; undefined when it is allowed. */
export function redirectUrlProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Enter the redirect URL, such as https://example.com/callback or myapp://callback.';
  if (text.length > REDIRECT_URL_MAX) return `A redirect URL is at most ${REDIRECT_URL_MAX} characters.`;
  if (/\s/.test(text)) return 'A redirect URL has no spaces.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a URL: start it with https:// or a custom scheme such as myapp://.';
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if ((FORBIDDEN_REDIRECT_SCHEMES as readonly string[]).includes(scheme)) {
    return `${scheme}: URLs are refused: they run code or open local data instead of returning to your app. Use https:// or your app’s own scheme.`;
  }
  if (scheme === 'https') return url.hostname ? undefined : 'An https:// URL needs a host, such as https://example.com/callback.';
  if (scheme === 'http') {
    return (LOOPBACK_REDIRECT_HOSTS as readonly string[]).includes(url.hostname)
      ? undefined
      : 'Plain http:// is allowed only for localhost and 127.0.0.1 (development); use https://.';
  }
  // A custom scheme must come with `://` like a mobile deep link (myapp://callback).
  return text.toLowerCase().startsWith(`${scheme}://`) && text.length > scheme.length + 3
    ? undefined
    : `A custom scheme needs :// and a path, such as ${scheme}://callback.`;
}
