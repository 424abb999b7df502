/**
 * The `audit:*` channels: reading the offline audit log, its long operations (export, verify, the
 * retention prune) as background jobs, and their input schemas.
 */
import { z } from 'zod';
import type { AuditChangeDetail, AuditFacets, AuditPage, AuditSigningStatus } from '../../audit/types';
import { channel } from '../channel';
import type { JobStarted } from '../jobs';
import { none } from '../schemas';

/** Outcomes a change can have, for the outcome filter. */
export const AUDIT_OUTCOMES = ['success', 'clerk_error', 'network_error', 'unknown'] as const;

/** Export file formats. */
export const AUDIT_EXPORT_FORMATS = ['csv', 'ndjson', 'ocsf'] as const;

/** The most rows one `audit:list` call returns. */
export const AUDIT_MAX_PAGE = 1000;

const text = (max: number) => z.string().trim().max(max).optional();
const time = z.number().int().min(0).max(8.64e15).optional();

/** The filters of the Audit log section (all optional, combined with AND). */
export const auditFilter = z
  .strictObject({
    profileId: text(200),
    /** Exact (`users.ban`) or a prefix ending in `.` or `.*` (`users.*`). */
    action: text(200),
    targetId: text(200),
    actor: text(200),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    bulkId: text(200),
    /** Inclusive lower bound, ms UTC. */
    from: time,
    /** Exclusive upper bound, ms UTC. */
    to: time,
    /** Free text over actions, targets, paths and payloads. */
    text: text(500),
  })
  .refine((filter) => filter.from === undefined || filter.to === undefined || filter.from < filter.to, {
    message: 'The time range is empty: its start must be before its end.',
    path: ['to'],
  });

/** Retention in whole days (at most 100 years), or null to keep every record. */
export const retentionDays = z.number().int().min(1, 'Keep records for at least one day.').max(36_500).nullable();

/** One page of changes (newest first), with the total when it was asked for. */
export interface AuditListResult extends AuditPage {
  /** How many changes match the filter, or null when not requested. */
  total: number | null;
}

/** The retention setting. */
export interface AuditRetention {
  /** Whole days, or null: keep forever. */
  days: number | null;
}

/** The audit log's channels. */
export const auditChannels = {
  'audit:list': channel(
    // Strict: every field is optional, so a stray key is the only sign of a confused caller.
    z.strictObject({
      filter: auditFilter.default({}),
      limit: z.number().int().min(1).max(AUDIT_MAX_PAGE).default(100),
      /** Keyset paging: changes older than this seq (the previous page's `nextBefore`). */
      before: z.number().int().min(0).optional(),
      /** Offset paging; ignored when `before` is given. */
      offset: z.number().int().min(0).optional(),
      /** Also count the matches (costs a scan of them; ask on the first page only). */
      includeTotal: z.boolean().default(false),
    }),
  ).returns<AuditListResult>(),
  'audit:get': channel(z.object({ seq: z.number().int().min(1) })).returns<AuditChangeDetail>(),
  'audit:facets': channel(none).returns<AuditFacets>(),
  /** Asks for a destination file, then exports in the background; null when the dialog was cancelled. */
  'audit:export': channel(z.object({ filter: auditFilter.default({}), format: z.enum(AUDIT_EXPORT_FORMATS) })).returns<JobStarted | null>(),
  /**
   * Shows a finished export's file in the system's file manager. It takes the export's job id, never
   * a path: main reveals only files its own exports wrote.
   */
  'audit:showExport': channel(z.object({ jobId: z.uuid({ message: 'Must be a job id.' }) })).returns<null>(),
  'audit:verify': channel(none).returns<JobStarted>(),
  /** The audit log's signing key: its public key (PEM) and fingerprint, never the private key. */
  'audit:signingKey': channel(none).returns<AuditSigningStatus>(),
  'audit:retention': channel(none).returns<AuditRetention>(),
  /** Saves the retention and applies it at once (a prune job, when records are kept for N days). */
  'audit:setRetention': channel(z.object({ days: retentionDays })).returns<AuditRetention & { jobId: string | null }>(),
} as const;
