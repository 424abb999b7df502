/**
 * The offline audit log: an append-only, hash-chained table of records in the app's SQLite
 * database. Every append is its own committed transaction (unless inside {@link AuditLog.appendBatch}),
 * so an intent is on disk before the call it describes is sent.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { AppError } from '../../../shared/ipc/errors';
import { osActor } from './actor';
import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH } from './chain';
import { CHANGE_COLUMNS, readChangeBatches } from './change-reader';
import { parseChangeRow, toChange, toChangeDetail } from './changes';
import { AuditSealer, type DigestSchedule } from './digests';
import type { AuditExportWorkerOptions } from './export-worker-location';
import { changeQueryParts, normaliseFilter, seqBoundsOfTimeRange, type ChangeQueryParts, type ChangeRow } from './query';
import { intentRecord, outcomeRecord, requireTime } from './records';
import { redactSecrets } from './redact';
import { migrateAuditSchema, type SearchMode } from './schema';
import { searchTextOf } from './search-text';
import { SQLITE_BUSY_TIMEOUT_MS } from '../storage/busy-retry';
import type { AuditSigning } from './signing-key';
import type {
  AppendedRecord,
  AuditActor,
  AuditChangeDetail,
  AuditFacets,
  AuditFilter,
  AuditPage,
  AuditPageRequest,
  AuditProfileRef,
  AuditRecord,
  AuditSigningStatus,
  CheckpointRecord,
  DigestReason,
  AuditVerifyOptions,
  AuditVerifyResult,
  IntentInput,
  IntentRecord,
  OutcomeInput,
  RetentionRecord,
  SignedRecord,
} from '../../../shared/audit/types';
import { verifyChain } from './verify';

/** How to build an {@link AuditLog}. */
export interface AuditLogOptions {
  /** Time source for records without an explicit `ts` (default `Date.now`). */
  clock?: () => number;
  /** Who signs checkpoints and retention changes (default: the OS user and host). */
  actor?: AuditActor;
  /** Stored on checkpoints and retention changes. */
  appVersion?: string;
  /** `false` makes a new log use LIKE search instead of FTS5 (to exercise the fallback). */
  fullTextSearch?: boolean;
  /**
   * Where the export worker threads come from (see {@link AuditExportWorkerOptions}); `false`
   * exports in-process only. The default finds the worker next to the running code: the
   * `audit-export-worker.js` entry beside the electron-vite main bundle, or `export-worker.ts`
   * run through tsx when running from the TypeScript sources (vitest, tsx scripts).
   */
  exportWorker?: AuditExportWorkerOptions | false;
  /** When signed digests are written (see digests.ts; the named constants by default). */
  digests?: DigestSchedule;
  /** A digest or anchor that could not be written in the background (main's log). */
  onSigningError?: (error: unknown) => void;
}

const MAX_PAGE = 1000;
// The search index trails the log by at most this many records between searches.
const SEARCH_INDEX_LAG = 512;

/** The audit log over an open database (which the caller owns and closes). */
export class AuditLog {
  /** How free-text search is served on this database. */
  readonly searchMode: SearchMode;
  /** The database, for the log's own helpers (export, verify, retention). */
  readonly db: DatabaseSync;
  /** Time source for the log's own records. */
  readonly clock: () => number;
  /** Who signs the log's own records (checkpoints, retention changes). */
  readonly actor: AuditActor;
  /** The app version stamped on the log's own records. */
  readonly appVersion: string;
  /** How exports start their worker threads (undefined: the default location; false: none). */
  readonly exportWorker: AuditExportWorkerOptions | false | undefined;
  private batchDepth = 0;
  private searchIndexedThrough = 0;
  private readonly stmt: Record<'begin' | 'commit' | 'rollback' | 'head' | 'insert' | 'pendingAdd' | 'pendingDrop' | 'pendingHas', StatementSync>;
  private readonly ftsAdd: StatementSync | null;
  private readonly digestSchedule: DigestSchedule | undefined;
  private readonly onSigningError: (error: unknown) => void;
  /** Writes digests and signs checkpoints, once {@link useSigning} has the key. */
  private sealer: AuditSealer | null = null;
  /** Set by {@link useSigning}: the log is meant to be signed (so it verifies signatures, or fails). */
  private signingLoad: Promise<AuditSealer | null> | null = null;
  private signingProblem: string | null = null;

