/**
 * PATCH /users/{user_id}: Clerk's update-user body. Since 2026-05-12 metadata is not accepted
 * here (422 form_param_unknown); older `Clerk-API-Version`s may still send it (replace semantics).
 */
import { acceptsMetadataInPatch, requestedApiVersion } from '../api-version';
import { imageUrl } from '../context';
import { errors } from '../errors';
import { assertMetadata } from '../metadata';
import type { RouteRequest } from '../router';
import { isVerified } from '../serializers/identifications';
import { refreshTwoFactor } from '../serializers/user';
import { revokeUserSessions } from '../store/sessions';
import { requireUser, saveUser } from '../store/users';
import type { UserDoc } from '../types';
import { validateBody, type BodySpec } from '../validation/body';
import { PASSWORD_HASHERS, checkDigest, checkExternalId, checkPassword, checkUsername, timeField } from '../validation/user-fields';

const UPDATE_USER_BODY = {
  external_id: { type: 'string', nullable: true },
  first_name: { type: 'string', nullable: true, maxLength: 256 },
  last_name: { type: 'string', nullable: true, maxLength: 256 },
  locale: { type: 'string', nullable: true },
  primary_email_address_id: { type: 'string', nullable: true },
  notify_primary_email_address_changed: { type: 'boolean', nullable: true },
  primary_phone_number_id: { type: 'string', nullable: true },
  primary_web3_wallet_id: { type: 'string', nullable: true },
  username: { type: 'string', nullable: true },
  profile_image_id: { type: 'string', nullable: true },
  password: { type: 'string', nullable: true },
  password_digest: { type: 'string' },
  password_hasher: { type: 'string', enum: PASSWORD_HASHERS },
  skip_password_checks: { type: 'boolean', nullable: true },
  sign_out_of_other_sessions: { type: 'boolean', nullable: true },
  totp_secret: { type: 'string', nullable: true },
  backup_codes: { type: 'string[]' },
  delete_self_enabled: { type: 'boolean', nullable: true },
  create_organization_enabled: { type: 'boolean', nullable: true },
  legal_accepted_at: { type: 'string', nullable: true },
  skip_legal_checks: { type: 'boolean', nullable: true },
  create_organizations_limit: { type: 'integer', nullable: true, min: 0 },
  created_at: { type: 'string', nullable: true },
  bypass_client_trust: { type: 'boolean', nullable: true },
} satisfies BodySpec;

const LEGACY_METADATA_BODY = {
  public_metadata: { type: 'object', nullable: true },
  private_metadata: { type: 'object', nullable: true },
  unsafe_metadata: { type: 'object', nullable: true },
} satisfies BodySpec;

/** Sets a primary identifier after checking it is one of the user's verified ones. */
function setPrimary(
  user: UserDoc,
  field: 'primary_email_address_id' | 'primary_phone_number_id' | 'primary_web3_wallet_id',
  items: { id: string; verification: UserDoc['email_addresses'][number]['verification'] }[],
  id: string,
): void {
  const item = items.find((i) => i.id === id);
  if (!item) throw errors.unprocessable('form_identifier_not_found', 'not found', `No identification with id ${id} belongs to this user.`, { param_name: field });
  if (!isVerified(item)) throw errors.paramValue(field, `The identification ${id} must be verified before it can become primary.`);
  user[field] = id;
}

/** PATCH /users/{user_id}. */
export function updateUser(req: RouteRequest): UserDoc {
  const { ctx } = req;
  const legacy = acceptsMetadataInPatch(requestedApiVersion(req.headers, req.query));
  const spec = legacy ? { ...UPDATE_USER_BODY, ...LEGACY_METADATA_BODY } : UPDATE_USER_BODY;
  const body = validateBody(req.body, spec) as ReturnType<typeof validateBody<typeof UPDATE_USER_BODY & typeof LEGACY_METADATA_BODY>>;
  const record = requireUser(ctx, req.params.user_id);
  const user = record.doc;
  const now = ctx.now();

  if (body.external_id !== undefined) {
    const externalId = body.external_id || null;
    if (externalId) checkExternalId(ctx.db, externalId, user.id);
    user.external_id = externalId;
  }
  if (body.username !== undefined) {
    const username = body.username?.trim() || null;
    if (username) checkUsername(ctx.db, username, user.id);
    user.username = username;
  }
  if (body.first_name !== undefined) user.first_name = body.first_name;
  if (body.last_name !== undefined) user.last_name = body.last_name;
  if (body.locale !== undefined) user.locale = body.locale;
  if (body.primary_email_address_id) setPrimary(user, 'primary_email_address_id', user.email_addresses, body.primary_email_address_id);
  if (body.primary_phone_number_id) setPrimary(user, 'primary_phone_number_id', user.phone_numbers, body.primary_phone_number_id);
  if (body.primary_web3_wallet_id) setPrimary(user, 'primary_web3_wallet_id', user.web3_wallets, body.primary_web3_wallet_id);
  if (body.profile_image_id) {
    if (!ctx.db.get('SELECT 1 AS found FROM images WHERE id = ?', [body.profile_image_id])) {
      throw errors.unprocessable('form_resource_not_found', 'not found', `No image was found with id ${body.profile_image_id}.`, { param_name: 'profile_image_id' });
    }
    user.image_url = user.profile_image_url = imageUrl(ctx, body.profile_image_id);
    user.has_image = true;
  }
  if (body.password) {
    if (!body.skip_password_checks) checkPassword(body.password);
    user.password_enabled = true;
    user.password_last_updated_at = now;
  }
  if (checkDigest(body.password_digest, body.password_hasher)) {
    user.password_enabled = true;
    user.password_last_updated_at = now;
  }
  if (body.totp_secret !== undefined) user.totp_enabled = Boolean(body.totp_secret);
  if (body.backup_codes !== undefined) user.backup_code_enabled = (body.backup_codes ?? []).length > 0;
  const hadTwoFactor = user.two_factor_enabled;
  refreshTwoFactor(user);
  if (!hadTwoFactor && user.two_factor_enabled) user.mfa_enabled_at = now;
  if (body.delete_self_enabled != null) user.delete_self_enabled = body.delete_self_enabled;
  if (body.create_organization_enabled != null) user.create_organization_enabled = body.create_organization_enabled;
  if (body.create_organizations_limit !== undefined) user.create_organizations_limit = body.create_organizations_limit;
  if (body.bypass_client_trust != null) user.bypass_client_trust = body.bypass_client_trust;
  if (body.legal_accepted_at !== undefined) user.legal_accepted_at = body.legal_accepted_at ? timeField('legal_accepted_at', body.legal_accepted_at) : null;
  if (body.created_at) user.created_at = timeField('created_at', body.created_at);
  for (const key of ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (value !== null) assertMetadata(key, value);
    user[key] = value ?? {};
  }
  user.updated_at = now;
  ctx.db.transaction(() => {
    saveUser(ctx.db, record);
    if (body.password && body.sign_out_of_other_sessions) revokeUserSessions(ctx, user.id);
  });
  return user;
}
