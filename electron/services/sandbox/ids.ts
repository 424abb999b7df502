/**
 * Clerk-style identifiers: `<prefix>_<27 base62 chars>`, a KSUID (4-byte timestamp + 16 random
 * bytes) in base62, so IDs sort roughly by creation time like Clerk's do.
 */
import { randomBytes } from 'node:crypto';

/** The base62 alphabet KSUIDs use (digits, upper case, lower case). */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** KSUID epoch (2014-05-13T16:53:20Z) in seconds. */
const KSUID_EPOCH_SECONDS = 1_400_000_000;

/** Matches any Sandbox/Clerk-style ID, e.g. `user_2g7np7Hrk0SN6kj5EDMLDaKNL0S` or `sess_activity_…`. */
export const CLERK_ID_PATTERN = /^[a-z]+(?:_[a-z]+)*_[0-9A-Za-z]{27}$/;

/** Supplies random bytes; the seed passes a deterministic one. */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * Encodes 20 bytes as 27 base62 characters (zero-padded), using long division over 32-bit words
 * (BigInt would be several times slower when the seed mints hundreds of thousands of IDs).
 */
export function encodeKsuidBytes(bytes: Uint8Array): string {
  if (bytes.length !== 20) throw new Error(`a KSUID is 20 bytes, got ${bytes.length}`);
  const words = new Array<number>(5);
  for (let i = 0; i < 5; i++) {
    words[i] = ((bytes[i * 4] << 24) | (bytes[i * 4 + 1] << 16) | (bytes[i * 4 + 2] << 8) | bytes[i * 4 + 3]) >>> 0;
  }
  const out = new Array<string>(27);
  for (let pos = 26; pos >= 0; pos--) {
    let remainder = 0;
    for (let i = 0; i < 5; i++) {
      const value = remainder * 0x1_0000_0000 + words[i];
      words[i] = Math.floor(value / 62);
      remainder = value % 62;
    }
    out[pos] = BASE62_ALPHABET[remainder];
  }
  return out.join('');
}

/** A 27-character KSUID for the given time (ms) and 16 bytes of payload. */
export function ksuid(timeMs: number, payload: Uint8Array): string {
  if (payload.length !== 16) throw new Error(`a KSUID payload is 16 bytes, got ${payload.length}`);
  const bytes = new Uint8Array(20);
  const seconds = Math.max(0, Math.floor(timeMs / 1000) - KSUID_EPOCH_SECONDS);
  bytes[0] = (seconds >>> 24) & 0xff;
  bytes[1] = (seconds >>> 16) & 0xff;
  bytes[2] = (seconds >>> 8) & 0xff;
  bytes[3] = seconds & 0xff;
  bytes.set(payload, 4);
  return encodeKsuidBytes(bytes);
}

/** A new ID such as `user_…` for an object created at `timeMs`. */
export function newId(prefix: string, timeMs: number, random: RandomBytes = randomBytes): string {
  return `${prefix}_${ksuid(timeMs, random(16))}`;
}

/** `length` uniformly random base62 characters (rejection sampling, so no modulo bias). */
export function randomBase62(length: number, random: RandomBytes = randomBytes): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62_ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Prefixes of the objects the Sandbox mints. */
export const ID_PREFIX = {
  user: 'user',
  identification: 'idn',
  externalAccount: 'eac',
  organization: 'org',
  membership: 'orgmem',
  samlConnection: 'samlc',
  session: 'sess',
  sessionActivity: 'sess_activity',
  client: 'client',
  signInToken: 'sit',
  signUp: 'sua',
  redirectUrl: 'ru',
  proxyCheck: 'proxychk',
  jwtTemplate: 'jtmp',
  domain: 'dmn',
  instance: 'ins',
  image: 'img',
} as const;
