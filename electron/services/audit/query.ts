/**
 * Turns an {@link AuditFilter} into SQL over intents joined with their outcomes. The loop that
 * drives the query is picked so that the page is read in seq order from an index: the FTS index
 * (text), the pending table (outcome unknown), the outcome index (other outcomes), or the intents.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { AppError } from '../../../shared/ipc/errors';
import type { SearchMode } from './schema';
import { literalTerms, searchTerms, toFtsQuery, toLikePatterns } from './search-text';
import type { AuditFilter, AuditOutcomeKind } from '../../../shared/audit/types';

const OUTCOMES: readonly AuditOutcomeKind[] = ['success', 'clerk_error', 'network_error', 'unknown'];

/** The columns every change query returns. */
export interface ChangeRow {
  seq: number;
  ij: string;
  ih: string;
  os: number | null;
  oj: string | null;
  oh: string | null;
}

/** A query's FROM and WHERE parts and the expression equal to the change's seq. */
export interface ChangeQueryParts {
  from: string;
  /**
   * `from` without the outcome join when no condition needs it: enough to count the changes or
   * find their keys, at a fraction of the cost (an intent has at most one outcome).
   */
  countFrom: string;
  where: string[];
  params: SQLInputValue[];
  key: string;
}

/** Checks a filter coming from the UI and returns it trimmed; bad input is a `validation` error. */
export function normaliseFilter(filter: AuditFilter = {}): AuditFilter {
  const out: AuditFilter = {};
  for (const key of ['profileId', 'action', 'targetId', 'actor', 'bulkId', 'text'] as const) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw invalid(`The audit filter "${key}" must be text.`);
    if (value.trim() !== '') out[key] = value.trim();
  }
  if (filter.outcome !== undefined && filter.outcome !== null) {
    if (!OUTCOMES.includes(filter.outcome)) throw invalid(`The audit filter "outcome" must be one of ${OUTCOMES.join(', ')}.`);
    out.outcome = filter.outcome;
  }
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`The audit filter "${key}" must be a time in milliseconds.`);
    out[key] = value;
  }
  if (out.from !== undefined && out.to !== undefined && out.from >= out.to) {
    throw invalid('The audit filter\'s time range is empty: "from" must be before "to".');
  }
  return out;
}

/**
 * The FROM/WHERE of the changes matching `filter` (already normalised). `seqBounds`, from
 * {@link seqBoundsOfTimeRange}, narrows the driving index to the seqs of the time range.
 */
export function changeQueryParts(filter: AuditFilter, mode: SearchMode, seqBounds: SeqBounds | null = null): ChangeQueryParts {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const terms = filter.text ? searchTerms(filter.text) : [];
  const ftsQuery = mode === 'fts5' ? toFtsQuery(terms) : '';
  const outcomeJoin = 'LEFT JOIN audit_records o ON o.intent_seq = i.seq';
  let from: string;
  let countFrom: string;
  let key: string;
  // CROSS JOIN keeps the driving table in the outer loop, so pages come in its (seq) order.
  if (ftsQuery !== '') {
    from = `audit_fts f CROSS JOIN audit_records i ON i.seq = f.rowid ${outcomeJoin}`;
    countFrom = filter.outcome === undefined ? 'audit_fts f CROSS JOIN audit_records i ON i.seq = f.rowid' : from;
    key = 'f.rowid';
    where.push('audit_fts MATCH ?');
    params.push(ftsQuery);
    addOutcomeCondition(filter.outcome, where, params);
  } else if (filter.outcome === 'unknown') {
    from = `audit_pending p CROSS JOIN audit_records i ON i.seq = p.intent_seq ${outcomeJoin}`;
    countFrom = 'audit_pending p CROSS JOIN audit_records i ON i.seq = p.intent_seq';
    key = 'p.intent_seq';
  } else if (filter.outcome !== undefined) {
    from = 'audit_records o CROSS JOIN audit_records i ON i.seq = o.intent_seq';
    countFrom = from;
    key = 'o.intent_seq';
    where.push('o.outcome = ?');
    params.push(filter.outcome);
  } else {
    from = `audit_records i ${outcomeJoin}`;
    countFrom = 'audit_records i';
    key = 'i.seq';
  }
  where.push("i.kind = 'intent'");
  // LIKE answers every term without an index, and with one the terms holding characters the
  // index drops (`%`, `*`, `"`, …), which must match literally rather than match everything.
  for (const pattern of toLikePatterns(mode === 'like' ? terms : literalTerms(terms))) {
    where.push("i.json LIKE ? ESCAPE '\\'");
    params.push(pattern);
  }
  addIntentConditions(filter, where, params);
  if (seqBounds) {
    where.push(`${key} BETWEEN ? AND ?`);
    params.push(seqBounds.lo, seqBounds.hi);
  }
  return { from, countFrom, where, params, key };
}

