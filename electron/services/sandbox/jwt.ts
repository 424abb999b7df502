/**
 * RS256 JSON Web Tokens signed with the instance key: session tokens from JWT templates and
 * sign-in tokens. `verifyJwt` checks signature and time claims, so the Sandbox (and tests) can
 * verify what it issued; the public key is also published as a JWKS.
 */
import { createPublicKey, sign, verify } from 'node:crypto';

/** JWT claims. */
export type JwtClaims = Record<string, unknown>;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Signs `claims` with an RSA private key (PEM) as an RS256 JWT. */
export function signJwt(claims: JwtClaims, privateKeyPem: string, keyId: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keyId }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKeyPem);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** Why a token was rejected. */
export class JwtError extends Error {
  override name = 'JwtError';
}

/**
 * Verifies an RS256 JWT against a public key (PEM) at time `nowMs`, allowing `skewSeconds` of
 * clock skew on `exp`/`nbf`. Returns the claims or throws JwtError.
 */
export function verifyJwt(token: string, publicKeyPem: string, nowMs: number, skewSeconds = 5): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('not a JWT (expected three dot-separated parts)');
  const [headerPart, payloadPart, signaturePart] = parts;
  let header: { alg?: string };
  let claims: JwtClaims;
  try {
    header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError('malformed JWT header or payload');
  }
  if (header.alg !== 'RS256') throw new JwtError(`unsupported algorithm ${String(header.alg)}`);
  const valid = verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), publicKeyPem, Buffer.from(signaturePart, 'base64url'));
  if (!valid) throw new JwtError('invalid signature');
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp === 'number' && now > claims.exp + skewSeconds) throw new JwtError('token expired');
  if (typeof claims.nbf === 'number' && now + skewSeconds < claims.nbf) throw new JwtError('token not yet valid');
  return claims;
}

/** The public key as a JWKS (what GET /v1/jwks returns). */
export function jwks(publicKeyPem: string, keyId: string): { keys: JwtClaims[] } {
  const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' });
  return { keys: [{ ...jwk, use: 'sig', kid: keyId, alg: 'RS256' }] };
}

/**
 * Resolves Clerk template shortcodes in claims: a string that is exactly `{{user.x.y}}` takes the
 * value (any JSON type); shortcodes inside longer strings are interpolated as text.
 */
export function resolveShortcodes(claims: unknown, lookup: (path: string) => unknown): unknown {
  if (typeof claims === 'string') {
    const whole = /^\{\{\s*([\w.]+)\s*\}\}$/.exec(claims);
    if (whole) return lookup(whole[1]) ?? null;
    return claims.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => {
      const value = lookup(path);
      return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    });
  }
  if (Array.isArray(claims)) return claims.map((item) => resolveShortcodes(item, lookup));
  if (claims && typeof claims === 'object') {
    return Object.fromEntries(Object.entries(claims).map(([key, value]) => [key, resolveShortcodes(value, lookup)]));
  }
  return claims;
}
