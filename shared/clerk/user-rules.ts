/**
 * Clerk's known rules for a user's fields, as plain functions: each returns why a value is refused
 * (a sentence an administrator can act on) or undefined when Clerk would accept it. The forms check
 * them before sending, the CSV import checks every row with them, and the Sandbox answers with
 * Clerk's errors for the same rules, so all three agree. Nothing here calls Clerk: what only Clerk
 * knows (a taken email, a pwned password) still comes back as its error.
 */

/** Clerk's password length when checks are not skipped ("8 characters or more", "less than 72"). */
export const PASSWORD_MIN = 8;
/** See {@link PASSWORD_MIN}. */
export const PASSWORD_MAX = 72;
/** Usernames are 4 to 64 characters (`form_username_invalid_length`). */
export const USERNAME_MIN = 4;
/** See {@link USERNAME_MIN}. */
export const USERNAME_MAX = 64;
/** First and last names: at most 256 characters. */
export const NAME_MAX = 256;

/**
 * The digest algorithms `password_hasher` accepts: the list in the spec's `PasswordHasher`
 * description (the schema itself is a plain string without an enum).
 */
export const PASSWORD_HASHERS = [
  'argon2i', 'argon2id', 'bcrypt', 'bcrypt_sha256_django', 'ldap_ssha', 'md5', 'md5_phpass', 'pbkdf2_sha1', 'pbkdf2_sha256',
  'pbkdf2_sha256_django', 'pbkdf2_sha512', 'pbkdf2_sha512_hex', 'phpass', 'scrypt_firebase', 'scrypt_werkzeug', 'sha256', 'sha512_symfony',
] as const;
/** One of {@link PASSWORD_HASHERS}. */
export type PasswordHasher = (typeof PASSWORD_HASHERS)[number];

/**
 * E.164: a `+`, a country code that does not start with 0, and 7 to 15 digits in all, with no
 * spaces or punctuation (the form Clerk stores and matches phone numbers in).
 */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** True when `value` is a phone number in E.164 form, e.g. `+14155550100`. */
export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}

/** Why `value` is not an E.164 phone number (a sentence for the field), or undefined when it is one. */
export function e164Problem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter a phone number.';
  if (isE164(trimmed)) return undefined;
  if (!trimmed.startsWith('+')) return 'Start with + and the country code, e.g. +14155550100 (E.164).';
  if (/[^\d+]/.test(trimmed)) return 'Digits only after the +: no spaces, dashes or brackets (E.164, e.g. +14155550100).';
  return 'Use the E.164 format: + and 7 to 15 digits, the first not 0, e.g. +14155550100.';
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
  if (value.length < USERNAME_MIN || value.length > USERNAME_MAX) return 'length';
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return 'character';
  return undefined;
}

/** Parses an RFC 3339 date-time (`2012-10-20T07:15:20.902Z`) to ms, or undefined when it is not one. */
export function parseRfc3339(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Why an email address is refused. */
export function emailProblem(value: string): string | undefined {
  return isEmailAddress(value) ? undefined : `${value} is not a valid email address.`;
}

/** Why a web3 wallet address is refused. */
export function web3WalletProblem(value: string): string | undefined {
  return isWeb3Wallet(value) ? undefined : `${value} is not a wallet address: 0x followed by 40 hexadecimal digits.`;
}

/** Why a username is refused, in Clerk's words. */
export function usernameMessage(value: string): string | undefined {
  const problem = usernameProblem(value);
  if (problem === 'length') return `Usernames must be between ${USERNAME_MIN} and ${USERNAME_MAX} characters long.`;
  if (problem === 'character') return 'Usernames can only contain letters, numbers and - or _.';
  return undefined;
}

/** Why a plaintext password is refused, unless `skipChecks` (Clerk's `skip_password_checks`). */
export function passwordProblem(value: string, skipChecks = false): string | undefined {
  if (skipChecks) return undefined;
  if (value.length < PASSWORD_MIN) return `Passwords must be ${PASSWORD_MIN} characters or more.`;
  if (value.length > PASSWORD_MAX) return `Passwords must be less than ${PASSWORD_MAX} characters.`;
  return undefined;
}

/** Why a `password_hasher` value is refused. */
export function passwordHasherProblem(value: string): string | undefined {
  return (PASSWORD_HASHERS as readonly string[]).includes(value) ? undefined : `${value} is not one of Clerk's password hashers.`;
}

/** Why an RFC 3339 timestamp (`created_at`, `legal_accepted_at`) is refused. */
export function timestampProblem(value: string): string | undefined {
  return parseRfc3339(value) === undefined ? 'Use an RFC 3339 date and time, e.g. 2012-10-20T07:15:20.902Z.' : undefined;
}

/** Why a TOTP secret is refused: Clerk takes the base32 secret (A–Z, 2–7, optional = padding). */
export function totpSecretProblem(value: string): string | undefined {
  return /^[A-Z2-7]+=*$/i.test(value) ? undefined : 'A TOTP secret is base32: letters A–Z and digits 2–7 only.';
}

/** Why a list of backup codes is refused: each one plain (no spaces) or its bcrypt digest, none twice. */
export function backupCodesProblem(codes: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const code of codes) {
    if (code === '' || /\s/.test(code)) return 'Backup codes cannot be empty or contain spaces; give one code per line.';
    if (seen.has(code)) return `The backup code ${code} is listed twice.`;
    seen.add(code);
  }
  return undefined;
}

