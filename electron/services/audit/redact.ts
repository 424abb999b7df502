/**
 * Removes secrets from anything about to be written to the audit log: values under secret-looking
 * keys (passwords, password digests, TOTP secrets, backup codes, tokens, JWTs, client secrets,
 * signing keys), JWT-shaped strings and Clerk keys anywhere, sign-in token URLs and ticket/token
 * query parameters. It also normalises the value to plain JSON data (Dates via `toJSON`, no
 * functions or `undefined`), so what is hashed is exactly what is stored.
 */

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

const SECRET_KEYS = new Set([
  'password',
  'passwords',
  'new_password',
  'current_password',
  'password_digest',
  'totp_secret',
  'secret',
  'secrets',
  'client_secret',
  'secret_key',
  'private_key',
  'api_key',
  'signing_key',
  'signing_secret',
  'backup_code',
  'backup_codes',
  'token',
  'tokens',
  'jwt',
  'jwts',
  'ticket',
  'code_verifier',
]);

// `*_token`, `*_tokens`, `*_secret`, `*_jwt`, `*_password`: access_token, token_secret's cousins, …
const SECRET_SUFFIX = /_(token|tokens|secret|secrets|jwt|password|digest)$/;
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const CLERK_KEY = /\b(?:sk|ak)_(?:live|test)_[A-Za-z0-9]+/g;
const MAYBE_SECRET = /eyJ|_live_|_test_|=/;
const TICKET_PARAM = /([?&#;](?:__clerk_ticket|__clerk_db_jwt|ticket|token)=)[^&#\s"']*/gi;

const secretKeyCache = new Map<string, boolean>();

/** Whether a property name holds a secret (`accessToken`, `password_digest`, `backup-codes`, …). */
export function isSecretKey(key: string): boolean {
  let secret = secretKeyCache.get(key);
  if (secret === undefined) {
    const normal = key
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/-/g, '_')
      .toLowerCase();
    secret = SECRET_KEYS.has(normal) || SECRET_SUFFIX.test(normal);
    // Records reuse a small vocabulary of keys; the bound keeps odd payloads from growing it forever.
    if (secretKeyCache.size < 10_000) secretKeyCache.set(key, secret);
  }
  return secret;
}

/** The string with JWTs, Clerk keys and ticket/token URL parameters masked. */
export function redactString(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text; // most strings: ids, names, paths
  return text
    .replace(JWT, `${REDACTED}`)
    .replace(CLERK_KEY, REDACTED)
    .replace(TICKET_PARAM, `$1${REDACTED}`);
}

/** A redacted, plain-JSON copy of `value` (the input is not modified). */
export function redactSecrets<T>(value: T): T {
  return walk(value, new Set()) as T;
}

function walk(value: unknown, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redactString(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      return value === null ? null : walkObject(value, ancestors);
    default:
      return undefined;
  }
}

function walkObject(value: object, ancestors: Set<object>): unknown {
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return walk(withJson.toJSON(), ancestors);
  if (ancestors.has(value)) throw new TypeError('The audit record contains a circular reference.');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => walk(item, ancestors) ?? null);
    const record = value as Record<string, unknown>;
    const isSignInToken = record.object === 'sign_in_token';
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) {
      if ((isSecretKey(key) || (isSignInToken && key === 'url')) && !isHarmless(item)) out[key] = REDACTED;
      else {
        const clean = walk(item, ancestors);
        if (clean !== undefined) out[key] = clean;
      }
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

/** Flags and empty values under a secret-looking key say nothing secret (`password: null`). */
function isHarmless(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'boolean' || value === '';
}
