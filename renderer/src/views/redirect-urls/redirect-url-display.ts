/** How a redirect URL reads: a web callback, a development (localhost) one, or a native app's scheme. */

/** A URL's kind with its tag colour. */
export interface RedirectUrlKind {
  label: string;
  type: 'success' | 'warning' | 'info' | 'default';
}

/** The kind of an allowed redirect URL. */
export function redirectUrlKind(url: string): RedirectUrlKind {
  const scheme = url.slice(0, Math.max(0, url.indexOf(':'))).toLowerCase();
  if (scheme === 'https') return { label: 'Web (https)', type: 'success' };
  if (scheme === 'http') return { label: 'Development', type: 'warning' };
  return { label: `App (${scheme}://)`, type: 'info' };
}