  constructor(db: DatabaseSync, options: AuditLogOptions = {}) {
    this.db = db;
    this.clock = options.clock ?? Date.now;
    this.actor = options.actor ?? osActor();
    this.appVersion = options.appVersion ?? 'unknown';
    this.exportWorker = options.exportWorker;
    this.digestSchedule = options.digests;
    this.onSigningError = options.onSigningError ?? (() => {});
    // WAL lets readers (the UI, an export) run while a change is appended; NORMAL syncs at
    // checkpoints, so a committed intent survives the app being killed (not a power cut).
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`);
    this.searchMode = migrateAuditSchema(db, options.fullTextSearch !== false);
    this.stmt = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      head: db.prepare('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO audit_records (seq, json, hash) VALUES (?, ?, ?)'),
      pendingAdd: db.prepare('INSERT INTO audit_pending (intent_seq) VALUES (?)'),
      pendingDrop: db.prepare('DELETE FROM audit_pending WHERE intent_seq = ?'),
      pendingHas: db.prepare('SELECT 1 AS yes FROM audit_pending WHERE intent_seq = ?'),
    };
    this.ftsAdd = this.searchMode === 'fts5' ? db.prepare('INSERT INTO audit_fts (rowid, text) VALUES (?, ?)') : null;
  }

  /** Records that a call is about to be sent; committed when this returns. */
  appendIntent(input: IntentInput): AppendedRecord {
    const appended = this.append(
      (seq) => redactSecrets(intentRecord(input, seq, requireTime(input.ts ?? this.clock()))),
      (record) => this.stmt.pendingAdd.run(record.seq),
    );
    if (this.ftsAdd && appended.seq - this.searchIndexedThrough >= SEARCH_INDEX_LAG) {
      try {
        this.catchUpSearchIndex();
      } catch (error) {
        if (this.batchDepth > 0) throw error;
        // The intent is committed and its call must go out; the next search retries the indexing.
      }
    }
    return appended;
  }

  /** Records how the call of intent `intentSeq` ended; each intent takes exactly one outcome. */
  appendOutcome(intentSeq: number, input: OutcomeInput): AppendedRecord {
    return this.append(
      (seq) => {
        if (this.stmt.pendingHas.get(intentSeq) === undefined) {
          throw new TypeError(`audit outcome: intent ${intentSeq} does not exist or already has an outcome`);
        }
        return redactSecrets(outcomeRecord(intentSeq, input, seq, requireTime(input.ts ?? this.clock())));
      },
      () => this.stmt.pendingDrop.run(intentSeq),
    );
  }

  /**
   * Appends a record built by `build` at the next seq (the log's own records: checkpoints,
   * retention changes). The record is redacted, canonicalised and chained like any other.
   */
  appendRecord(build: (seq: number) => CheckpointRecord | RetentionRecord): AppendedRecord {
    return this.append((seq) => redactSecrets(build(seq)));
  }

  /** Runs `fn` (which appends) in one transaction: the bulk path for imports and the benchmark. */
  appendBatch<T>(fn: () => T): T {
    if (this.batchDepth > 0) return fn();
    // IMMEDIATE takes the write lock up front, so the head read inside cannot go stale.
    this.stmt.begin.run();
    this.batchDepth++;
    let result: T;
    try {
      result = fn();
      this.stmt.commit.run();
    } catch (error) {
      if (this.db.isTransaction) this.stmt.rollback.run();
      this.sealer?.rolledBack();
      throw error;
    } finally {
      this.batchDepth--;
    }
    // Outside the transaction: a digest that is due is its own transaction.
    this.sealer?.committed();
    return result;
  }

  /** The last record's seq and hash, or null for an empty log. */
  head(): AppendedRecord | null {
    return (this.stmt.head.get() as AppendedRecord | undefined) ?? null;
  }

  /** One page of changes matching `filter`, newest first. */
  list(filter: AuditFilter = {}, page: AuditPageRequest = {}): AuditPage {
    const limit = pageNumber(page.limit ?? 100, 'limit', 1, MAX_PAGE);
    const parts = this.queryParts(filter);
    const where = [...parts.where];
    const params: SQLInputValue[] = [...parts.params];
    let offset = 0;
    if (page.before !== undefined && page.before !== null) {
      where.push(`${parts.key} < ?`);
      params.push(pageNumber(page.before, 'before', 0, Number.MAX_SAFE_INTEGER));
    } else if (page.offset !== undefined && page.offset !== null) {
      offset = pageNumber(page.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
    }
    const sql = `SELECT ${CHANGE_COLUMNS} FROM ${parts.from} WHERE ${where.join(' AND ')} ORDER BY ${parts.key} DESC LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(...params, limit + 1, offset) as unknown as ChangeRow[];
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    return { rows: shown.map((row) => toChange(parseChangeRow(row))), nextBefore: more ? shown[shown.length - 1].seq : null };
  }

  /** How many changes match `filter` (for the table's scrollbar; costs a scan of the matches). */
  count(filter: AuditFilter = {}): number {
    const parts = this.queryParts(filter);
    const sql = `SELECT count(*) AS n FROM ${parts.countFrom} WHERE ${parts.where.join(' AND ')}`;
    return (this.db.prepare(sql).get(...parts.params) as { n: number }).n;
  }

