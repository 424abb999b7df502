/**
 * POST /users: creates a user from Clerk's create-user body. Identifiers are created verified
 * (as through the Dashboard), the first email and phone become primary.
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { ID_PREFIX, newId } from '../ids';
import { assertMetadata } from '../metadata';
import type { RouteRequest } from '../router';
import { emailAddressDoc, phoneNumberDoc, web3WalletDoc } from '../serializers/identifications';
import { newUserDoc, refreshTwoFactor } from '../serializers/user';
import { saveUser } from '../store/users';
import type { UserDoc } from '../types';
import { validateBody, type BodySpec } from '../validation/body';
import {
  PASSWORD_HASHERS, checkDigest, checkEmail, checkExternalId, checkNoDuplicates, checkPassword, checkPhone, checkUsername, checkWeb3Wallet, timeField,
} from '../validation/user-fields';

const IDENTIFICATION_STATUS = ['verified', 'reserved'] as const;

/** The body of POST /users. */
export const CREATE_USER_BODY = {
  external_id: { type: 'string', nullable: true },
  first_name: { type: 'string', nullable: true, maxLength: 256 },
  last_name: { type: 'string', nullable: true, maxLength: 256 },
  locale: { type: 'string', nullable: true },
  email_address: { type: 'string[]' },
  email_address_identification_status: { type: 'string[]' },
  phone_number: { type: 'string[]' },
  phone_number_identification_status: { type: 'string[]' },
  web3_wallet: { type: 'string[]' },
  username: { type: 'string', nullable: true },
  password: { type: 'string', nullable: true },
  password_digest: { type: 'string', nullable: true },
  password_hasher: { type: 'string', enum: PASSWORD_HASHERS },
  skip_password_checks: { type: 'boolean', nullable: true },
  skip_password_requirement: { type: 'boolean', nullable: true },
  totp_secret: { type: 'string', nullable: true },
  backup_codes: { type: 'string[]' },
  public_metadata: { type: 'object' },
  private_metadata: { type: 'object' },
  unsafe_metadata: { type: 'object' },
  delete_self_enabled: { type: 'boolean', nullable: true },
  legal_accepted_at: { type: 'string', nullable: true },
  skip_legal_checks: { type: 'boolean', nullable: true },
  skip_user_requirement: { type: 'boolean', nullable: true },
  create_organization_enabled: { type: 'boolean', nullable: true },
  create_organizations_limit: { type: 'integer', nullable: true, min: 0 },
  created_at: { type: 'string', nullable: true },
  bypass_client_trust: { type: 'boolean', nullable: true },
  banned: { type: 'boolean', nullable: true },
  locked: { type: 'boolean', nullable: true },
} satisfies BodySpec;

function statuses(name: string, values: string[] | null | undefined): string[] {
  for (const value of values ?? []) {
    if (!(IDENTIFICATION_STATUS as readonly string[]).includes(value)) throw errors.paramValue(name, `${value} is not a valid value for ${name}; allowed: verified, reserved.`);
  }
  return values ?? [];
}

