/**
 * The bulk job engine: one shared service in main for every bulk feature. A job is created as a
 * draft by its dry run (every item's current state read, nothing sent), stored with all its items,
 * and started once the administrator confirms the preview (a production-class profile needs the
 * typed item count, checked here). Items go out through the profile's client, so the profile's
 * rate budget paces them, a 429's `Retry-After` holds the whole profile back (the client tells the
 * budget), the per-user limit is kept by the pipeline, the read-only guard refuses, and every call
 * carries the job id as its audit bulk id. At most `concurrency` items are in flight.
 *
 * Never twice: an item is `sending` on disk before its call and `done` only after its 2xx. A job
 * that was running when the app stopped is paused at the next start (not resumed on its own: the
 * administrator decides, the instance may have changed meanwhile); on resume, items found
 * `sending` are checked against the instance first and only the ones not yet applied are sent.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { AppError, type IpcError } from '../../../../shared/ipc/errors';
import type { BudgetMeter, BulkItemInput, BulkMetadataPatch, BulkItemPage, BulkItemState, BulkJobState, BulkJobStatus, BulkOperationName, BulkPreview } from '../../../../shared/ipc/bulk-jobs';
import type { AuditLog } from '../../audit/audit-log';
import type { ClerkClients } from '../../clerk-clients';
import type { Platform } from '../../platform';
import { isProductionClass, type ProfileService } from '../../profiles/profile-service';
import { bulkOperations, type BulkOperation } from './bulk-operations';
import { resultsCsv } from './bulk-csv';
import { BulkJobStore, type BulkJobRecord, type NewBulkItem, type WorkItem } from './bulk-store';
import { etaMs, holdPerRequest } from './bulk-eta';
import type { BudgetUsage, HoldStats } from '../../clerk/rate-budget';

/** How many items of one job are in flight at once by default (the budget allows 8 requests). */
export const BULK_CONCURRENCY = 8;
/** Sends of one item before it fails for good (429s the client gave up on, unknown outcomes). */
export const BULK_MAX_ATTEMPTS = 5;

/** What a job is created from: the channel's input, or an undo's items with their own params. */
export interface BulkJobInput {
  profileId: string;
  operation: BulkOperationName;
  items: readonly (BulkItemInput & { params?: Record<string, unknown> })[];
  /** `users.metadata`'s patch. */
  metadata?: BulkMetadataPatch;
  /** The job's other params (a membership job's organization id). */
  params?: Record<string, unknown>;
  undoOf?: string;
}

/** How to build a {@link BulkJobEngine}. */
export interface BulkJobEngineOptions {
  db: DatabaseSync;
  clients: Pick<ClerkClients, 'for' | 'budgetOf'>;
  profiles: Pick<ProfileService, 'require'>;
  /** Sealed with a digest at the end of each job. */
  audit?: AuditLog;
  /** The save dialog for the results export. */
  platform?: Platform;
  clock?: () => number;
  concurrency?: number;
  /** A job that failed with something other than an AppError (main's log). */
  onInternalError?: (jobId: string, error: unknown) => void;
}

interface RunningJob {
  /** Why the runner should stop taking items: the administrator cancelled, or the app quits. */
  stop: 'cancel' | 'quit' | null;
  settled: Promise<void>;
  /** The profile budget's holds and starts when the runner began (the ETA's hold time per request). */
  holdsAtStart: HoldStats;
}

const ENDED: readonly BulkJobState[] = ['done', 'cancelled', 'failed'];
const LEFT_TO_SEND: readonly BulkItemState[] = ['pending', 'sending', 'unknown'];

/** Creates, runs, resumes and undoes bulk jobs (see the module comment). */
export class BulkJobEngine {
  readonly store: BulkJobStore;
  private readonly running = new Map<string, RunningJob>();
  private readonly clock: () => number;
  private readonly concurrency: number;

  constructor(private readonly options: BulkJobEngineOptions) {
    this.clock = options.clock ?? Date.now;
    this.concurrency = options.concurrency ?? BULK_CONCURRENCY;
    this.store = new BulkJobStore(options.db, this.clock);
    this.recoverStopped();
  }

