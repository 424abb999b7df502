/**
 * The `membershipJobs:*` channels (issue 11, item 7): bulk membership work on one organization,
 * through the bulk job engine. Each answers with the job's dry-run preview (nothing sent yet);
 * `bulkJobs:start` runs it after the confirmation and `bulkJobs:undo` makes its inverse, like any
 * other bulk job. Their input is validated here, once.
 */
import { z } from 'zod';
import type { BulkPreview } from '../bulk-jobs';
import { channel } from '../channel';
import { clerkId, localId, plainText } from '../schemas';
import { BULK_MAX_ITEMS } from './bulk-jobs';
import { roleKey } from './organizations';
import { metadataPatchField } from './users';

/** The user of one item and what to show it as. */
const memberItem = z.object({ userId: clerkId('user'), label: plainText(320).optional() });

/** Items of one job: at least one, each user once. */
const itemsOf = <T extends z.ZodType<{ userId: string }>>(item: T) =>
  z
    .array(item)
    .min(1, 'Choose at least one user.')
    .max(BULK_MAX_ITEMS, `A job takes at most ${BULK_MAX_ITEMS.toLocaleString('en')} users.`)
    .refine((items) => new Set(items.map((entry) => entry.userId)).size === items.length, 'Each user may appear only once.');

const organizationJob = z.object({ profileId: localId, organizationId: clerkId('org') });

/** The bulk membership channels. */
export const membershipJobChannels = {
  /** Dry-runs adding each user with their role (and optional membership metadata); skips users not found and members. */
  'membershipJobs:add': channel(
    organizationJob.extend({
      items: itemsOf(memberItem.extend({ role: roleKey, public_metadata: metadataPatchField.optional(), private_metadata: metadataPatchField.optional() })),
    }),
  ).returns<BulkPreview>(),
  /** Dry-runs changing each member's role to `role`; skips non-members and members already in it. */
  'membershipJobs:updateRole': channel(organizationJob.extend({ role: roleKey, items: itemsOf(memberItem) })).returns<BulkPreview>(),
  /** Dry-runs removing each member (their role and membership metadata kept for the undo); skips non-members. */
  'membershipJobs:remove': channel(organizationJob.extend({ items: itemsOf(memberItem) })).returns<BulkPreview>(),
} as const;
