/**
 * The bulk jobs' tables in the app database (migration 6): a job row and one row per item. Every
 * state change of an item is its own committed write, so what is on disk is what happened: an
 * item is `sending` before its call goes out and `done` only after its 2xx.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { AppError, type IpcError } from '../../../../shared/ipc/errors';
import { BULK_ITEM_STATES, type BulkCounts, type BulkItemRow, type BulkItemState, type BulkJobState, type BulkOperationName, type BulkPauseReason } from '../../../../shared/ipc/bulk-jobs';

/** A job's row. */
export interface BulkJobRecord {
  id: string;
  profileId: string;
  operation: BulkOperationName;
  params: Record<string, unknown>;
  state: BulkJobState;
  pauseReason: BulkPauseReason | null;
  undoOf: string | null;
  error: IpcError | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** An item as the dry run leaves it: to send, or skipped with a reason. */
export interface NewBulkItem {
  targetId: string;
  label?: string | null;
  params?: Record<string, unknown> | null;
  state: 'pending' | 'skipped';
  skipReason?: string | null;
}

/** An item the runner works on. */
export interface WorkItem {
  ordinal: number;
  targetId: string;
  params: Record<string, unknown> | null;
  attempts: number;
}

interface JobRow {
  id: string;
  profile_id: string;
  operation: string;
  params: string;
  state: string;
  pause_reason: string | null;
  undo_of: string | null;
  error: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

interface ItemRow {
  ordinal: number;
  target_id: string;
  label: string | null;
  params: string | null;
  state: string;
  skip_reason: string | null;
  error: string | null;
  attempts: number;
  result: string | null;
  updated_at: number;
}

/** Reads and writes the bulk jobs' tables. */
export class BulkJobStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Writes a job and all its items in one transaction. */
  insert(job: Omit<BulkJobRecord, 'startedAt' | 'finishedAt' | 'error' | 'pauseReason'>, items: readonly NewBulkItem[]): void {
    const now = this.clock();
    this.transaction(() => {
      this.db
        .prepare('INSERT INTO bulk_jobs (id, profile_id, operation, params, state, undo_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(job.id, job.profileId, job.operation, JSON.stringify(job.params), job.state, job.undoOf, job.createdAt);
      const insertItem = this.db.prepare(
        'INSERT INTO bulk_items (job_id, ordinal, target_id, label, params, state, skip_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      items.forEach((item, ordinal) => {
        insertItem.run(job.id, ordinal, item.targetId, item.label ?? null, item.params ? JSON.stringify(item.params) : null, item.state, item.skipReason ?? null, now);
      });
    });
  }

  /** A job, or a not-found error. */
  require(jobId: string): BulkJobRecord {
    const row = this.db.prepare('SELECT * FROM bulk_jobs WHERE id = ?').get(jobId) as JobRow | undefined;
    if (!row) throw new AppError({ kind: 'not_found', code: 'bulk_job_not_found', message: 'That bulk job does not exist (it may have belonged to a deleted profile).' });
    return toJob(row);
  }

