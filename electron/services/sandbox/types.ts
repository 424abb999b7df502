/**
 * Shapes of the documents the Sandbox stores and returns: the Backend API objects of the vendored
 * spec (`shared/clerk/clerk-bapi-2026-05-12.yml`), written out for the fields the Sandbox sets.
 */

/** A JSON object (metadata). */
export type JsonObject = { [key: string]: unknown };

/** A verification block of an identification. */
export interface VerificationDoc {
  object: string;
  status: string;
  strategy: string;
  attempts: number | null;
  expire_at: number | null;
  [key: string]: unknown;
}

/** EmailAddress. */
export interface EmailAddressDoc {
  id: string;
  object: 'email_address';
  email_address: string;
  reserved: boolean;
  verification: VerificationDoc | null;
  linked_to: { type: string; id: string }[];
  matches_sso_connection: boolean;
  created_at: number;
  updated_at: number;
}

/** PhoneNumber. */
export interface PhoneNumberDoc {
  id: string;
  object: 'phone_number';
  phone_number: string;
  reserved_for_second_factor: boolean;
  default_second_factor: boolean;
  reserved: boolean;
  verification: VerificationDoc | null;
  linked_to: { type: string; id: string }[];
  backup_codes: string[] | null;
  created_at: number;
  updated_at: number;
}

/** Web3Wallet. */
export interface Web3WalletDoc {
  id: string;
  object: 'web3_wallet';
  web3_wallet: string;
  verification: VerificationDoc | null;
  created_at: number;
  updated_at: number;
}

/** ExternalAccountWithVerification. */
export interface ExternalAccountDoc {
  object: 'external_account';
  id: string;
  provider: string;
  identification_id: string;
  provider_user_id: string;
  approved_scopes: string;
  email_address: string;
  email_address_verified: boolean | null;
  first_name: string;
  last_name: string;
  image_url: string | null;
  username: string | null;
  phone_number: string | null;
  public_metadata: JsonObject;
  label: string | null;
  created_at: number;
  updated_at: number;
  verification: VerificationDoc | null;
}

/** User. */
export interface UserDoc {
  id: string;
  object: 'user';
  external_id: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  profile_image_url: string;
  image_url: string;
  has_image: boolean;
  public_metadata: JsonObject;
  private_metadata: JsonObject;
  unsafe_metadata: JsonObject;
  email_addresses: EmailAddressDoc[];
  phone_numbers: PhoneNumberDoc[];
  web3_wallets: Web3WalletDoc[];
  passkeys: unknown[];
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  mfa_enabled_at: number | null;
  mfa_disabled_at: number | null;
  password_last_updated_at: number | null;
  external_accounts: ExternalAccountDoc[];
  saml_accounts: unknown[];
  enterprise_accounts: unknown[];
  last_sign_in_at: number | null;
  banned: boolean;
  locked: boolean;
  lockout_expires_in_seconds: number | null;
  verification_attempts_remaining: number | null;
  updated_at: number;
  created_at: number;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  last_active_at: number | null;
  legal_accepted_at: number | null;
  bypass_client_trust: boolean;
}

/** Organization (without the on-request `members_count`). */
export interface OrganizationDoc {
  object: 'organization';
  id: string;
  name: string;
  slug: string;
  image_url: string;
  has_image: boolean;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: JsonObject;
  private_metadata: JsonObject;
  created_by?: string;
  created_at: number;
  updated_at: number;
  role_set_key: string | null;
  members_count?: number;
  missing_member_with_elevated_permissions?: boolean;
  logo_url?: string;
}

/** Session. */
export interface SessionDoc {
  object: 'session';
  id: string;
  user_id: string;
  client_id: string;
  actor: JsonObject | null;
  status: string;
  last_active_organization_id: string | null;
  last_active_at: number;
  latest_activity: JsonObject | null;
  expire_at: number;
  abandon_at: number;
  updated_at: number;
  created_at: number;
  tasks: { key: string }[];
}

/** SignInToken. */
export interface SignInTokenDoc {
  object: 'sign_in_token';
  id: string;
  status: 'pending' | 'accepted' | 'revoked';
  user_id: string;
  token: string;
  url: string;
  created_at: number;
  updated_at: number;
}

/** SignUp (a sign-up attempt). */
export interface SignUpDoc {
  object: 'sign_up_attempt';
  id: string;
  status: 'missing_requirements' | 'complete' | 'abandoned';
  required_fields: string[];
  optional_fields: string[];
  missing_fields: string[];
  unverified_fields: string[];
  verifications: { email_address: JsonObject | null; phone_number: JsonObject | null; web3_wallet: JsonObject | null; external_account: JsonObject | null };
  username: string | null;
  email_address: string | null;
  phone_number: string | null;
  web3_wallet: string | null;
  password_enabled: boolean;
  first_name: string | null;
  last_name: string | null;
  unsafe_metadata: JsonObject;
  public_metadata: JsonObject;
  custom_action: boolean;
  external_id: string | null;
  created_session_id: string | null;
  created_user_id: string | null;
  abandon_at: number;
  legal_accepted_at: number | null;
  locale: string | null;
}

/** SAMLConnection. */
export interface SamlConnectionDoc {
  object: 'saml_connection';
  id: string;
  name: string;
  domain: string;
  domains: string[];
  idp_entity_id: string | null;
  idp_sso_url: string | null;
  idp_certificate: string | null;
  idp_certificate_issued_at: number | null;
  idp_certificate_expires_at: number | null;
  idp_metadata_url: string | null;
  idp_metadata: string | null;
  acs_url: string;
  sp_entity_id: string;
  sp_metadata_url: string;
  organization_id: string | null;
  attribute_mapping: { user_id: string; email_address: string; first_name: string; last_name: string };
  active: boolean;
  provider: string;
  user_count: number;
  sync_user_attributes: boolean;
  allow_subdomains: boolean;
  allow_idp_initiated: boolean;
  disable_additional_identifications: boolean;
  allow_organization_account_linking: boolean;
  authenticatable: boolean;
  force_authn: boolean;
  login_hint: { mode: string; source?: string };
  disable_jit_provisioning: boolean;
  enterprise_connection_id: string | null;
  created_at: number;
  updated_at: number;
}

/** OAuthAccessToken list item. */
export interface OAuthTokenDoc {
  object: 'oauth_access_token';
  external_account_id: string;
  provider_user_id: string;
  token: string;
  expires_at: number | null;
  provider: string;
  public_metadata: JsonObject;
  label: string | null;
  scopes: string[];
}