/** POST /users. */
export function createUser(req: RouteRequest): UserDoc {
  const { ctx } = req;
  const body = validateBody(req.body, CREATE_USER_BODY);
  const emails = (body.email_address ?? []).map((e) => e.trim());
  const phones = (body.phone_number ?? []).map((p) => p.trim());
  const wallets = (body.web3_wallet ?? []).map((w) => w.trim());
  const username = body.username?.trim() || null;
  const externalId = body.external_id || null;
  checkNoDuplicates('email_address', emails);
  checkNoDuplicates('phone_number', phones, (p) => p);
  checkNoDuplicates('web3_wallet', wallets);
  for (const email of emails) checkEmail(ctx.db, email);
  for (const phone of phones) checkPhone(ctx.db, phone);
  for (const wallet of wallets) checkWeb3Wallet(ctx.db, wallet);
  if (username) checkUsername(ctx.db, username);
  if (externalId) checkExternalId(ctx.db, externalId);
  if (emails.length + phones.length + wallets.length === 0 && !username && !body.skip_user_requirement) {
    throw errors.dataMissing('At least one identifier (email_address, phone_number, web3_wallet or username) must be included.');
  }
  if (body.password && !body.skip_password_checks) checkPassword(body.password);
  const hasDigest = checkDigest(body.password_digest, body.password_hasher);
  for (const key of ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const) if (body[key]) assertMetadata(key, body[key]);
  const now = ctx.now();
  const createdAt = body.created_at ? timeField('created_at', body.created_at) : now;

  const user = newUserDoc(ctx, {
    id: newId(ID_PREFIX.user, createdAt, ctx.random),
    createdAt,
    externalId,
    username,
    firstName: body.first_name ?? null,
    lastName: body.last_name ?? null,
    locale: body.locale ?? null,
    publicMetadata: body.public_metadata ?? {},
    privateMetadata: body.private_metadata ?? {},
    unsafeMetadata: body.unsafe_metadata ?? {},
  });
  user.updated_at = now;
  addIdentifications(ctx, user, emails, statuses('email_address_identification_status', body.email_address_identification_status), phones,
    statuses('phone_number_identification_status', body.phone_number_identification_status), wallets, now);
  if (body.password || hasDigest) {
    user.password_enabled = true;
    user.password_last_updated_at = now;
  }
  if (body.totp_secret) user.totp_enabled = true;
  if (body.backup_codes && body.backup_codes.length > 0) user.backup_code_enabled = true;
  refreshTwoFactor(user);
  if (user.two_factor_enabled) user.mfa_enabled_at = now;
  if (body.delete_self_enabled != null) user.delete_self_enabled = body.delete_self_enabled;
  if (body.create_organization_enabled != null) user.create_organization_enabled = body.create_organization_enabled;
  if (body.create_organizations_limit != null) user.create_organizations_limit = body.create_organizations_limit;
  if (body.bypass_client_trust != null) user.bypass_client_trust = body.bypass_client_trust;
  if (body.legal_accepted_at) user.legal_accepted_at = timeField('legal_accepted_at', body.legal_accepted_at);
  if (body.banned) user.banned = true;
  const lockedUntil = body.locked ? now + ctx.settings.lockoutSeconds * 1000 : null;
  saveUser(ctx.db, { doc: user, lockedUntil }, true);
  return lockedUntil === null ? user : { ...user, locked: true, lockout_expires_in_seconds: ctx.settings.lockoutSeconds, verification_attempts_remaining: 0 };
}

function addIdentifications(
  ctx: SandboxContext,
  user: UserDoc,
  emails: string[],
  emailStatuses: string[],
  phones: string[],
  phoneStatuses: string[],
  wallets: string[],
  now: number,
): void {
  emails.forEach((email, i) => {
    const doc = emailAddressDoc(newId(ID_PREFIX.identification, now, ctx.random), email, now);
    if (emailStatuses[i] === 'reserved') Object.assign(doc, { reserved: true, verification: null });
    user.email_addresses.push(doc);
  });
  phones.forEach((phone, i) => {
    const doc = phoneNumberDoc(newId(ID_PREFIX.identification, now, ctx.random), phone, now);
    if (phoneStatuses[i] === 'reserved') Object.assign(doc, { reserved: true, verification: null });
    user.phone_numbers.push(doc);
  });
  for (const wallet of wallets) user.web3_wallets.push(web3WalletDoc(newId(ID_PREFIX.identification, now, ctx.random), wallet, now));
  user.primary_email_address_id = user.email_addresses.find((e) => !e.reserved)?.id ?? null;
  user.primary_phone_number_id = user.phone_numbers.find((p) => !p.reserved)?.id ?? null;
  user.primary_web3_wallet_id = user.web3_wallets[0]?.id ?? null;
}
