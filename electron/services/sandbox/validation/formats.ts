/**
 * Format rules of Clerk identifiers and values: E.164 phone numbers, email addresses, web3
 * wallets, usernames, organization slugs, redirect URLs and RFC 3339 times.
 */

// The user-field rules are Clerk's, shared with the app's forms and imports: one definition.
export { isE164, isEmailAddress, isWeb3Wallet, parseRfc3339, usernameProblem } from '../../../../shared/clerk/user-rules';

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

/** Does a name contain a URL or HTML (not allowed in organization names)? */
export function containsUrlOrHtml(value: string): boolean {
  return /<[^>]*>/.test(value) || /\b[a-z][a-z0-9+.-]*:\/\//i.test(value) || /\bwww\./i.test(value);
}
