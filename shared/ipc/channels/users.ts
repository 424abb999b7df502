/** The `users:*` channels: the users of the profile's instance. Their input is validated here, once. */
import { z } from 'zod';
import type { DeletedObject, OAuthAccessToken, OrganizationMembership, User } from '../../clerk';
import { USER_ORDER_BY } from '../../clerk/user-order';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';
import { IMAGE_UPLOAD_MAX_BASE64 } from '../../image-upload';
import { isJsonObject, METADATA_MAX_BYTES, metadataBytes } from '../../metadata-merge';
import { nestsDeeperThan } from '../../json-depth';
import { RESOLVE_ENTRY_MAX, RESOLVE_MAX_ENTRIES, type EntryKind } from '../../users/entry-kinds';
import { NAME_MAX, PASSWORD_HASHERS, userBodyIssues, type UserRuleBody } from '../../clerk/user-rules';

/** A page of users with the total matching the same filters. */
export interface UserPage {
  data: User[];
  totalCount: number;
}

// --- Users list filters (issue 9, item 1): every filter of GET /users the list offers ---

/** Clerk accepts at most this many values per multi-value filter of GET /users. */
export const USER_FILTER_MAX_VALUES = 100;

/** A multi-value filter: 1..100 trimmed, non-empty values of at most `max` characters. */
const filterValues = (max: number, pattern?: RegExp, message?: string) => {
  const value = z.string().trim().min(1, 'Must not be empty.').max(max, `Keep each value under ${max} characters.`);
  return z
    .array(pattern ? value.regex(pattern, message) : value)
    .min(1)
    .max(USER_FILTER_MAX_VALUES, `Clerk filters by at most ${USER_FILTER_MAX_VALUES} values at once.`)
    .optional();
};

/** The longest `query` the list accepts. */
export const USER_QUERY_MAX = 200;

/**
 * The filters of the users list, sent to GET /users and GET /users/count alike (both accept every
 * one of them). Ids may carry Clerk's `+`/`-` include/exclude prefix. `lastActiveAtSince` is Unix
 * milliseconds, sent as `last_active_at_since`.
 */
export const userListFilters = z.object({
  query: z.string().trim().max(USER_QUERY_MAX).optional(),
  emailAddress: filterValues(320),
  phoneNumber: filterValues(32),
  externalId: filterValues(255),
  username: filterValues(64),
  web3Wallet: filterValues(128),
  userId: filterValues(80, /^[+-]?user_[A-Za-z0-9]{1,64}$/, 'Must be a user id (user_…).'),
  organizationId: filterValues(80, /^[+-]?org_[A-Za-z0-9]{1,64}$/, 'Must be an organization id (org_…).'),
  lastActiveAtSince: z.number().int().min(0).max(8_640_000_000_000_000).optional(),
});

/** The users list filters (see {@link userListFilters}). */
export type UserListFilters = z.infer<typeof userListFilters>;

// --- Paste a list (issue 9, item 1): entries resolved to users in main ---

/** What `users:resolve` found: each entry with the users it matched, and the entries that matched nobody. */
export interface UserResolution {
  /** Every entry that matched, with the ids of the users it matched (a username may also be someone's external id). */
  matched: { entry: string; kind: EntryKind; userIds: string[] }[];
  /** The entries that matched nobody, in the order pasted. */
  unmatched: string[];
  /** Every matched user id once, in the order of the entries. */
  userIds: string[];
}

// --- User tab (issue 9, item 3): organization memberships and OAuth access tokens ---

/** A page of a user's organization memberships with how many there are in all. */
export interface MembershipPage {
  data: OrganizationMembership[];
  totalCount: number;
}

/** The OAuth provider of an access-token read: Clerk's id for it, with the `oauth_` prefix (`oauth_google`). */
export const oauthProvider = z.string().regex(/^oauth_[a-z0-9_]{1,60}$/, 'Must be an OAuth provider id such as oauth_google.');

/** The tokens `users:oauthAccessTokens` answers with (Clerk's list: one per external account of that provider). */
export type OAuthAccessTokens = OAuthAccessToken[];

// --- Metadata editor and profile image (issue 9, items 5 and 8) ---

/** One metadata kind of a patch: a JSON object within Clerk's 8 KB, nested sanely. */
/** One metadata kind of a patch: a JSON object, at most 64 levels and 8 KB (users, organizations and memberships alike). */
export const metadataPatchField = z
  .custom<Record<string, unknown>>((value) => isJsonObject(value), 'Must be a JSON object.')
  .refine((value) => !nestsDeeperThan(value, 64), 'Nested too deeply (more than 64 levels).')
  .refine((value) => metadataBytes(value) <= METADATA_MAX_BYTES, `Must be at most ${METADATA_MAX_BYTES} bytes of JSON.`);

