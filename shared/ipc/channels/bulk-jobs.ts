/**
 * The `bulkJobs:*` channels (issue 10): create a bulk job (its dry run answers with the preview),
 * start it (with the typed confirmation on a production-class profile), follow it, page through and
 * export its per-item results, cancel, resume and undo it, list a profile's jobs, and read the
 * profile's budget meter. Their input is validated here, once.
 */
import { z } from 'zod';
import type { BudgetMeter, BulkItemPage, BulkJobStatus, BulkPreview } from '../bulk-jobs';
import { BULK_ITEM_STATES, BULK_OPERATIONS } from '../bulk-jobs';
import { channel } from '../channel';
import { localId, plainText } from '../schemas';

/** The most items one job takes (a whole selection of the Users list, or an import). */
export const BULK_MAX_ITEMS = 50_000;
/** The largest page of the result list. */
export const BULK_ITEMS_PAGE_MAX = 500;

const jobId = z.uuid({ message: 'Must be a bulk job id.' });
const jobRef = z.object({ jobId });
const itemState = z.enum(BULK_ITEM_STATES, { message: 'Must be an item state.' });

/** A JSON object (metadata); its size and depth are Clerk's to check. */
const jsonObject = z.record(z.string().max(200), z.unknown());

/** One item: the record's id and what to show for it. */
const bulkItem = z.object({
  targetId: z
    .string()
    .trim()
    .min(1, 'Must not be empty.')
    .max(100, 'Must be a Clerk id.')
    .regex(/^[a-z]+_[A-Za-z0-9]+$/, 'Must be a Clerk id such as user_2g7np7Hrk0SN6kj5EDMLDaKNL0S.'),
  label: plainText(320).optional(),
});

/** The bulk jobs' channels. */
export const bulkJobChannels = {
  /** Stores the job as a draft and dry-runs it: reads each item's current state, nothing is sent. */
  'bulkJobs:create': channel(
    z.object({
      profileId: localId,
      operation: z.enum(BULK_OPERATIONS, { message: 'Must be a known bulk operation.' }),
      /** `users.metadata`: the patch deep-merged into each user's metadata (required there, refused elsewhere). */
      metadata: z
        .strictObject({ public_metadata: jsonObject.optional(), private_metadata: jsonObject.optional(), unsafe_metadata: jsonObject.optional() })
        .refine((patch) => Object.keys(patch).length > 0, 'Give at least one of public, private or unsafe metadata.')
        .optional(),
      items: z
        .array(bulkItem)
        .min(1, 'Select at least one item.')
        .max(BULK_MAX_ITEMS, `A job takes at most ${BULK_MAX_ITEMS.toLocaleString('en')} items.`)
        .refine((items) => new Set(items.map((item) => item.targetId)).size === items.length, 'Each item may appear only once.'),
    }).refine((input) => (input.operation === 'users.metadata') === (input.metadata !== undefined), {
      message: 'A metadata job needs its patch, and only a metadata job takes one.',
      path: ['metadata'],
    }),
  ).returns<BulkPreview>(),
  /** Starts a draft. `confirmPhrase`: what the administrator typed (a production-class profile needs the item count). */
  'bulkJobs:start': channel(z.object({ jobId, confirmPhrase: z.string().max(40).optional() })).returns<BulkJobStatus>(),
  'bulkJobs:status': channel(jobRef).returns<BulkJobStatus>(),
  /** A page of the per-item results, optionally of some states only, in item order. */
  'bulkJobs:items': channel(
    z.object({
      jobId,
      states: z.array(itemState).min(1).max(BULK_ITEM_STATES.length).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(BULK_ITEMS_PAGE_MAX).default(100),
    }),
  ).returns<BulkItemPage>(),
  /** Stops a job: items in flight finish, the rest become cancelled. A draft is discarded the same way. */
  'bulkJobs:cancel': channel(jobRef).returns<BulkJobStatus>(),
  /** Goes on with a paused job where it stopped; items in flight at a crash are checked first. */
  'bulkJobs:resume': channel(jobRef).returns<BulkJobStatus>(),
  /** Makes the inverse job of a finished job's done items, as a draft with its own dry run. */
  'bulkJobs:undo': channel(jobRef).returns<BulkPreview>(),
  /** A profile's jobs, newest first; `resumable` lists only the paused ones (after a quit or crash). */
  'bulkJobs:list': channel(z.object({ profileId: localId.optional(), resumable: z.boolean().optional() })).returns<BulkJobStatus[]>(),
  /** Writes the result list (optionally of some states) to a CSV file the administrator chooses; null when cancelled. */
  'bulkJobs:exportResults': channel(z.object({ jobId, states: z.array(itemState).min(1).max(BULK_ITEM_STATES.length).optional() })).returns<{
    path: string;
    rows: number;
  } | null>(),
  /** The profile's budget meter: requests used in the current window, and what is queued. */
  'bulkJobs:budget': channel(z.object({ profileId: localId })).returns<BudgetMeter>(),
} as const;
