/**
 * Reads a JWT's header and claims for display (issue 12, item 2). No JOSE library is installed and
 * reading needs no crypto, so this only base64url-decodes the first two segments: it does NOT
 * verify the signature, and the UI says so ("Decoded, not verified").
 */

/** A JWT's readable parts. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** The UTF-8 text of a base64url segment (RFC 7515 §2: no padding, `-` and `_`). */
export function base64UrlDecode(segment: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) throw new Error('Not base64url.');
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function jsonObject(segment: string, part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(base64UrlDecode(segment));
  } catch {
    throw new Error(`The token's ${part} is not base64url-encoded JSON.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`The token's ${part} is not a JSON object.`);
  return value as Record<string, unknown>;
}

/** The header and claims of a compact JWS (`header.claims.signature`); throws with the reason when it is not one. */
export function decodeJwt(jwt: string): DecodedJwt {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) throw new Error('A JWT has three parts separated by dots.');
  return { header: jsonObject(parts[0], 'header'), claims: jsonObject(parts[1], 'claims') };
}

/** The registered claims that are times (seconds since the epoch). */
export const TIME_CLAIMS = ['iat', 'nbf', 'exp'] as const;

/** `iat`/`nbf`/`exp` as milliseconds when they are numbers (for formatTime), in that order. */
export function claimTimes(claims: Record<string, unknown>): { claim: (typeof TIME_CLAIMS)[number]; at: number }[] {
  return TIME_CLAIMS.flatMap((claim) => {
    const value = claims[claim];
    return typeof value === 'number' && Number.isFinite(value) ? [{ claim, at: value * 1000 }] : [];
  });
}
