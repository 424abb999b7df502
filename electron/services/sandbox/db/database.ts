/**
 * The Sandbox's SQLite file, through Node's built-in `node:sqlite`, with a cache of prepared
 * statements (preparing is the expensive part of a small query) and a transaction helper.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

/** A value bound to a statement parameter. */
export type SqlValue = SQLInputValue;

/** A row as node:sqlite returns it. */
export type Row = Record<string, SqlValue>;

/** The Sandbox database: the raw handle plus cached statements and transactions. */
export class SandboxDatabase {
  readonly raw: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  /** Bumped by every write, so derived values (cached counts) know when they are stale. */
  generation = 0;

  constructor(file: string) {
    this.raw = new DatabaseSync(file);
    // 16 KB pages hold several ~2 KB user documents each (4 KB pages waste almost half); this
    // only takes effect on a new file. WAL keeps readers and the writer out of each other's way;
    // NORMAL sync is durable across process crashes, which is what a local emulator needs.
    this.raw.exec('PRAGMA page_size = 16384');
    this.raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA temp_store = MEMORY;');
  }

  /**
   * Runs a bulk load without a journal (no double write through the WAL). Only safe for work
   * whose completion is recorded afterwards, so an interrupted load is redone from scratch.
   */
  unjournaled<T>(fn: () => T): T {
    this.raw.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
    try {
      return fn();
    } finally {
      this.raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    }
  }

  /** A prepared statement for `sql`, prepared once and reused. */
  stmt(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** All rows of a query. */
  all<T = Row>(sql: string, params: readonly SqlValue[] = []): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  /** The first row of a query, or undefined. */
  get<T = Row>(sql: string, params: readonly SqlValue[] = []): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  /** Runs a statement; returns the number of changed rows. */
  run(sql: string, params: readonly SqlValue[] = []): number {
    this.generation += 1;
    return Number(this.stmt(sql).run(...params).changes);
  }

  /** Runs `fn` in one transaction (rolled back if it throws). Nested calls join the outer one. */
  transaction<T>(fn: () => T): T {
    if (this.raw.isTransaction) return fn();
    this.raw.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.raw.exec('COMMIT');
      return result;
    } catch (error) {
      this.raw.exec('ROLLBACK');
      throw error;
    }
  }

  /** Forgets cached statements (after tables were dropped and recreated). */
  clearStatements(): void {
    this.statements.clear();
  }

  /** Closes the file. */
  close(): void {
    this.statements.clear();
    if (this.raw.isOpen) this.raw.close();
  }
}
