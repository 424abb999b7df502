/**
 * The metadata kinds each record has, with who can read and write each (Clerk docs, Users →
 * extending: public is read by the frontend and written by the backend only, private is backend
 * only, unsafe is read and written by both). Users have all three; organizations and memberships
 * have public and private.
 */

/** One metadata kind of a record. */
export interface MetadataKind {
  /** The record's field and the patch's key, e.g. `public_metadata`. */
  field: string;
  /** "Public". */
  label: string;
  /** Who can read and write it. */
  access: string;
}

const PUBLIC: MetadataKind = { field: 'public_metadata', label: 'Public', access: 'Frontend reads, only the backend writes' };
const PRIVATE: MetadataKind = { field: 'private_metadata', label: 'Private', access: 'Backend only: never sent to the frontend' };
const UNSAFE: MetadataKind = { field: 'unsafe_metadata', label: 'Unsafe', access: 'Frontend reads and writes: the user can change it' };

/** A user's metadata kinds. */
export const USER_METADATA_KINDS: readonly MetadataKind[] = [PUBLIC, PRIVATE, UNSAFE];
/** An organization's metadata kinds. */
export const ORGANIZATION_METADATA_KINDS: readonly MetadataKind[] = [PUBLIC, PRIVATE];
/** An organization membership's metadata kinds. */
export const MEMBERSHIP_METADATA_KINDS: readonly MetadataKind[] = [PUBLIC, PRIVATE];
