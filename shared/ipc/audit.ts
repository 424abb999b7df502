/**
 * The audit log as the IPC contract sees it: the input schemas of the `audit:*` channels and the
 * record types (plain JSON in shared/audit/types.ts, made to cross IPC unchanged),
 * re-exported so renderer code imports them from the contract.
 */
import { z } from 'zod';
import type { AuditPage } from '../audit/types';

export type {
  AuditChange,
  AuditChangeDetail,
  AuditDiffEntry,
  AuditErrorInfo,
  AuditExportFormat,
  AuditExportResult,
  AuditFacets,
  AuditFile,
  AuditFilter,
  AuditOutcomeKind,
  AuditProblemReason,
  AuditProfileRef,
  AuditPruneResult,
  AuditSignatureSummary,
  AuditSigningKeyInfo,
  AuditSigningStatus,
  AuditStateError,
  AuditTarget,
  AuditVerifyResult,
} from '../audit/types';

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