  /** Stores a draft job and dry-runs it: each item's current state decides "would change" or "skip, because…". */
  async create(input: BulkJobInput): Promise<BulkPreview> {
    const profile = this.options.profiles.require(input.profileId);
    refuseReadOnly(profile.readOnly);
    const op = bulkOperations[input.operation];
    const params: Record<string, unknown> = { ...input.params, ...(input.metadata ? { metadata: input.metadata } : {}) };
    op.validateParams?.(params);
    const targets = input.items.map((item) => ({ targetId: item.targetId, params: item.params ?? null }));
    const verdicts = await op.check(this.options.clients.for(profile.id), targets, params);
    const items: NewBulkItem[] = input.items.map((item) => {
      const verdict = verdicts.get(item.targetId) ?? { kind: 'skip', reason: 'not found', applied: false };
      const label = item.label ?? verdict.label;
      if (verdict.kind === 'skip') return { ...item, label, state: 'skipped', skipReason: verdict.reason };
      // What the dry run read and the item keeps (for its undo) joins the item's own params.
      return { ...item, label, ...(verdict.keep ? { params: { ...item.params, ...verdict.keep } } : {}), state: 'pending' };
    });
    const id = randomUUID();
    this.store.insert({ id, profileId: profile.id, operation: op.name, params, state: 'draft', undoOf: input.undoOf ?? null, createdAt: this.clock() }, items);
    return this.preview(id);
  }

  /** Starts a draft after the administrator confirmed its preview. */
  async start(jobId: string, confirmPhrase?: string): Promise<BulkJobStatus> {
    const job = this.store.require(jobId);
    if (job.state !== 'draft') throw new AppError({ kind: 'validation', code: 'bulk_job_started', message: `This job was already started (it is ${job.state}).` });
    const profile = this.options.profiles.require(job.profileId);
    refuseReadOnly(profile.readOnly);
    const pending = this.store.counts(jobId).pending;
    if (isProductionClass(profile) && normalisePhrase(confirmPhrase) !== String(pending)) {
      throw new AppError({
        kind: 'validation',
        code: 'confirmation_mismatch',
        paramName: 'confirmPhrase',
        message: `Type ${pending} (the number of items that will change) to start this job on a production instance.`,
        fields: [{ field: 'confirmPhrase', message: `Type ${pending} to confirm.` }],
      });
    }
    this.store.setJobState(jobId, 'queued');
    this.launch(jobId);
    return this.status(jobId);
  }

  /** Goes on with a paused (or failed) job where it stopped. */
  async resume(jobId: string): Promise<BulkJobStatus> {
    const job = this.store.require(jobId);
    if (this.running.has(jobId)) return this.status(jobId);
    if (job.state !== 'paused' && job.state !== 'failed') {
      throw new AppError({ kind: 'validation', code: 'bulk_job_not_resumable', message: `Only a paused job can be resumed; this one is ${job.state}.` });
    }
    refuseReadOnly(this.options.profiles.require(job.profileId).readOnly);
    this.store.setJobState(jobId, 'queued');
    this.launch(jobId);
    return this.status(jobId);
  }

  /** Cancels a job: in-flight items finish, the rest become cancelled. A draft is discarded. */
  async cancel(jobId: string): Promise<BulkJobStatus> {
    const job = this.store.require(jobId);
    const running = this.running.get(jobId);
    if (running) {
      running.stop = 'cancel';
      await running.settled;
    } else if (!ENDED.includes(job.state)) {
      await this.cancelRest(job);
    }
    return this.status(jobId);
  }

  /** Makes the inverse job (a draft with its own dry run) of a finished job's done items. */
  async undo(jobId: string): Promise<BulkPreview> {
    const job = this.store.require(jobId);
    const op = bulkOperations[job.operation];
    const inverse = op.inverse;
    if (!inverse) throw new AppError({ kind: 'validation', code: 'bulk_job_not_undoable', message: `${bulkOperations[job.operation].title} cannot be undone.` });
    if (!ENDED.includes(job.state)) throw new AppError({ kind: 'validation', code: 'bulk_job_not_finished', message: 'A job can be undone once it has finished or was cancelled.' });
    const done = this.store.targets(jobId, 'done');
    if (done.length === 0) throw new AppError({ kind: 'validation', code: 'bulk_job_nothing_to_undo', message: 'No item of this job was changed, so there is nothing to undo.' });
    const items = op.undoItems ? op.undoItems(done, { jobId, recorded: (targetId) => this.recorded(jobId, targetId) }) : done.map(({ targetId, label }) => ({ targetId, label: label ?? undefined }));
    return this.create({ profileId: job.profileId, operation: inverse, items, params: op.undoParams?.(job.params), undoOf: jobId });
  }