/** The patch of `users:updateMetadata`: the kinds to merge into (at least one), each an object; `null` inside deletes. */
export const userMetadataPatch = z
  .object({ public_metadata: metadataPatchField.optional(), private_metadata: metadataPatchField.optional(), unsafe_metadata: metadataPatchField.optional() })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'The patch changes no metadata.');

/** An uploaded image's bytes as base64, at most 10 MB decoded (profile images and organization logos). */
export const imageBase64 = z
  .string()
  .min(1, 'The image is empty.')
  .max(IMAGE_UPLOAD_MAX_BASE64, 'The image is larger than 10 MB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The image must be base64.');

/** The image of `users:setProfileImage`: its bytes as base64 (at most 10 MB decoded) and its file name. */
const profileImageUpload = z.object({
  profileId: localId,
  userId: clerkId('user'),
  fileName: z.string().trim().min(1).max(255),
  dataBase64: imageBase64,
});

// --- Create and edit (issue 9, items 2 and 4): Clerk's bodies, in Clerk's names ---

/** Adds an issue per broken Clerk rule (shared/clerk/user-rules.ts), at `<field>` or `<field>.<index>`. */
function clerkUserRules(body: UserRuleBody, ctx: z.RefinementCtx): void {
  for (const issue of userBodyIssues(body)) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) });
  }
}

const optionalText = (max: number) => z.string().max(max, `Keep it under ${max} characters.`).nullable().optional();
const optionalFlag = z.boolean().nullable().optional();
/** A list of identifiers: at most 100, each trimmed and non-empty. */
const identifierList = (max: number) => z.array(z.string().trim().min(1, 'Must not be empty.').max(max)).max(100).optional();
const identificationStatus = z.array(z.enum(['verified', 'reserved'])).max(100).optional();
const backupCodes = z.array(z.string().max(256)).max(100).optional();

/** The body of `POST /users`, every documented field (spec 2026-05-12), checked against Clerk's known rules. */
export const createUserBody = z
  .object({
    external_id: optionalText(255),
    first_name: optionalText(NAME_MAX),
    last_name: optionalText(NAME_MAX),
    locale: optionalText(35),
    username: optionalText(256),
    email_address: identifierList(320),
    email_address_identification_status: identificationStatus,
    phone_number: identifierList(32),
    phone_number_identification_status: identificationStatus,
    web3_wallet: identifierList(128),
    password: optionalText(1024),
    password_digest: optionalText(4096),
    password_hasher: z.enum(PASSWORD_HASHERS).optional(),
    skip_password_checks: optionalFlag,
    skip_password_requirement: optionalFlag,
    totp_secret: optionalText(256),
    backup_codes: backupCodes,
    public_metadata: metadataPatchField.optional(),
    private_metadata: metadataPatchField.optional(),
    unsafe_metadata: metadataPatchField.optional(),
    delete_self_enabled: optionalFlag,
    legal_accepted_at: optionalText(64),
    skip_legal_checks: optionalFlag,
    skip_user_requirement: optionalFlag,
    create_organization_enabled: optionalFlag,
    create_organizations_limit: z.number().int().min(0).nullable().optional(),
    created_at: optionalText(64),
    bypass_client_trust: optionalFlag,
    banned: optionalFlag,
    locked: optionalFlag,
  })
  .strict()
  .superRefine(clerkUserRules);
/** What `users:create` sends as `POST /users`. */
export type CreateUserBody = z.infer<typeof createUserBody>;

/**
 * The body of `PATCH /users/{user_id}`: only the fields that change. No metadata (since 2026-05-12
 * that is `users:updateMetadata`); `username: ""` or `null` removes the username.
 */
