/**
 * Record exports (issue 10, item 4; issue 11): every page of a list (users, organizations, an
 * organization's memberships) read through the profile's client at its rate budget and written by main to
 * a file the administrator chose, as CSV (metadata as JSON columns) or JSON (full objects).
 */

/** The file formats a record export writes. */
export const RECORD_EXPORT_FORMATS = ['csv', 'json'] as const;
/** One of {@link RECORD_EXPORT_FORMATS}. */
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

/** What a finished record export wrote. */
export interface RecordExportResult {
  path: string;
  format: RecordExportFormat;
  /** Records written. */
  rows: number;
}

/** The users CSV's columns, in order: the import's field names, so an exported file imports again (electron/services/exports/user-export.ts). */
export const USER_CSV_COLUMNS = [
  'id', 'external_id', 'email_address', 'phone_number', 'username', 'first_name', 'last_name', 'web3_wallet',
  'public_metadata', 'private_metadata', 'unsafe_metadata',
  'banned', 'locked', 'two_factor_enabled', 'password_enabled', 'has_image', 'created_at', 'updated_at', 'last_sign_in_at', 'last_active_at',
] as const;

// Organizations workspace (issue 11): the organizations and memberships exports (electron/services/exports/organization-export.ts).
/** The organizations CSV's columns, in order: Clerk's field names, metadata as JSON columns. */
export const ORGANIZATION_CSV_COLUMNS = [
  'id', 'name', 'slug', 'members_count', 'max_allowed_memberships', 'admin_delete_enabled', 'has_image', 'image_url',
  'public_metadata', 'private_metadata', 'created_by', 'created_at', 'updated_at',
] as const;

/** The memberships CSV's columns, in order: the member, the role and the membership's own metadata. */
export const MEMBERSHIP_CSV_COLUMNS = [
  'id', 'organization_id', 'user_id', 'identifier', 'first_name', 'last_name', 'username', 'role', 'role_name',
  'public_metadata', 'private_metadata', 'created_at', 'updated_at',
] as const;