  // The before- and after-state the audit log holds for the job's (last successful) change of a target.
  private recorded(jobId: string, targetId: string): { before: unknown; after: unknown } | null {
    const audit = this.options.audit;
    if (!audit) return null;
    const change = audit.list({ bulkId: jobId, targetId }, { limit: 20 }).rows.find((row) => row.outcome === 'success');
    const detail = change ? audit.get(change.seq) : null;
    return detail && detail.before !== undefined ? { before: detail.before, after: detail.after } : null;
  }

  /** A job's status: counts, progress, ETA at the profile's budget. */
  status(jobId: string): BulkJobStatus {
    return this.describe(this.store.require(jobId));
  }

  /** Jobs newest first, of a profile or all; `resumable`: the paused ones only. */
  list(filter: { profileId?: string; resumable?: boolean } = {}): BulkJobStatus[] {
    return this.store.list({ profileId: filter.profileId, states: filter.resumable ? ['paused'] : undefined }).map((job) => this.describe(job));
  }

  /** A page of the per-item results. */
  items(jobId: string, options: { states?: BulkItemState[]; offset?: number; limit?: number }): BulkItemPage {
    this.store.require(jobId);
    return this.store.items(jobId, options);
  }

  /** Writes the results (of some states, or all) as CSV where the administrator chooses. */
  async exportResults(jobId: string, states?: BulkItemState[]): Promise<{ path: string; rows: number } | null> {
    const job = this.store.require(jobId);
    const platform = this.options.platform;
    if (!platform) throw new AppError({ kind: 'internal', message: 'This app has no file dialog to choose where the results go.' });
    const stamp = new Date(this.clock()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const path = await platform.chooseSavePath({
      title: 'Export the results of the bulk job',
      defaultName: `${job.operation.replace('.', '-')}-${stamp}.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (!path) return null;
    const { rows } = this.store.items(jobId, { states });
    await writeFile(path, resultsCsv(rows), 'utf8');
    return { path, rows: rows.length };
  }

  /** The profile's budget meter: its window's use, and what its unfinished jobs still have to send. */
  budget(profileId: string): BudgetMeter {
    this.options.profiles.require(profileId);
    const usage = this.options.clients.budgetOf(profileId).usage();
    const queued = this.store
      .list({ profileId, states: ['queued', 'running', 'paused'] })
      .reduce((sum, job) => sum + this.requestsLeft(job), 0);
    return { profileId, used: usage.used, limit: usage.limit, windowMs: usage.windowMs, inFlight: usage.inFlight, waiting: usage.queued, queued, heldUntil: usage.heldUntil };
  }

  /** Resolves when the job's runner (if any) has stopped (tests, the benchmark). */
  async settled(jobId: string): Promise<BulkJobStatus> {
    await this.running.get(jobId)?.settled;
    return this.status(jobId);
  }

  /** At quit: every running job stops taking items, its in-flight items finish, and it is paused. */
  async close(): Promise<void> {
    for (const job of this.running.values()) job.stop ??= 'quit';
    await Promise.all([...this.running.values()].map((job) => job.settled));
  }

  // A job the last process left running (or queued) stopped with it: paused, and what was in
  // flight is unknown until checked.
  private recoverStopped(): void {
    for (const job of this.store.list({ states: ['queued', 'running'] })) {
      this.store.moveItems(job.id, ['sending'], 'unknown');
      this.store.setJobState(job.id, 'paused', { pauseReason: 'app_stopped' });
    }
  }

  private launch(jobId: string): void {
    const entry: RunningJob = { stop: null, settled: Promise.resolve(), holdsAtStart: this.options.clients.budgetOf(this.store.require(jobId).profileId).holdStats() };
    entry.settled = this.execute(jobId, entry)
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) this.options.onInternalError?.(jobId, error);
        this.store.setJobState(jobId, 'failed', { error: toIpcError(error) });
      })
      .finally(() => {
        this.running.delete(jobId);
        this.seal();
      });
    this.running.set(jobId, entry);
  }

  private async execute(jobId: string, entry: RunningJob): Promise<void> {
    const job = this.store.require(jobId);
    const op = bulkOperations[job.operation];
    this.store.setJobState(jobId, 'running');
    // Rounds: send what is pending; what ended unknown (a timeout on a change) is checked, and
    // what was not applied goes round again, until nothing is left or an item ran out of attempts.
    for (let round = 0; round <= BULK_MAX_ATTEMPTS; round++) {
      await this.verifyUnknown(job, op);
      const queue = this.store.workItems(jobId, ['pending']);
      if (queue.length === 0 || entry.stop) break;
      await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, () => this.worker(job, op, queue, entry)));
      if (entry.stop) break;
    }
    if (entry.stop === 'quit') {
      this.store.setJobState(jobId, 'paused', { pauseReason: 'app_stopped' });
      return;
    }
    if (entry.stop === 'cancel') {
      await this.cancelRest(job);
      return;
    }
    // Anything still unknown after every round is reported as failed, with why.
    for (const item of this.store.workItems(jobId, ['unknown', 'pending'])) {
      this.store.finishItem(jobId, item.ordinal, 'failed', { error: { kind: 'network', code: 'outcome_unknown', message: `Gave up after ${item.attempts} attempts: whether the change was applied could not be confirmed.` } });
    }
    this.store.setJobState(jobId, 'done');
  }

  // Items that may have been applied (unknown) are checked first, so none is called cancelled that
  // went through; one that cannot be checked now stays unknown. The pending ones are cancelled.
  private async cancelRest(job: BulkJobRecord): Promise<void> {
    this.store.moveItems(job.id, ['sending'], 'unknown');
    await this.verifyUnknown(job, bulkOperations[job.operation]).catch(() => undefined);
    this.store.moveItems(job.id, ['pending'], 'cancelled');
    this.store.setJobState(job.id, 'cancelled');
  }

  private async worker(job: BulkJobRecord, op: BulkOperation, queue: WorkItem[], entry: RunningJob): Promise<void> {
    for (let item = queue.shift(); item && !entry.stop; item = queue.shift()) {
      await this.send(job, op, item);
    }
  }

  private async send(job: BulkJobRecord, op: BulkOperation, item: WorkItem): Promise<void> {
    this.store.markSending(job.id, item.ordinal);
    try {
      const result = await op.run(this.options.clients.for(job.profileId), item, job.params, { bulkId: job.id });
      this.store.finishItem(job.id, item.ordinal, 'done', { result });
    } catch (error) {
      this.settleFailure(job, item, error);
    }
  }

  // Refusals before sending (read-only, the audit log) stop the whole job; a change that may have
  // gone out (timeout, broken connection) is unknown; a 429 the client gave up on goes round again.
  private settleFailure(job: BulkJobRecord, item: WorkItem, error: unknown): void {
    const appError = error instanceof AppError ? error : undefined;
    const attempts = item.attempts + 1;
    if (appError && (appError.kind === 'audit' || appError.code === 'profile_read_only' || appError.kind === 'keychain')) {
      this.store.finishItem(job.id, item.ordinal, 'pending');
      throw appError;
    }
    if (appError?.status === 429) {
      this.store.finishItem(job.id, item.ordinal, attempts >= BULK_MAX_ATTEMPTS ? 'failed' : 'pending', { error: appError.toIpcError() });
      return;
    }
    if (appError?.kind === 'network' && appError.code !== 'request_cancelled') {
      this.store.finishItem(job.id, item.ordinal, 'unknown', { error: appError.toIpcError() });
      return;
    }
    if (appError?.status === 404) {
      this.store.finishItem(job.id, item.ordinal, 'skipped', { skipReason: 'not found', error: appError.toIpcError() });
      return;
    }
    this.store.finishItem(job.id, item.ordinal, 'failed', { error: toIpcError(error) });
  }

  // Checks the items whose call may or may not have been applied (in flight at a crash, or a
  // timeout): applied → done, gone → skipped, not applied → pending (sent again). Never resent blind.
  private async verifyUnknown(job: BulkJobRecord, op: BulkOperation): Promise<void> {
    const unknown = this.store.workItems(job.id, ['unknown']);
    if (unknown.length === 0) return;
    const verdicts = await op.check(this.options.clients.for(job.profileId), unknown, job.params);
    for (const item of unknown) {
      const verdict = verdicts.get(item.targetId);
      if (verdict?.kind === 'skip' && verdict.applied) this.store.finishItem(job.id, item.ordinal, 'done', { result: 'confirmed applied (checked after an interrupted send)' });
      else if (verdict?.kind === 'skip') this.store.finishItem(job.id, item.ordinal, 'skipped', { skipReason: verdict.reason });
      else if (item.attempts >= BULK_MAX_ATTEMPTS) this.store.finishItem(job.id, item.ordinal, 'failed', { error: { kind: 'network', code: 'outcome_unknown', message: `Not applied after ${item.attempts} attempts.` } });
      else this.store.finishItem(job.id, item.ordinal, 'pending');
    }
  }

  private seal(): void {
    try {
      this.options.audit?.writeDigest('bulk_job');
    } catch (error) {
      this.options.onInternalError?.('digest', error);
    }
  }

  private preview(jobId: string): BulkPreview {
    const job = this.status(jobId);
    return { job, wouldChange: job.counts.pending, skipped: this.store.skipReasons(jobId) };
  }

  private requestsLeft(job: BulkJobRecord): number {
    const counts = this.store.counts(job.id);
    return LEFT_TO_SEND.reduce((sum, state) => sum + counts[state], 0) * bulkOperations[job.operation].requestsPerItem;
  }

  // While the job runs: the 429 holds it has met so far per request sent (0 before any).
  private holdPerRequest(job: BulkJobRecord, usage: BudgetUsage): number {
    const since = this.running.get(job.id)?.holdsAtStart;
    if (!since) return 0;
    const heldFor = usage.heldUntil !== null ? Math.max(0, usage.heldUntil - this.clock()) : 0;
    return holdPerRequest(since, this.options.clients.budgetOf(job.profileId).holdStats(), heldFor);
  }

  private describe(job: BulkJobRecord): BulkJobStatus {
    const op = bulkOperations[job.operation];
    const counts = this.store.counts(job.id);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const left = LEFT_TO_SEND.reduce((sum, state) => sum + counts[state], 0);
    const live = job.state === 'running' || job.state === 'queued';
    const usage = live || job.state === 'paused' || job.state === 'draft' ? this.options.clients.budgetOf(job.profileId).usage() : undefined;
    const profile = this.options.profiles.require(job.profileId);
    return {
      jobId: job.id,
      profileId: job.profileId,
      operation: job.operation,
      title: op.title,
      state: job.state,
      pauseReason: job.pauseReason,
      undoOf: job.undoOf,
      counts,
      progress: { done: total - left, total },
      etaMs: usage && left > 0 ? etaMs(left * op.requestsPerItem, usage, this.clock(), this.holdPerRequest(job, usage)) : null,
      rateLimitedUntil: live ? (usage?.heldUntil ?? null) : null,
      undoable: op.inverse !== undefined && ENDED.includes(job.state) && counts.done > 0,
      confirmPhrase: job.state === 'draft' && isProductionClass(profile) ? String(counts.pending) : null,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      ...(job.error ? { error: job.error } : {}),
    };
  }
}

function refuseReadOnly(readOnly: boolean): void {
  if (readOnly) {
    throw new AppError({ kind: 'validation', code: 'profile_read_only', message: 'This profile is read-only: bulk jobs cannot change anything. Turn read-only off in the profile first.' });
  }
}

// "1,234" and " 1 234 " are what a person types for 1234.
function normalisePhrase(phrase: string | undefined): string {
  return (phrase ?? '').replace(/[\s,.'_]/g, '');
}

function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) return error.toIpcError();
  return { kind: 'internal', message: 'The bulk job stopped because of an unexpected error in the app; details are in its log.' };
}