export const updateUserBody = z
  .object({
    external_id: optionalText(255),
    first_name: optionalText(NAME_MAX),
    last_name: optionalText(NAME_MAX),
    locale: optionalText(35),
    username: optionalText(256),
    primary_email_address_id: clerkId('idn').optional(),
    notify_primary_email_address_changed: optionalFlag,
    primary_phone_number_id: clerkId('idn').optional(),
    primary_web3_wallet_id: clerkId('idn').optional(),
    password: optionalText(1024),
    password_digest: z.string().max(4096).optional(),
    password_hasher: z.enum(PASSWORD_HASHERS).optional(),
    skip_password_checks: optionalFlag,
    sign_out_of_other_sessions: optionalFlag,
    totp_secret: optionalText(256),
    backup_codes: backupCodes,
    delete_self_enabled: optionalFlag,
    create_organization_enabled: optionalFlag,
    create_organizations_limit: z.number().int().min(0).nullable().optional(),
    legal_accepted_at: optionalText(64),
    skip_legal_checks: optionalFlag,
    created_at: optionalText(64),
    bypass_client_trust: optionalFlag,
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change.')
  .superRefine((body, ctx) => {
    // The spec: these two "can only be used when providing a password".
    for (const flag of ['skip_password_checks', 'sign_out_of_other_sessions'] as const) {
      if (body[flag] && !body.password) ctx.addIssue({ code: 'custom', message: 'Only with a new password.', path: [flag] });
    }
    clerkUserRules(body, ctx);
  });
/** What `users:update` sends as `PATCH /users/{user_id}`. */
export type UpdateUserBody = z.infer<typeof updateUserBody>;

/** What `DELETE /users/{user_id}/mfa` answers: the user whose second factors were all removed. */
export interface MfaDisabled {
  user_id: string;
}

/** Input of the one-step user actions (ban, unban, lock, unlock). */
const userAction = z.object({ profileId: localId, userId: clerkId('user') });

// --- Select all matching (issue 10, item 2): the ids of every user the list's filters match, a page at a time ---

/** The largest page of `users:matchingIds` (Clerk's largest users page). */
export const MATCHING_IDS_PAGE_MAX = 500;

/** A page of `users:matchingIds`: each user's id and label, the total matching, and where the next page starts (null: done). */
export interface MatchingIdsPage {
  items: { targetId: string; label: string }[];
  totalCount: number;
  nextOffset: number | null;
}

/** The users' channels. */
export const userChannels = {
  'users:list': channel(
    userListFilters.extend({
      profileId: localId,
      limit: z.number().int().min(1).max(500).default(10),
      offset: z.number().int().min(0).default(0),
      orderBy: z.string().regex(USER_ORDER_BY, 'Unknown sort field.').optional(),
    }),
  ).returns<UserPage>(),
  /** Resolves pasted emails, usernames, user ids and external ids to users (batched GET /users). */
  'users:resolve': channel(
    z.object({
      profileId: localId,
      entries: z
        .array(z.string().trim().min(1).max(RESOLVE_ENTRY_MAX, `Keep each entry under ${RESOLVE_ENTRY_MAX} characters.`))
        .min(1, 'Paste at least one entry.')
        .max(RESOLVE_MAX_ENTRIES, `Paste at most ${RESOLVE_MAX_ENTRIES} entries at once.`),
    }),
  ).returns<UserResolution>(),
  'users:get': channel(z.object({ profileId: localId, userId: clerkId('user') })).returns<User>(),
  // Select all matching (issue 10, item 2): a page of the matching users' ids and labels, for a bulk job.
  'users:matchingIds': channel(
    userListFilters.extend({
      profileId: localId,
      orderBy: z.string().regex(USER_ORDER_BY, 'Unknown sort field.').optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MATCHING_IDS_PAGE_MAX).default(MATCHING_IDS_PAGE_MAX),
    }),
  ).returns<MatchingIdsPage>(),
  // User tab (issue 9, item 3): memberships (paginated) and the sensitive read of OAuth access tokens.
  'users:organizationMemberships': channel(
    z.object({
      profileId: localId,
      userId: clerkId('user'),
      limit: z.number().int().min(1).max(500).default(10),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<MembershipPage>(),
  'users:oauthAccessTokens': channel(z.object({ profileId: localId, userId: clerkId('user'), provider: oauthProvider })).returns<OAuthAccessTokens>(),
  'users:ban': channel(userAction).returns<User>(),
  'users:unban': channel(userAction).returns<User>(),
  'users:lock': channel(userAction).returns<User>(),
  'users:unlock': channel(userAction).returns<User>(),
  // Delete and disable MFA (issue 9, item 6): `DELETE /users/{id}` and `DELETE /users/{id}/mfa`.
  'users:delete': channel(userAction).returns<DeletedObject>(),
  'users:disableMfa': channel(userAction).returns<MfaDisabled>(),
  // Metadata editor and profile image (issue 9, items 5 and 8).
  'users:updateMetadata': channel(z.object({ profileId: localId, userId: clerkId('user'), patch: userMetadataPatch })).returns<User>(),
  'users:setProfileImage': channel(profileImageUpload).returns<User>(),
  'users:deleteProfileImage': channel(userAction).returns<User>(),
  // Create and edit (issue 9, items 2 and 4).
  'users:create': channel(z.object({ profileId: localId, body: createUserBody })).returns<User>(),
  'users:update': channel(z.object({ profileId: localId, userId: clerkId('user'), body: updateUserBody })).returns<User>(),
} as const;
