/**
 * The left-navigation sections: their labels, a one-line purpose, and whether this version
 * builds them (the others show a "coming in a later version" page rather than a broken one).
 */
import { SECTION_IDS, type SectionId } from '@shared/ipc/types';

/** What the shell shows for one section. */
export interface SectionInfo {
  id: SectionId;
  label: string;
  description: string;
  /** False while the section is planned but not built yet. */
  available: boolean;
  /** Whether it shows an instance's data (and so needs a profile); the others open with no profile too. */
  needsProfile: boolean;
}

const INFO: Record<SectionId, Omit<SectionInfo, 'id'>> = {
  users: { label: 'Users', description: 'Search, page through and inspect the users of this instance.', available: true, needsProfile: true },
  organizations: { label: 'Organizations', description: 'Organizations, their members, roles and invitations.', available: false, needsProfile: true },
  'saml-connections': { label: 'SAML connections', description: 'Enterprise SSO connections and their identity providers.', available: false, needsProfile: true },
  sessions: { label: 'Sessions', description: 'Active sessions, with revoke for a lost device.', available: false, needsProfile: true },
  'redirect-urls': { label: 'Redirect URLs', description: 'Allowed redirect URLs for native and mobile apps.', available: false, needsProfile: true },
  'sign-in-tokens': { label: 'Sign-in tokens', description: 'One-time sign-in tokens for support and impersonation flows.', available: false, needsProfile: true },
  'audit-log': { label: 'Audit log', description: 'Every change this app made, kept on this computer.', available: true, needsProfile: false },
  profiles: { label: 'Profiles', description: 'The Clerk instances this app manages and their secret keys.', available: true, needsProfile: false },
};

/** Every section in navigation order. */
export const SECTIONS: readonly SectionInfo[] = SECTION_IDS.map((id) => ({ id, ...INFO[id] }));

/** One section's info. */
export function sectionInfo(id: SectionId): SectionInfo {
  return { id, ...INFO[id] };
}

/** The tab key of a section (one tab per section). */
export function sectionTabKey(id: SectionId): string {
  return `section:${id}`;
}
