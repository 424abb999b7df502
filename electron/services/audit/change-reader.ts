/**
 * Reads the changes of a query (see query.ts) oldest first, in batches by keyset: the one reader
 * behind {@link AuditLog.changeBatches}, the in-process export and the export worker threads.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ChangeQueryParts, ChangeRow } from './query';

/** The columns of a change row: the intent and its outcome (if any), with their hashes. */
export const CHANGE_COLUMNS = 'i.seq AS seq, i.json AS ij, i.hash AS ih, o.seq AS os, o.json AS oj, o.hash AS oh';

/** A range of change keys (intent seqs): `after < key <= through`. */
export interface KeyRange {
  after: number;
  through: number;
}

/** Every key: a reader with no range reads to the head as it grows. */
export const ALL_KEYS: KeyRange = { after: 0, through: Number.MAX_SAFE_INTEGER };

/** Batches of the changes of `query` within `range`, in key order, read lazily. */
export function* readChangeBatches(db: DatabaseSync, query: ChangeQueryParts, range: KeyRange = ALL_KEYS, batchSize = 2000): Generator<ChangeRow[]> {
  const where = [...query.where, `${query.key} > ?`, `${query.key} <= ?`].join(' AND ');
  const statement = db.prepare(`SELECT ${CHANGE_COLUMNS} FROM ${query.from} WHERE ${where} ORDER BY ${query.key} ASC LIMIT ?`);
  // Rows as arrays: node:sqlite builds them much faster than objects, which matters at 1M rows.
  statement.setReturnArrays(true);
  let after = range.after;
  for (;;) {
    const rows = statement.all(...query.params, after, range.through, batchSize) as unknown as [number, string, string, number | null, string | null, string | null][];
    if (rows.length === 0) return;
    yield rows.map(([seq, ij, ih, os, oj, oh]) => ({ seq, ij, ih, os, oj, oh }));
    after = rows[rows.length - 1][0];
  }
}
