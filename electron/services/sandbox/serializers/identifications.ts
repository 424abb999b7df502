/**
 * Builders of a user's identifications as Clerk returns them (EmailAddress, PhoneNumber,
 * Web3Wallet, ExternalAccount) and of their verification blocks.
 */
import type { EmailAddressDoc, ExternalAccountDoc, PhoneNumberDoc, VerificationDoc, Web3WalletDoc } from '../types';

/** Verified by an administrator (everything created through the Backend API). */
export function adminVerification(): VerificationDoc {
  return { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null };
}

/** Not verified yet: a one-time code is pending. */
export function pendingOtpVerification(strategy: 'email_code' | 'phone_code', expireAt: number): VerificationDoc {
  return { object: 'verification_otp', status: 'unverified', strategy, attempts: 0, expire_at: expireAt };
}

/** An email address verified by the OAuth provider it came from (e.g. `oauth_google`). */
export function fromOAuthVerification(provider: string): VerificationDoc {
  return { object: 'verification_from_oauth', status: 'verified', strategy: `from_${provider}`, attempts: null, expire_at: null };
}

/** The verification of an external account. */
export function oauthVerification(provider: string, expireAt: number): VerificationDoc {
  return { object: 'verification_oauth', status: 'verified', strategy: provider, attempts: null, expire_at: expireAt };
}

/** Is this identification verified? */
export function isVerified(item: { verification: VerificationDoc | null }): boolean {
  return item.verification?.status === 'verified';
}

/** An EmailAddress. */
export function emailAddressDoc(id: string, email: string, at: number, verification: VerificationDoc = adminVerification()): EmailAddressDoc {
  return {
    id,
    object: 'email_address',
    email_address: email,
    reserved: false,
    verification,
    linked_to: [],
    matches_sso_connection: false,
    created_at: at,
    updated_at: at,
  };
}

/** A PhoneNumber. */
export function phoneNumberDoc(id: string, phone: string, at: number, verification: VerificationDoc | null = adminVerification()): PhoneNumberDoc {
  return {
    id,
    object: 'phone_number',
    phone_number: phone,
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: false,
    verification,
    linked_to: [],
    backup_codes: null,
    created_at: at,
    updated_at: at,
  };
}

/** A Web3Wallet. */
export function web3WalletDoc(id: string, wallet: string, at: number): Web3WalletDoc {
  return { id, object: 'web3_wallet', web3_wallet: wallet, verification: adminVerification(), created_at: at, updated_at: at };
}

/** Fields of a new external account. */
export interface ExternalAccountInput {
  id: string;
  provider: string;
  identificationId: string;
  providerUserId: string;
  scopes: string;
  email: string;
  firstName: string;
  lastName: string;
  imageUrl: string | null;
  username: string | null;
  at: number;
}

/** An ExternalAccount (OAuth connection). */
export function externalAccountDoc(input: ExternalAccountInput): ExternalAccountDoc {
  return {
    object: 'external_account',
    id: input.id,
    provider: input.provider,
    identification_id: input.identificationId,
    provider_user_id: input.providerUserId,
    approved_scopes: input.scopes,
    email_address: input.email,
    email_address_verified: true,
    first_name: input.firstName,
    last_name: input.lastName,
    image_url: input.imageUrl,
    username: input.username,
    phone_number: null,
    public_metadata: {},
    label: null,
    created_at: input.at,
    updated_at: input.at,
    verification: oauthVerification(input.provider, input.at + 600_000),
  };
}
