/**
 * The audit log's tables, added to the app database: one append-only table of chained records
 * (the JSON text and its hash are the only columns written; every filter column is generated from
 * the JSON by SQLite, so it cannot disagree with what the hash covers, and STORED so filtering a
 * row does not parse its JSON again), a small table of intents
 * still waiting for their outcome, and a contentless FTS5 index for free-text search.
 * Idempotent: run on every open, it also re-creates guard triggers someone dropped.
 */
import type { DatabaseSync } from 'node:sqlite';

/** How free-text search is served. */
export type SearchMode = 'fts5' | 'like';

const SCHEMA_VERSION = '1';

const gen = (path: string) => `GENERATED ALWAYS AS (json_extract(json, '${path}')) STORED`;

// Every index is partial: a commit rewrites one page per index it touches, and that page
// rewrite is most of what an append costs, so outcome records touch only the indexes they need.
const TABLES = `
CREATE TABLE IF NOT EXISTS audit_records (
  seq INTEGER PRIMARY KEY,
  json TEXT NOT NULL,
  hash TEXT NOT NULL,
  kind TEXT ${gen('$.kind')},
  ts INTEGER ${gen('$.ts')},
  profile_id TEXT ${gen('$.profile.id')},
  action TEXT ${gen('$.action')},
  action_ns TEXT GENERATED ALWAYS AS (
    CASE WHEN instr(json_extract(json, '$.action'), '.') > 0
      THEN substr(json_extract(json, '$.action'), 1, instr(json_extract(json, '$.action'), '.') - 1)
      ELSE json_extract(json, '$.action') END) STORED,
  target_id TEXT ${gen('$.target.id')},
  actor TEXT ${gen('$.actor.user')},
  bulk_id TEXT ${gen('$.bulkId')},
  intent_seq INTEGER ${gen('$.intentSeq')},
  outcome TEXT ${gen('$.outcome')},
  pruned_through INTEGER ${gen('$.prunedThrough.seq')}
);
CREATE INDEX IF NOT EXISTS audit_intents ON audit_records(kind) WHERE kind = 'intent';
CREATE INDEX IF NOT EXISTS audit_intents_by_ts ON audit_records(ts) WHERE kind = 'intent';
CREATE INDEX IF NOT EXISTS audit_by_profile ON audit_records(profile_id) WHERE profile_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_action ON audit_records(action) WHERE action IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_action_ns ON audit_records(action_ns) WHERE action_ns IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_target ON audit_records(target_id) WHERE target_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_actor ON audit_records(actor) WHERE actor IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_bulk ON audit_records(bulk_id) WHERE bulk_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_intent ON audit_records(intent_seq) WHERE intent_seq IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_outcome ON audit_records(outcome, intent_seq) WHERE outcome IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_by_checkpoint ON audit_records(pruned_through) WHERE pruned_through IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_own_records ON audit_records(seq) WHERE kind IN ('checkpoint', 'digest', 'retention');
CREATE TABLE IF NOT EXISTS audit_pending (intent_seq INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

// The guards. Seq must grow by exactly one (no gaps, no inserts in the middle); nothing may be
// updated; only records covered by a retention checkpoint may be deleted.
const TRIGGERS = `
CREATE TRIGGER IF NOT EXISTS audit_records_append_only_seq BEFORE INSERT ON audit_records
WHEN new.seq IS NOT coalesce((SELECT max(seq) FROM audit_records), 0) + 1
BEGIN SELECT RAISE(ABORT, 'audit log: records are appended with the next seq only'); END;
CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit log: records are append-only and cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records
WHEN old.seq > coalesce((SELECT max(pruned_through) FROM audit_records WHERE pruned_through IS NOT NULL), 0)
BEGIN SELECT RAISE(ABORT, 'audit log: only records covered by a retention checkpoint can be deleted'); END;
`;

const FTS_TABLE = `CREATE VIRTUAL TABLE IF NOT EXISTS audit_fts USING fts5(
  text, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2 tokenchars '_'")`;

/**
 * Creates or completes the audit schema on `db` and returns the search mode: FTS5 when this
 * SQLite has it (Node's and Electron's bundled builds do), else a LIKE scan. The choice is made
 * once per database, so an index is never half-filled; `preferFts` = false forces LIKE on a new one.
 */
export function migrateAuditSchema(db: DatabaseSync, preferFts = true): SearchMode {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(TABLES);
    db.exec(TRIGGERS);
    const mode = chooseSearchMode(db, preferFts);
    db.prepare('INSERT OR REPLACE INTO audit_meta (key, value) VALUES (?, ?)').run('schema_version', SCHEMA_VERSION);
    db.exec('COMMIT');
    return mode;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function chooseSearchMode(db: DatabaseSync, preferFts: boolean): SearchMode {
  const row = db.prepare("SELECT value FROM audit_meta WHERE key = 'search_mode'").get() as { value: string } | undefined;
  let mode = row?.value as SearchMode | undefined;
  if (mode === undefined) {
    const hasRecords = db.prepare('SELECT 1 FROM audit_records LIMIT 1').get() !== undefined;
    // An existing log without an index stays on LIKE rather than searching half its records.
    mode = preferFts && !hasRecords && fts5Available(db) ? 'fts5' : 'like';
    db.prepare("INSERT INTO audit_meta (key, value) VALUES ('search_mode', ?)").run(mode);
  }
  if (mode === 'fts5') db.exec(FTS_TABLE);
  return mode;
}

function fts5Available(db: DatabaseSync): boolean {
  return (db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS on_").get() as { on_: number }).on_ === 1;
}