  /** Everything recorded about change `seq` (an intent's seq), or null if there is none. */
  get(seq: number): AuditChangeDetail | null {
    const row = this.db
      .prepare(`SELECT ${CHANGE_COLUMNS} FROM audit_records i LEFT JOIN audit_records o ON o.intent_seq = i.seq WHERE i.seq = ? AND i.kind = 'intent'`)
      .get(pageNumber(seq, 'seq', 0, Number.MAX_SAFE_INTEGER)) as ChangeRow | undefined;
    return row ? toChangeDetail(row) : null;
  }

  /**
   * Batches of changes matching `filter` in seq order (oldest first), read lazily by keyset so a
   * consumer can yield between batches.
   */
  *changeBatches(filter: AuditFilter = {}, batchSize = 2000): Generator<ChangeRow[]> {
    yield* readChangeBatches(this.db, this.queryParts(filter), undefined, batchSize);
  }

  /** Profiles, actors and actions present in the log (an index skip-scan, not a full scan). */
  facets(): AuditFacets {
    const profileStatement = this.db.prepare("SELECT json_extract(json, '$.profile') AS p FROM audit_records WHERE profile_id = ? ORDER BY seq DESC LIMIT 1");
    const profiles = this.distinct('profile_id').map((id) => JSON.parse((profileStatement.get(id) as { p: string }).p) as AuditProfileRef);
    return { profiles, actors: this.distinct('actor'), actions: this.distinct('action') };
  }

  /**
   * Recomputes the hash chain and, when the log is signed, checks every digest's and checkpoint's
   * signature and link and the keychain anchor; names the first record or digest that fails.
   */
  async verify(options: AuditVerifyOptions = {}): Promise<AuditVerifyResult> {
    if (!this.signingLoad) return verifyChain(this.db, options);
    const sealer = await this.signingLoad;
    if (!sealer) {
      const message = `The audit log's signing key could not be read from the OS keychain (${this.signingProblem ?? 'unknown error'}), so its signatures cannot be checked.`;
      return { ok: false, checked: 0, problem: { seq: 0, reason: 'no_signing_key', message, subject: 'digest' } };
    }
    await sealer.anchors.flush();
    return verifyChain(this.db, options, { signer: sealer.signer, anchor: await sealer.anchors.read() });
  }

  /**
   * Signs the log from now on with `signing` (the key and the keychain anchor; see signing-key.ts):
   * digests are written on schedule, checkpoints are signed, and verify checks signatures. A
   * rejected `signing` (a locked keychain) leaves the log unsigned, and verify then fails saying so.
   */
  async useSigning(signing: AuditSigning | Promise<AuditSigning>): Promise<void> {
    const load = Promise.resolve(signing).then(
      (ready) => (this.sealer = new AuditSealer(this, ready, this.digestSchedule, this.onSigningError)),
      (error: unknown) => {
        this.signingProblem = error instanceof Error ? error.message : String(error);
        return null;
      },
    );
    this.signingLoad = load;
    if (!(await load)) throw new AppError({ kind: 'keychain', code: 'audit_signing_unavailable', message: `The audit log cannot be signed: ${this.signingProblem}` });
  }

  /** The sealer once signing is set up; null when the log is not signed (or its key is unavailable). */
  async activeSealer(): Promise<AuditSealer | null> {
    return this.signingLoad ? await this.signingLoad : null;
  }

  /** The public half of the signing key and its fingerprint, or why there is none. */
  async signingStatus(): Promise<AuditSigningStatus> {
    const sealer = this.signingLoad ? await this.signingLoad : null;
    if (sealer) return { available: true, key: sealer.signer.info };
    return { available: false, problem: this.signingProblem ?? 'This audit log has no signing key.' };
  }

  /**
   * Writes a signed digest of the head now (at the end of a bulk job, before an export, at quit);
   * null when the log is not signed or nothing was appended since the last signed record.
   */
  writeDigest(reason: DigestReason = 'manual'): AppendedRecord | null {
    return this.sealer?.write(reason) ?? null;
  }

  /** At quit: a last digest, the timer stopped, the keychain anchor written. */
  async stopSigning(): Promise<void> {
    const sealer = this.signingLoad ? await this.signingLoad : null;
    if (!sealer) return;
    try {
      if (this.db.isOpen && !this.db.isTransaction) sealer.write('quit');
    } finally {
      sealer.stop();
      await sealer.anchors.flush();
    }
  }

  /**
   * Appends a checkpoint (retention), signed and linked when the log is signed; a log meant to be
   * signed whose key is unavailable refuses (an unsigned checkpoint would fail verify).
   */
  appendCheckpoint(build: (seq: number) => Omit<CheckpointRecord, 'prevSignature' | 'keyFingerprint' | 'signature'>): AppendedRecord {
    const sealer = this.sealer;
    if (!sealer) {
      if (this.signingLoad) throw new AppError({ kind: 'keychain', code: 'audit_signing_unavailable', message: 'Records cannot be pruned while the audit log\'s signing key is unavailable (OS keychain).' });
      return this.appendRecord((seq) => build(seq) as CheckpointRecord);
    }
    return this.appendSignedRaw((seq) => sealer.sign<CheckpointRecord>(build(seq)));
  }

