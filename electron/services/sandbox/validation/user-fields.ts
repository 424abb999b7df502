/**
 * Checks shared by creating and updating users: identifier formats and uniqueness, usernames,
 * passwords and RFC 3339 times, each failing with Clerk's form error for that field.
 */
import type { SandboxDatabase } from '../db/database';
import { errors } from '../errors';
import { assertExternalIdFree, assertIdentifierFree, assertUsernameFree } from '../store/users';
import { isE164, isEmailAddress, isWeb3Wallet, parseRfc3339, usernameProblem } from './formats';

/** Password hashers Clerk can import digests from. */
export const PASSWORD_HASHERS = [
  'argon2i', 'argon2id', 'awscognito', 'bcrypt', 'bcrypt_sha256_django', 'hmac_sha256_utf16_b64', 'md5', 'md5_salted', 'md5_phpass',
  'pbkdf2_sha1', 'pbkdf2_sha256', 'pbkdf2_sha256_django', 'pbkdf2_sha512', 'pbkdf2_sha512_hex', 'phpass', 'scrypt_firebase', 'scrypt_werkzeug',
  'sha256', 'sha256_salted', 'sha512_symfony', 'ldap_ssha',
] as const;

/** Checks the format and uniqueness of an email address (422 otherwise). */
export function checkEmail(db: SandboxDatabase, email: string, exceptUserId?: string): void {
  if (!isEmailAddress(email)) throw errors.paramFormat('email_address', `${email} is not a valid email address.`);
  assertIdentifierFree(db, 'email_address', email, exceptUserId);
}

/** Checks that a phone number is E.164 and not taken (422 otherwise). */
export function checkPhone(db: SandboxDatabase, phone: string, exceptUserId?: string): void {
  if (!isE164(phone)) {
    throw errors.paramFormat('phone_number', `${phone} is not a valid phone number. Use the E.164 format, e.g. +14155550100.`);
  }
  assertIdentifierFree(db, 'phone_number', phone, exceptUserId);
}

/** Checks a web3 wallet address (422 otherwise). */
export function checkWeb3Wallet(db: SandboxDatabase, wallet: string, exceptUserId?: string): void {
  if (!isWeb3Wallet(wallet)) throw errors.paramFormat('web3_wallet', `${wallet} is not a valid web3 wallet address (0x followed by 40 hex digits).`);
  assertIdentifierFree(db, 'web3_wallet', wallet, exceptUserId);
}

/** Checks a username's length, characters and uniqueness (422 otherwise). */
export function checkUsername(db: SandboxDatabase, username: string, exceptUserId?: string): void {
  const problem = usernameProblem(username);
  if (problem === 'length') throw errors.usernameLength();
  if (problem === 'character') throw errors.usernameCharacter();
  assertUsernameFree(db, username, exceptUserId);
}

/** Checks that an external ID is free (422 otherwise). */
export function checkExternalId(db: SandboxDatabase, externalId: string, exceptUserId?: string): void {
  assertExternalIdFree(db, externalId, exceptUserId);
}

/** Checks a new password against the instance's policy (8 to 72 characters). */
export function checkPassword(password: string): void {
  if (password.length < 8) throw errors.passwordTooShort();
  if (password.length > 72) throw errors.passwordTooLong();
}

/** Requires `password_digest` and `password_hasher` together. */
export function checkDigest(digest: string | null | undefined, hasher: string | null | undefined): boolean {
  if (digest && !hasher) throw errors.conditionalParamMissing('password_hasher', 'password_digest is given');
  if (hasher && !digest) throw errors.conditionalParamMissing('password_digest', 'password_hasher is given');
  return Boolean(digest && hasher);
}

/** An RFC 3339 time field as ms (422 form_param_invalid_time otherwise). */
export function timeField(name: string, value: string): number {
  const ms = parseRfc3339(value);
  if (ms === undefined) throw errors.invalidTime(name);
  return ms;
}

/** Rejects a value given twice in one array field. */
export function checkNoDuplicates(name: string, values: readonly string[], normalize = (v: string) => v.toLowerCase()): void {
  const seen = new Set<string>();
  for (const value of values) {
    const key = normalize(value);
    if (seen.has(key)) throw errors.duplicateParam(name, value);
    seen.add(key);
  }
}
