/**
 * Background jobs (export, verify, prune): main runs them and the renderer polls their status, so
 * a long operation never blocks a channel and works the same over Electron IPC and in the e2e harness.
 */
import type { AuditExportResult, AuditPruneResult, AuditVerifyResult } from '../audit/types';
import type { IpcError } from './errors';
import type { RecordExportResult } from './exports';
import type { MembershipOverviewResult } from './membership-overview';

/** Where a job is: still running, or how it ended. */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** What each kind of job resolves to. */
export interface JobResults {
  'audit-export': AuditExportResult;
  'audit-verify': AuditVerifyResult;
  'audit-prune': AuditPruneResult;
  /** A paged export of records (users) to a file (issue 10, item 4; electron/services/exports). */
  'records-export': RecordExportResult;
  /** The membership overview across organizations (issue 11, item 9; electron/services/organizations/membership-overview.ts). */
  'membership-overview': MembershipOverviewResult;
}

/** The kinds of job. */
export type JobKind = keyof JobResults;

/** How far a job got: `done` of `total` units (records, changes). */
export interface JobProgress {
  done: number;
  total: number;
}

/** One job's status, as `jobs:status` reports it. */
export interface JobStatusOf<K extends JobKind> {
  jobId: string;
  kind: K;
  state: JobState;
  progress: JobProgress;
  /** Set when `state` is `done`. */
  result?: JobResults[K];
  /** Set when `state` is `failed`. */
  error?: IpcError;
  startedAt: number;
  finishedAt: number | null;
}

/** The status of any job (discriminated by `kind`). */
export type JobStatus = { [K in JobKind]: JobStatusOf<K> }[JobKind];

/** A job that was started. */
export interface JobStarted {
  jobId: string;
}
