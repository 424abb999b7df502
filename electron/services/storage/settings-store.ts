/** Small JSON values the app remembers (active profile, window bounds). */
import type { DatabaseSync } from 'node:sqlite';

/** Reads and writes JSON settings by key. */
export class SettingsStore {
  constructor(private readonly db: DatabaseSync) {}

  /** The stored value, or undefined when absent or unreadable. */
  get<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as T;
    } catch {
      return undefined;
    }
  }

  /** Stores `value` under `key`, replacing any previous value. */
  set(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  /** Removes `key`. */
  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }
}
