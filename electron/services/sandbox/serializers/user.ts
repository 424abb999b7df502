/**
 * The User document: building a new one, and the live parts applied when it is read (a lock
 * expires with time, so `locked`/`lockout_expires_in_seconds` are computed, not stored).
 */
import { DEFAULT_AVATAR_ID, imageUrl, type SandboxContext } from '../context';
import type { JsonObject, UserDoc } from '../types';

/** Clerk's default number of verification attempts before a lockout. */
export const VERIFICATION_ATTEMPTS = 100;

/** Fields a new user starts with (everything else takes Clerk's defaults). */
export interface NewUserFields {
  id: string;
  createdAt: number;
  externalId?: string | null;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
  publicMetadata?: JsonObject;
  privateMetadata?: JsonObject;
  unsafeMetadata?: JsonObject;
}

/** A user with no identifications yet. */
export function newUserDoc(ctx: Pick<SandboxContext, 'origin'>, fields: NewUserFields): UserDoc {
  const avatar = imageUrl(ctx, DEFAULT_AVATAR_ID);
  return {
    id: fields.id,
    object: 'user',
    external_id: fields.externalId ?? null,
    primary_email_address_id: null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: fields.username ?? null,
    first_name: fields.firstName ?? null,
    last_name: fields.lastName ?? null,
    locale: fields.locale ?? null,
    profile_image_url: avatar,
    image_url: avatar,
    has_image: false,
    public_metadata: fields.publicMetadata ?? {},
    private_metadata: fields.privateMetadata ?? {},
    unsafe_metadata: fields.unsafeMetadata ?? {},
    email_addresses: [],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: VERIFICATION_ATTEMPTS,
    updated_at: fields.createdAt,
    created_at: fields.createdAt,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    last_active_at: null,
    legal_accepted_at: null,
    bypass_client_trust: false,
  };
}

/** Sets the lock fields as of `now` for a user locked until `lockedUntil` (ms) or not locked. */
export function applyLockState(user: UserDoc, lockedUntil: number | null, now: number): void {
  if (lockedUntil === null || lockedUntil <= now) {
    user.locked = false;
    user.lockout_expires_in_seconds = null;
    user.verification_attempts_remaining = VERIFICATION_ATTEMPTS;
  } else {
    user.locked = true;
    user.lockout_expires_in_seconds = Math.ceil((lockedUntil - now) / 1000);
    user.verification_attempts_remaining = 0;
  }
}

/** Recomputes `two_factor_enabled` from the user's second factors. */
export function refreshTwoFactor(user: UserDoc): void {
  user.two_factor_enabled = user.totp_enabled || user.backup_code_enabled || user.phone_numbers.some((p) => p.reserved_for_second_factor);
}

/** The identifier shown for a user in lists (primary email, else phone, else username). */
export function primaryIdentifier(user: UserDoc): string | null {
  const email = user.email_addresses.find((e) => e.id === user.primary_email_address_id);
  if (email) return email.email_address;
  const phone = user.phone_numbers.find((p) => p.id === user.primary_phone_number_id);
  if (phone) return phone.phone_number;
  return user.username;
}
