/**
 * The `savedViews:*` channels: named views (a section's filters, sort and columns) saved per profile
 * and section, in main's SQLite. Generic over the section: the Users list uses them first, the
 * Organizations list next. Their input is validated here, once.
 */
import { z } from 'zod';
import { channel } from '../channel';
import { localId, plainText } from '../schemas';
import { viewState, type ViewState } from '../view-state';
import { sectionId } from './tabs';

/** The longest view name. */
export const SAVED_VIEW_NAME_MAX = 80;

/** A view name: plain text, 1..80 characters, unique per profile and section. */
const viewName = plainText(SAVED_VIEW_NAME_MAX).pipe(z.string().min(1, 'Give the view a name.'));

/** A saved view id (a UUID main made). */
const viewId = z.uuid({ message: 'Must be a saved view id.' });

/** One saved view. */
export interface SavedView {
  id: string;
  section: string;
  name: string;
  state: ViewState;
  createdAt: number;
  updatedAt: number;
}

/** The saved views' channels. */
export const savedViewChannels = {
  /** The views saved for a section of a profile, by name. */
  'savedViews:list': channel(z.object({ profileId: localId, section: sectionId })).returns<SavedView[]>(),
  /** Saves a new view; a name already used in the section is refused (on `name`). */
  'savedViews:create': channel(z.object({ profileId: localId, section: sectionId, name: viewName, state: viewState })).returns<SavedView>(),
  /** Renames a view and/or replaces its state. */
  'savedViews:update': channel(z.object({ profileId: localId, id: viewId, name: viewName.optional(), state: viewState.optional() })).returns<SavedView>(),
  /** Deletes a view. */
  'savedViews:delete': channel(z.object({ profileId: localId, id: viewId })).returns<{ id: string; deleted: true }>(),
} as const;
