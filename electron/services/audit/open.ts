/** Opens an audit log on its own database file: for tests, the benchmark and tools. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AuditLog, type AuditLogOptions } from './audit-log';

/** An {@link AuditLog} that owns its database connection. */
export class OwnedAuditLog extends AuditLog {
  /** Closes the database (SQLite checkpoints the WAL into the file). */
  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

/** Opens (creating if needed) the SQLite file at `path` and the audit log on it. */
export function openAuditLog(path: string, options: AuditLogOptions = {}): OwnedAuditLog {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    return new OwnedAuditLog(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}