/** The lowest and highest seq of the intents in a time range. */
export interface SeqBounds {
  lo: number;
  hi: number;
}

// Scanning this many entries of the time index costs a few milliseconds.
const MAX_BOUNDED_RANGE = 200_000;

/**
 * The exact seq range of the intents whose time lies in [from, to), read from the time index, so
 * an old time range is found without walking every newer record. Seq and time grow together
 * unless the clock jumped, so two index seeks estimate the range's size first; a range too wide to
 * scan cheaply gets no bounds (null), and is then read newest first with the time filter alone.
 */
export function seqBoundsOfTimeRange(db: DatabaseSync, from: number | undefined, to: number | undefined): SeqBounds | null {
  if (from === undefined && to === undefined) return null;
  // Changes are intents, and the time index covers intents only; INDEXED BY because the planner
  // would otherwise walk the (also intent-only) kind index.
  const seek = db.prepare("SELECT seq FROM audit_records INDEXED BY audit_intents_by_ts WHERE kind = 'intent' AND ts >= ? ORDER BY ts LIMIT 1");
  const head = (db.prepare('SELECT max(seq) AS seq FROM audit_records').get() as { seq: number | null }).seq ?? 0;
  const seqAt = (time: number | undefined, fallback: number) =>
    time === undefined ? fallback : ((seek.get(time) as { seq: number } | undefined)?.seq ?? head + 1);
  if (Math.abs(seqAt(to, head + 1) - seqAt(from, 0)) > MAX_BOUNDED_RANGE) return null;
  const row = db
    .prepare("SELECT min(seq) AS lo, max(seq) AS hi FROM audit_records INDEXED BY audit_intents_by_ts WHERE kind = 'intent' AND ts >= ? AND ts < ?")
    .get(from ?? Number.MIN_SAFE_INTEGER, to ?? Number.MAX_SAFE_INTEGER) as { lo: number | null; hi: number | null };
  return row.lo === null || row.hi === null ? { lo: 1, hi: 0 } : { lo: row.lo, hi: row.hi };
}

function addOutcomeCondition(outcome: AuditOutcomeKind | undefined, where: string[], params: SQLInputValue[]): void {
  if (outcome === undefined) return;
  if (outcome === 'unknown') where.push('o.seq IS NULL');
  else {
    where.push('o.outcome = ?');
    params.push(outcome);
  }
}

function addIntentConditions(filter: AuditFilter, where: string[], params: SQLInputValue[]): void {
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal('i.profile_id', filter.profileId);
  equal('i.target_id', filter.targetId);
  equal('i.actor', filter.actor);
  equal('i.bulk_id', filter.bulkId);
  if (filter.action !== undefined) {
    const prefix = actionPrefix(filter.action);
    if (prefix === undefined) equal('i.action', filter.action);
    else {
      // The namespace index finds `users.*` in seq order; the substr check narrows deeper prefixes.
      equal('i.action_ns', prefix.slice(0, prefix.indexOf('.')));
      where.push('substr(i.action, 1, ?) = ?');
      params.push(prefix.length, prefix);
    }
  }
  if (filter.from !== undefined) {
    where.push('i.ts >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('i.ts < ?');
    params.push(filter.to);
  }
}

/** `users.` and `users.*` are prefixes (returned as `users.`); anything else is an exact action. */
function actionPrefix(action: string): string | undefined {
  const trimmed = action.endsWith('.*') ? action.slice(0, -1) : action;
  return trimmed.endsWith('.') && trimmed.length > 1 ? trimmed : undefined;
}

function invalid(message: string): AppError {
  return new AppError({ kind: 'validation', message });
}
