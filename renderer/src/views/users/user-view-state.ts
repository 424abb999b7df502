/**
 * What the Users list keeps of itself in its tab (across restarts) and in a saved view: its
 * filters, search, order, page size and chosen columns. Main only checks that a view state is a
 * small JSON object (shared/ipc/view-state.ts); this schema reads it, and anything it does not
 * recognise (a newer version's field, a value out of range) falls back to the default, field by field.
 */
import { z } from 'zod';
import { USER_ORDER_BY } from '@shared/clerk/user-order';
import { USER_QUERY_MAX, userListFilters } from '@shared/ipc/channels/users';
import type { ViewState } from '@shared/ipc/view-state';
import type { UserFilters } from './user-filters';
import { DEFAULT_USER_ORDER } from './user-sort';

/** The page sizes the table offers (Clerk allows up to 500). */
export const USER_PAGE_SIZES = [10, 25, 50, 100, 250, 500] as const;

/** The page size a new Users tab starts with. */
export const DEFAULT_USER_PAGE_SIZE = 25;

/** The Users list's view state. */
export interface UserViewState {
  filters: UserFilters;
  query: string;
  orderBy: string;
  pageSize: number;
  /** The chosen columns; null fits the window. */
  columns: string[] | null;
}

/** A fresh Users list: no filter, newest first, 25 a page, fitting the window. */
export const DEFAULT_USER_VIEW: UserViewState = { filters: {}, query: '', orderBy: DEFAULT_USER_ORDER, pageSize: DEFAULT_USER_PAGE_SIZE, columns: null };

// Each filter on its own, so one unreadable filter drops alone.
const filterShape = userListFilters.omit({ query: true }).shape;
const filters = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((raw) => {
    const out: Record<string, unknown> = {};
    for (const [kind, schema] of Object.entries(filterShape)) {
      const parsed = schema.safeParse(raw[kind]);
      if (parsed.success && parsed.data !== undefined) out[kind] = parsed.data;
    }
    return out as UserFilters;
  });

/** Reads a stored Users view state (a tab's or a saved view's). */
export const userViewState = z.object({
  filters,
  query: z.string().trim().max(USER_QUERY_MAX).catch(''),
  orderBy: z.string().regex(USER_ORDER_BY).catch(DEFAULT_USER_ORDER),
  pageSize: z
    .number()
    .refine((size) => (USER_PAGE_SIZES as readonly number[]).includes(size))
    .catch(DEFAULT_USER_PAGE_SIZE),
  columns: z.array(z.string().max(40)).max(40).nullable().catch(null),
});

/** The Users view state stored in `raw` (anything unreadable: the defaults). */
export function readUserView(raw: unknown): UserViewState {
  const parsed = userViewState.safeParse(raw ?? {});
  return parsed.success ? parsed.data : structuredClone(DEFAULT_USER_VIEW);
}

/** The view state as stored (a plain JSON object). */
export function storedUserView(view: UserViewState): ViewState {
  return JSON.parse(JSON.stringify(view)) as ViewState;
}
