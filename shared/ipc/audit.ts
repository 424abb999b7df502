/**
 * The audit log as the IPC contract sees it: the record types (plain JSON in shared/audit/types.ts,
 * made to cross IPC unchanged) and the `audit:*` channels' schemas and results
 * (channels/audit.ts), re-exported so renderer code imports them from the contract.
 */
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

export { AUDIT_EXPORT_FORMATS, AUDIT_MAX_PAGE, AUDIT_OUTCOMES, auditFilter, retentionDays, type AuditListResult, type AuditRetention } from './channels/audit';
