/**
 * Named saved views in the app database: a section's filters, sort and columns under a name, per
 * profile and section. Names are unique per profile and section regardless of case (the table's
 * unique index is NOCASE), so "Active" and "active" cannot both exist and confuse the menu.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { SavedView } from '../../../shared/ipc/channels/saved-views';
import { AppError } from '../../../shared/ipc/errors';
import type { ViewState } from '../../../shared/ipc/view-state';

/** How many views one section of one profile may keep (a menu, not a database). */
export const SAVED_VIEWS_MAX = 100;

interface Row {
  id: string;
  section: string;
  name: string;
  state: string;
  created_at: number;
  updated_at: number;
}

const toView = (row: Row): SavedView => ({
  id: row.id,
  section: row.section,
  name: row.name,
  state: JSON.parse(row.state) as ViewState,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const nameTaken = (name: string) =>
  new AppError({ kind: 'validation', code: 'name_taken', message: `A view named “${name}” already exists here.`, fields: [{ field: 'name', message: 'That name is taken: choose another.' }] });

/** Saves, lists, renames and deletes saved views. */
export class SavedViewStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number = Date.now,
  ) {}

  /** A section's views of a profile, by name. */
  list(profileId: string, section: string): SavedView[] {
    const rows = this.db
      .prepare('SELECT id, section, name, state, created_at, updated_at FROM saved_views WHERE profile_id = ? AND section = ? ORDER BY name COLLATE NOCASE')
      .all(profileId, section) as unknown as Row[];
    return rows.map(toView);
  }

  /** Saves a new view; a name the section already has is refused. */
  create(profileId: string, section: string, name: string, state: ViewState): SavedView {
    const count = this.db.prepare('SELECT COUNT(*) AS n FROM saved_views WHERE profile_id = ? AND section = ?').get(profileId, section) as { n: number };
    if (count.n >= SAVED_VIEWS_MAX) throw new AppError({ kind: 'validation', code: 'too_many_views', message: `A section keeps at most ${SAVED_VIEWS_MAX} saved views: delete one first.` });
    const at = this.now();
    const id = randomUUID();
    try {
      this.db
        .prepare('INSERT INTO saved_views (id, profile_id, section, name, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, profileId, section, name, JSON.stringify(state), at, at);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
    return this.get(profileId, id);
  }

  /** Renames a view and/or replaces its state. */
  update(profileId: string, id: string, change: { name?: string; state?: ViewState }): SavedView {
    const current = this.get(profileId, id);
    try {
      this.db
        .prepare('UPDATE saved_views SET name = ?, state = ?, updated_at = ? WHERE id = ? AND profile_id = ?')
        .run(change.name ?? current.name, JSON.stringify(change.state ?? current.state), this.now(), id, profileId);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(change.name ?? current.name);
      throw error;
    }
    return this.get(profileId, id);
  }

  /** Deletes a view (one that is already gone is a not-found error). */
  delete(profileId: string, id: string): { id: string; deleted: true } {
    const result = this.db.prepare('DELETE FROM saved_views WHERE id = ? AND profile_id = ?').run(id, profileId);
    if (result.changes === 0) throw notFound();
    return { id, deleted: true };
  }

  private get(profileId: string, id: string): SavedView {
    const row = this.db.prepare('SELECT id, section, name, state, created_at, updated_at FROM saved_views WHERE id = ? AND profile_id = ?').get(id, profileId) as Row | undefined;
    if (!row) throw notFound();
    return toView(row);
  }
}

const notFound = () => new AppError({ kind: 'not_found', code: 'saved_view_not_found', message: 'That saved view no longer exists.' });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}
