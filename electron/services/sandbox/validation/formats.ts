/**
 * Format rules of Clerk identifiers and values: E.164 phone numbers, email addresses, web3
 * wallets, usernames, organization slugs, redirect URLs and RFC 3339 times.
 */

/** E.164: `+`, a non-zero country digit, at most 15 digits in all (Clerk requires this form). */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}

/** A pragmatic email check (local part, `@`, a dotted domain; no spaces). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value);
}

/** An Ethereum-style wallet address, `0x` and 40 hex digits. */
export function isWeb3Wallet(value: string): boolean {
  return /^0x[0-9a-fA-F]{40}$/.test(value);
}

/** Why a username is invalid (`length` or `character`), or undefined when it is fine. */
export function usernameProblem(value: string): 'length' | 'character' | undefined {
  if (value.length < 4 || value.length > 64) return 'length';
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return 'character';
  return undefined;
}

/** Organization slug rule: lower-case letters, digits and `-` only (Clerk's documented rule). */
export function isValidSlug(value: string): boolean {
  return value.length > 0 && value.length <= 256 && /^[a-z0-9-]+$/.test(value);
}

/** A slug derived from a name: lower case, runs of other characters become one `-`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'organization';
}

/**
 * Redirect URL rule: `https://…`, or a custom scheme such as `my-app://callback`; plain `http://`
 * only for localhost (development instances allow it). Returns a reason when invalid.
 */
export function redirectUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'https') return url.hostname ? undefined : 'has no host';
  if (scheme === 'http') {
    return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ? undefined : 'must use https:// (http:// is only allowed for localhost)';
  }
  if (['javascript', 'data', 'file', 'blob', 'about', 'vbscript'].includes(scheme)) return `uses the forbidden scheme ${scheme}:`;
  // A custom scheme must come with `://` like a mobile deep link.
  return value.startsWith(`${scheme}://`) && value.length > scheme.length + 3 ? undefined : 'must start with https:// or a custom scheme such as my-app://';
}

/** Parses an RFC 3339 date-time to ms, or undefined when it is not one. */
export function parseRfc3339(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Does a name contain a URL or HTML (not allowed in organization names)? */
export function containsUrlOrHtml(value: string): boolean {
  return /<[^>]*>/.test(value) || /\b[a-z][a-z0-9+.-]*:\/\//i.test(value) || /\bwww\./i.test(value);
}
