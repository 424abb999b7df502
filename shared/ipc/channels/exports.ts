/**
 * The `exports:*` channels (issue 10, item 4; issue 11): start a paged export of the users list,
 * the organizations list or an organization's members (their filters, or none for all) as a
 * background job that `jobs:status` follows. Main asks where the file goes; the answer is null
 * when the administrator cancelled that dialog.
 */
import { z } from 'zod';
import { channel } from '../channel';
import type { JobStarted } from '../jobs';
import { clerkId, localId } from '../schemas';
import { RECORD_EXPORT_FORMATS } from '../exports';
import { userListFilters } from './users';
import { roleKey } from './organizations';

// Organizations workspace (issue 11): the organizations list's and the members table's filters.
const organizationExportFilters = z.object({ query: z.string().trim().max(200).optional() }).strict();
const membershipExportFilters = z.object({ role: z.array(roleKey).max(20).optional(), query: z.string().trim().max(200).optional() }).strict();
/** The organizations list's filters an export keeps (none: every organization). */
export type OrganizationExportFilters = z.infer<typeof organizationExportFilters>;
/** The members table's filters an export keeps (none: every member). */
export type MembershipExportFilters = z.infer<typeof membershipExportFilters>;
const exportFormat = z.enum(RECORD_EXPORT_FORMATS, { message: 'Choose CSV or JSON.' });

/** The record exports' channels. */
export const exportChannels = {
  /** Exports the users the filters match (empty filters: every user) to CSV or JSON, with all metadata. */
  'exports:users': channel(
    z.object({
      profileId: localId,
      filters: userListFilters.default({}),
      format: exportFormat,
    }),
  ).returns<JobStarted | null>(),
  /** Exports the organizations the list's search matches (none: every organization) with member counts and metadata. */
  'exports:organizations': channel(
    z.object({ profileId: localId, filters: organizationExportFilters.default({}), format: exportFormat }),
  ).returns<JobStarted | null>(),
  /** Exports one organization's memberships the members table's filters match (none: every member), with their metadata. */
  'exports:memberships': channel(
    z.object({ profileId: localId, organizationId: clerkId('org'), filters: membershipExportFilters.default({}), format: exportFormat }),
  ).returns<JobStarted | null>(),
} as const;
