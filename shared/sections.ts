/**
 * The one registry of the app's sections and the record kinds they open. The native menu, the left
 * navigation, the icons, the tab schema, the tab store, the view registry and the audit log's "open
 * target" all read it, so adding a section is one entry here plus its view folder
 * (`renderer/src/views/<section>/`, registered by id in `renderer/src/views/view-registry.ts`).
 *
 * Plain data, imported by main and renderer alike: no Vue, no Electron. Icons are named here and
 * drawn by the renderer (`renderer/src/components/section-icons.ts`).
 */

/** A record kind as the registry declares it. */
interface RecordKindEntry {
  /** Used in tab keys and the tab schema; kebab-case, singular. */
  readonly kind: string;
  /** How a person reads it, lower case as in running text ("Opening a SAML connection …"). */
  readonly label: string;
  /** The audit log's target types whose records open a tab of this kind. */
  readonly auditTargetTypes: readonly string[];
}

/** A section as the registry declares it. */
interface SectionEntry {
  /** Used in tab keys, menu commands and test ids; kebab-case, plural. */
  readonly id: string;
  readonly label: string;
  /** One line on what the section is for (the navigation's tooltip, the "coming soon" page). */
  readonly description: string;
  /** The icon's name; the renderer draws it. */
  readonly icon: string;
  /** False while the section is planned but not built yet (it shows a "coming in a later version" page). */
  readonly available: boolean;
  /** Whether it shows an instance's data (and so needs a profile); the others open with no profile too. */
  readonly needsProfile: boolean;
  /** The record kinds whose tabs belong to this section (it is the one highlighted while they are active). */
  readonly records: readonly RecordKindEntry[];
}

// Every section, in navigation (and menu shortcut) order, with the record kinds it opens.
const REGISTRY = [
  {
    id: 'users',
    label: 'Users',
    description: 'Search, page through and inspect the users of this instance.',
    icon: 'person',
    available: true,
    needsProfile: true,
    records: [
      { kind: 'user', label: 'user', auditTargetTypes: ['user'] },
      // A sign-up is the attempt that becomes a user (its `created_user_id`).
      { kind: 'sign-up', label: 'sign-up', auditTargetTypes: ['sign_up'] },
      // A phone number of a user (issue 9, item 9): opened from the user's tab and from the audit log.
      { kind: 'phone-number', label: 'phone number', auditTargetTypes: ['phone_number'] },
    ],
  },
  {
    id: 'organizations',
    label: 'Organizations',
    description: 'Organizations, their members, roles and invitations.',
    icon: 'building',
    available: true,
    needsProfile: true,
    records: [{ kind: 'organization', label: 'organization', auditTargetTypes: ['organization'] }],
  },
  {
    id: 'saml-connections',
    label: 'SAML connections',
    description: 'Enterprise SSO connections and their identity providers.',
    icon: 'shield',
    // Issue 12, item 1: list, create, the connection's tab.
    available: true,
    needsProfile: true,
    records: [{ kind: 'saml-connection', label: 'SAML connection', auditTargetTypes: ['saml_connection'] }],
  },
  {
    id: 'sessions',
    label: 'Sessions',
    description: 'Active sessions, with revoke for a lost device.',
    icon: 'monitor',
    available: true,
    needsProfile: true,
    records: [{ kind: 'session', label: 'session', auditTargetTypes: ['session'] }],
  },
  {
    id: 'redirect-urls',
    label: 'Redirect URLs',
    description: 'Allowed redirect URLs for native and mobile apps.',
    icon: 'link',
    // Issue 12, item 3: list, add, view and delete.
    available: true,
    needsProfile: true,
    records: [{ kind: 'redirect-url', label: 'redirect URL', auditTargetTypes: ['redirect_url'] }],
  },
  {
    id: 'sign-in-tokens',
    label: 'Sign-in tokens',
    description: 'One-time sign-in tokens for support and impersonation flows.',
    icon: 'ticket',
    // Issue 9: the ledger of the tokens this app created (Clerk cannot list them).
    available: true,
    needsProfile: true,
    records: [{ kind: 'sign-in-token', label: 'sign-in token', auditTargetTypes: ['sign_in_token'] }],
  },
  {
    id: 'audit-log',
    label: 'Audit log',
    description: 'Every change this app made, kept on this computer.',
    icon: 'ledger',
    available: true,
    needsProfile: false,
    records: [],
  },
  {
    id: 'profiles',
    label: 'Profiles',
    description: 'The Clerk instances this app manages and their secret keys.',
    icon: 'database',
    available: true,
    needsProfile: false,
    records: [],
  },
] as const satisfies readonly SectionEntry[];

type Section = (typeof REGISTRY)[number];

/** A left-navigation section; each can be opened as a tab. */
export type SectionId = Section['id'];

/** A record kind that opens in its own tab. */
export type RecordKind = Section['records'][number]['kind'];

/** The name of a section's icon. */
export type SectionIconName = Section['icon'];

/** What the app knows about one section. */
export interface SectionInfo {
  id: SectionId;
  label: string;
  description: string;
  icon: SectionIconName;
  available: boolean;
  needsProfile: boolean;
  /** The record kinds whose tabs belong to it. */
  records: readonly RecordKind[];
}

/** What the app knows about one record kind. */
export interface RecordKindInfo {
  kind: RecordKind;
  label: string;
  /** The section its tabs belong to. */
  section: SectionId;
  auditTargetTypes: readonly string[];
}

/** Every section, in navigation (and menu shortcut) order. */
export const SECTIONS: readonly SectionInfo[] = REGISTRY.map((section) => ({
  id: section.id,
  label: section.label,
  description: section.description,
  icon: section.icon,
  available: section.available,
  needsProfile: section.needsProfile,
  records: section.records.map((record) => record.kind),
}));

/** Every record kind, in registry order. */
export const RECORDS: readonly RecordKindInfo[] = REGISTRY.flatMap((section) =>
  section.records.map((record) => ({ kind: record.kind, label: record.label, section: section.id, auditTargetTypes: record.auditTargetTypes })),
);

/** Every section id, in navigation order (non-empty, as `z.enum` wants it). */
export const SECTION_IDS = SECTIONS.map((section) => section.id) as [SectionId, ...SectionId[]];

/** Every record kind, in registry order (non-empty, as `z.enum` wants it). */
export const RECORD_KINDS = RECORDS.map((record) => record.kind) as [RecordKind, ...RecordKind[]];

/** The section a tab opens with the first time a profile is used. */
export const DEFAULT_SECTION: SectionId = 'users';

const sectionById = new Map(SECTIONS.map((section) => [section.id, section]));
const recordByKind = new Map(RECORDS.map((record) => [record.kind, record]));
const recordByAuditTarget = new Map(RECORDS.flatMap((record) => record.auditTargetTypes.map((type) => [type, record.kind] as const)));

/** One section's info. */
export function sectionInfo(id: SectionId): SectionInfo {
  return sectionById.get(id)!;
}

/** One record kind's info. */
export function recordKindInfo(kind: RecordKind): RecordKindInfo {
  return recordByKind.get(kind)!;
}

/** The record kind an audit target type opens in, or null when it has none. */
export function recordKindForAuditTarget(type: string): RecordKind | null {
  return recordByAuditTarget.get(type) ?? null;
}

/** The tab key of a section (one tab per section). */
export function sectionTabKey(id: SectionId): string {
  return `section:${id}`;
}

/** The tab key of one record. */
export function recordTabKey(record: RecordKind, id: string): string {
  return `${record}:${id}`;
}