  /** Appends a record the sealer signed (not redacted: it holds no payload, and its signature covers these bytes). */
  appendSignedRaw(build: (seq: number) => SignedRecord): AppendedRecord {
    return this.appendBatch(() => {
      let signed: SignedRecord | undefined;
      const appended = this.append((seq) => (signed = build(seq)));
      this.sealer?.signedAppended(signed as SignedRecord, appended);
      return appended;
    });
  }

  /** The retention in days, or null for "keep forever" (the default). */
  getRetention(): number | null {
    const row = this.db.prepare("SELECT value FROM audit_meta WHERE key = 'retention_days'").get() as { value: string } | undefined;
    return row ? Number(row.value) : null;
  }

  /** Sets the retention (whole days ≥ 1, or null to keep forever); the change itself is recorded. */
  setRetention(days: number | null): AppendedRecord {
    if (days !== null && (!Number.isSafeInteger(days) || days < 1)) {
      throw new AppError({ kind: 'validation', message: 'Retention must be a whole number of days (at least 1), or "keep forever".' });
    }
    return this.appendBatch(() => {
      if (days === null) this.db.prepare("DELETE FROM audit_meta WHERE key = 'retention_days'").run();
      else this.db.prepare("INSERT OR REPLACE INTO audit_meta (key, value) VALUES ('retention_days', ?)").run(String(days));
      return this.appendRecord((seq) => ({ v: 1, kind: 'retention', seq, ts: this.clock(), actor: this.actor, appVersion: this.appVersion, days }));
    });
  }

  /**
   * Indexes the intents appended since the last call for free-text search, in one transaction.
   * Indexing in batches keeps FTS work off the write-ahead path (an FTS5 commit per intent costs
   * about a third of an append); searches call this first, so they never miss a record.
   */
  catchUpSearchIndex(): void {
    const ftsAdd = this.ftsAdd;
    if (!ftsAdd) return;
    const meta = this.db.prepare("SELECT value FROM audit_meta WHERE key = 'search_indexed_through'");
    this.appendBatch(() => {
      const through = Number((meta.get() as { value: string } | undefined)?.value ?? 0);
      const head = this.head()?.seq ?? 0;
      if (head <= through) return;
      const intents = this.db.prepare("SELECT seq, json FROM audit_records WHERE kind = 'intent' AND seq > ? ORDER BY seq").iterate(through);
      for (const row of intents as Iterable<{ seq: number; json: string }>) ftsAdd.run(row.seq, searchTextOf(JSON.parse(row.json) as IntentRecord));
      this.db.prepare("INSERT OR REPLACE INTO audit_meta (key, value) VALUES ('search_indexed_through', ?)").run(String(head));
      this.searchIndexedThrough = head;
    });
  }

  private append(build: (seq: number) => AuditRecord, afterInsert?: (record: AuditRecord) => void): AppendedRecord {
    return this.appendBatch(() => {
      // Read the head inside the write transaction: another connection may have appended.
      const head = this.head();
      const seq = (head?.seq ?? 0) + 1;
      const record = build(seq);
      const json = canonicalJson(record);
      const hash = chainHash(head?.hash ?? GENESIS_HASH, json);
      this.stmt.insert.run(seq, json, hash);
      this.sealer?.counted();
      afterInsert?.(record);
      return { seq, hash };
    });
  }

  /**
   * The SQL of the changes matching `filter` (validated; the search index is brought up to date
   * first). Plain data, so export worker threads can run it on their own connections.
   */
  queryParts(filter: AuditFilter): ChangeQueryParts {
    const clean = normaliseFilter(filter);
    if (clean.text !== undefined) this.catchUpSearchIndex();
    return changeQueryParts(clean, this.searchMode, seqBoundsOfTimeRange(this.db, clean.from, clean.to));
  }

  private distinct(column: 'profile_id' | 'actor' | 'action'): string[] {
    const sql = `WITH RECURSIVE v(x) AS (
        SELECT (SELECT min(${column}) FROM audit_records WHERE ${column} IS NOT NULL)
        UNION ALL SELECT (SELECT min(${column}) FROM audit_records WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL)
      SELECT x FROM v WHERE x IS NOT NULL`;
    return (this.db.prepare(sql).all() as { x: string }[]).map((row) => row.x);
  }
}

function pageNumber(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new AppError({ kind: 'validation', message: `The audit page "${name}" must be a whole number from ${min} to ${max}.` });
  }
  return value;
}