/** Why a `create_organizations_limit` is refused (a whole number, 0 meaning unlimited). */
export function organizationsLimitProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 0 ? undefined : 'Use a whole number of organizations, 0 for unlimited.';
}

/** Why a first or last name is refused. */
export function nameProblem(value: string): string | undefined {
  return value.length > NAME_MAX ? `Names must be at most ${NAME_MAX} characters long.` : undefined;
}

/** A problem with one body field: the Clerk param name, with `.<index>` for an array item. */
export interface RuleIssue {
  field: string;
  message: string;
}

/** The fields of a create- or update-user body the rules look at (Clerk's names). */
export interface UserRuleBody {
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  email_address?: readonly string[];
  phone_number?: readonly string[];
  web3_wallet?: readonly string[];
  password?: string | null;
  password_digest?: string | null;
  password_hasher?: string | null;
  skip_password_checks?: boolean | null;
  totp_secret?: string | null;
  backup_codes?: readonly string[];
  create_organizations_limit?: number | null;
  created_at?: string | null;
  legal_accepted_at?: string | null;
}

/**
 * Every rule of Clerk's that a create- or update-user body breaks, one issue per field (array
 * items as `email_address.1`). Values given twice in one list are refused as Clerk does.
 */
export function userBodyIssues(body: UserRuleBody): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (field: string, message: string | undefined) => message && issues.push({ field, message });
  const list = (field: string, values: readonly string[] | undefined, rule: (v: string) => string | undefined, normalize = (v: string) => v.toLowerCase()) => {
    const seen = new Set<string>();
    values?.forEach((value, i) => {
      const key = normalize(value);
      add(`${field}.${i}`, seen.has(key) ? `${value} is listed twice.` : rule(value));
      seen.add(key);
    });
  };
  if (body.first_name) add('first_name', nameProblem(body.first_name));
  if (body.last_name) add('last_name', nameProblem(body.last_name));
  if (body.username) add('username', usernameMessage(body.username));
  list('email_address', body.email_address, emailProblem);
  list('phone_number', body.phone_number, e164Problem, (v) => v);
  list('web3_wallet', body.web3_wallet, web3WalletProblem);
  if (body.password) add('password', passwordProblem(body.password, body.skip_password_checks ?? false));
  if (body.password_digest && !body.password_hasher) add('password_hasher', 'Choose the hasher the digest was made with.');
  if (body.password_hasher && !body.password_digest) add('password_digest', 'Give the digest the hasher applies to.');
  if (body.password_hasher) add('password_hasher', passwordHasherProblem(body.password_hasher));
  if (body.totp_secret) add('totp_secret', totpSecretProblem(body.totp_secret));
  if (body.backup_codes) add('backup_codes', backupCodesProblem(body.backup_codes));
  if (body.create_organizations_limit != null) add('create_organizations_limit', organizationsLimitProblem(body.create_organizations_limit));
  if (body.created_at) add('created_at', timestampProblem(body.created_at));
  if (body.legal_accepted_at) add('legal_accepted_at', timestampProblem(body.legal_accepted_at));
  return issues;
}