  /** Jobs, newest first: of one profile, and/or in some states. */
  list(filter: { profileId?: string; states?: readonly BulkJobState[] } = {}): BulkJobRecord[] {
    const where: string[] = ['1 = 1'];
    const params: SQLInputValue[] = [];
    if (filter.profileId) {
      where.push('profile_id = ?');
      params.push(filter.profileId);
    }
    if (filter.states) {
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    const rows = this.db.prepare(`SELECT * FROM bulk_jobs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, rowid DESC`).all(...params) as unknown as JobRow[];
    return rows.map(toJob);
  }

  /** Moves a job to `state`, stamping the start or the end. */
  setJobState(jobId: string, state: BulkJobState, extra: { pauseReason?: BulkPauseReason | null; error?: IpcError | null } = {}): void {
    const now = this.clock();
    const ended = state === 'done' || state === 'cancelled' || state === 'failed';
    this.db
      .prepare(
        `UPDATE bulk_jobs SET state = ?, pause_reason = ?, error = ?,
           started_at = CASE WHEN ? AND started_at IS NULL THEN ? ELSE started_at END,
           finished_at = CASE WHEN ? THEN ? ELSE NULL END
         WHERE id = ?`,
      )
      .run(state, extra.pauseReason ?? null, extra.error ? JSON.stringify(extra.error) : null, state === 'running' ? 1 : 0, now, ended ? 1 : 0, now, jobId);
  }

  /** Items per state. */
  counts(jobId: string): BulkCounts {
    const counts = Object.fromEntries(BULK_ITEM_STATES.map((state) => [state, 0])) as BulkCounts;
    const rows = this.db.prepare('SELECT state, count(*) AS n FROM bulk_items WHERE job_id = ? GROUP BY state').all(jobId) as { state: BulkItemState; n: number }[];
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  /** The items in `states`, in item order. */
  workItems(jobId: string, states: readonly BulkItemState[]): WorkItem[] {
    const rows = this.db
      .prepare(`SELECT ordinal, target_id, params, attempts FROM bulk_items WHERE job_id = ? AND state IN (${states.map(() => '?').join(', ')}) ORDER BY ordinal`)
      .all(jobId, ...states) as unknown as Pick<ItemRow, 'ordinal' | 'target_id' | 'params' | 'attempts'>[];
    return rows.map((row) => ({ ordinal: row.ordinal, targetId: row.target_id, params: row.params ? (JSON.parse(row.params) as Record<string, unknown>) : null, attempts: row.attempts }));
  }

  /** A page of result rows in item order, of some states or all. */
  items(jobId: string, options: { states?: readonly BulkItemState[]; offset?: number; limit?: number } = {}): { rows: BulkItemRow[]; total: number } {
    const where = ['job_id = ?'];
    const params: SQLInputValue[] = [jobId];
    if (options.states?.length) {
      where.push(`state IN (${options.states.map(() => '?').join(', ')})`);
      params.push(...options.states);
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM bulk_items WHERE ${where.join(' AND ')}`).get(...params) as { n: number }).n;
    const limit = options.limit ?? -1;
    const rows = this.db
      .prepare(`SELECT * FROM bulk_items WHERE ${where.join(' AND ')} ORDER BY ordinal LIMIT ? OFFSET ?`)
      .all(...params, limit, options.offset ?? 0) as unknown as ItemRow[];
    return { rows: rows.map(toItem), total };
  }

  /** Marks an item in flight (before its call is sent) and counts the attempt. */
  markSending(jobId: string, ordinal: number): void {
    this.db.prepare("UPDATE bulk_items SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE job_id = ? AND ordinal = ?").run(this.clock(), jobId, ordinal);
  }

  /** Ends an item: done (after its 2xx), skipped, failed with Clerk's error, or back to pending / unknown. */
  finishItem(jobId: string, ordinal: number, state: BulkItemState, details: { result?: string | null; skipReason?: string | null; error?: IpcError | null } = {}): void {
    this.db
      .prepare('UPDATE bulk_items SET state = ?, result = ?, skip_reason = ?, error = ?, updated_at = ? WHERE job_id = ? AND ordinal = ?')
      .run(state, details.result ?? null, details.skipReason ?? null, details.error ? JSON.stringify(details.error) : null, this.clock(), jobId, ordinal);
  }

  /** Moves every item in `from` to `to` (cancel: pending → cancelled; a crash found: sending → unknown). */
  moveItems(jobId: string, from: readonly BulkItemState[], to: BulkItemState): number {
    const result = this.db
      .prepare(`UPDATE bulk_items SET state = ?, updated_at = ? WHERE job_id = ? AND state IN (${from.map(() => '?').join(', ')})`)
      .run(to, this.clock(), jobId, ...from);
    return Number(result.changes);
  }

  /** The target ids of the items in `state`, with their labels and params (the undo job's items). */
  targets(jobId: string, state: BulkItemState): { targetId: string; label: string | null; params: Record<string, unknown> | null }[] {
    const rows = this.db.prepare('SELECT target_id, label, params FROM bulk_items WHERE job_id = ? AND state = ? ORDER BY ordinal').all(jobId, state) as {
      target_id: string;
      label: string | null;
      params: string | null;
    }[];
    return rows.map((row) => ({ targetId: row.target_id, label: row.label, params: row.params ? (JSON.parse(row.params) as Record<string, unknown>) : null }));
  }

  /** The skip reasons of a job and how many items have each. */
  skipReasons(jobId: string): { reason: string; count: number }[] {
    return this.db
      .prepare("SELECT skip_reason AS reason, count(*) AS count FROM bulk_items WHERE job_id = ? AND state = 'skipped' GROUP BY skip_reason ORDER BY count DESC, reason")
      .all(jobId) as { reason: string; count: number }[];
  }

  private transaction(run: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      run();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

function toJob(row: JobRow): BulkJobRecord {
  return {
    id: row.id,
    profileId: row.profile_id,
    operation: row.operation as BulkOperationName,
    params: JSON.parse(row.params) as Record<string, unknown>,
    state: row.state as BulkJobState,
    pauseReason: row.pause_reason as BulkPauseReason | null,
    undoOf: row.undo_of,
    error: row.error ? (JSON.parse(row.error) as IpcError) : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function toItem(row: ItemRow): BulkItemRow {
  return {
    ordinal: row.ordinal,
    targetId: row.target_id,
    label: row.label,
    state: row.state as BulkItemState,
    skipReason: row.skip_reason,
    error: row.error ? (JSON.parse(row.error) as IpcError) : null,
    attempts: row.attempts,
    result: row.result,
    updatedAt: row.updated_at,
  };
}
