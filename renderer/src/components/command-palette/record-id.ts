/**
 * Which tab a pasted Clerk id opens (the command palette's "open by id"). Clerk ids are
 * `<prefix>_<base62>`; the prefixes come from Clerk's spec, docs and SDKs (see
 * shared/reference/clerk-bapi-notes.md, "IDs").
 */
import type { RecordKind } from '@shared/sections';

/** The id prefix of each record kind that opens in a tab. */
export const RECORD_ID_PREFIXES: Readonly<Record<RecordKind, string>> = {
  user: 'user_',
  organization: 'org_',
  session: 'sess_',
  // `idn_` is every identification (email, phone, web3); the only one with its own tab is the phone number.
  'phone-number': 'idn_',
  'sign-in-token': 'sit_',
  // A sign-up attempt ("sua_", from the Go SDK).
  'sign-up': 'sua_',
  'saml-connection': 'samlc_',
  'redirect-url': 'ru_',
};

// The part after the prefix: base62, as shared/ipc/schemas.ts `clerkId` accepts it (27 characters in practice).
const ID_BODY = /^[A-Za-z0-9]{1,64}$/;

/** A record to open: its kind and its id as Clerk writes it. */
export interface RecordRef {
  kind: RecordKind;
  id: string;
}

/**
 * The record a typed text names by its Clerk id (surrounding spaces and quotes ignored), or null
 * when it is not one: unknown prefix, no body after the prefix, or characters an id never has.
 */
export function recordForId(text: string): RecordRef | null {
  const id = text.trim().replace(/^["'`]+|["'`]+$/g, '');
  for (const [kind, prefix] of Object.entries(RECORD_ID_PREFIXES) as [RecordKind, string][]) {
    if (id.startsWith(prefix) && ID_BODY.test(id.slice(prefix.length))) return { kind, id };
  }
  return null;
}
