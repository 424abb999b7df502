/**
 * What the Organizations list keeps of itself in its tab (across restarts) and in a saved view: its
 * search, order, page size and chosen columns. Main only checks that a view state is a small JSON
 * object; this schema reads it, and anything unreadable falls back to the default, field by field.
 */
import { z } from 'zod';
import { ORGANIZATION_ORDER_FIELDS } from '@shared/ipc/channels/organizations';
import type { ViewState } from '@shared/ipc/view-state';
import { USER_PAGE_SIZES } from '../users/user-view-state';

/** The most a search may hold (the channel's limit). */
export const ORGANIZATION_QUERY_MAX = 200;

/** The page sizes the table offers: the Users list's (Clerk allows up to 500). */
export const ORGANIZATION_PAGE_SIZES = USER_PAGE_SIZES;

/** The page size a new Organizations tab starts with. */
export const DEFAULT_ORGANIZATION_PAGE_SIZE = 25;

/** The order the list starts with: newest first (Clerk's default). */
export const DEFAULT_ORGANIZATION_ORDER = '-created_at';

/** What the Sort menu and the saved views call each `order_by` field. */
export const ORGANIZATION_ORDER_LABELS: Record<(typeof ORGANIZATION_ORDER_FIELDS)[number], string> = {
  name: 'Name',
  created_at: 'Created',
  members_count: 'Members',
};

/** The Sort menu's choices: each field, ascending and descending. */
export const ORGANIZATION_ORDER_OPTIONS = ORGANIZATION_ORDER_FIELDS.flatMap((field) => [
  { value: `+${field}`, label: `${ORGANIZATION_ORDER_LABELS[field]} ↑` },
  { value: `-${field}`, label: `${ORGANIZATION_ORDER_LABELS[field]} ↓` },
]);

const ORDER = new RegExp(`^[+-](${ORGANIZATION_ORDER_FIELDS.join('|')})$`);

/** The Organizations list's view state. */
export interface OrganizationViewState {
  query: string;
  orderBy: string;
  pageSize: number;
  /** The chosen columns; null fits the window. */
  columns: string[] | null;
}

/** A fresh Organizations list: no search, newest first, 25 a page, fitting the window. */
export const DEFAULT_ORGANIZATION_VIEW: OrganizationViewState = { query: '', orderBy: DEFAULT_ORGANIZATION_ORDER, pageSize: DEFAULT_ORGANIZATION_PAGE_SIZE, columns: null };

/** Reads a stored Organizations view state (a tab's or a saved view's). */
const organizationViewState = z.object({
  query: z.string().trim().max(ORGANIZATION_QUERY_MAX).catch(''),
  orderBy: z.string().regex(ORDER).catch(DEFAULT_ORGANIZATION_ORDER),
  pageSize: z
    .number()
    .refine((size) => (ORGANIZATION_PAGE_SIZES as readonly number[]).includes(size))
    .catch(DEFAULT_ORGANIZATION_PAGE_SIZE),
  columns: z.array(z.string().max(40)).max(40).nullable().catch(null),
});

/** The view state stored in `raw` (anything unreadable: the defaults). */
export function readOrganizationView(raw: unknown): OrganizationViewState {
  const parsed = organizationViewState.safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? parsed.data : structuredClone(DEFAULT_ORGANIZATION_VIEW);
}

/** The view state as stored (a plain JSON object). */
export function storedOrganizationView(view: OrganizationViewState): ViewState {
  return JSON.parse(JSON.stringify(view)) as ViewState;
}

/** A view in words, for the saved views and the export dialog: the search and the order. */
export function describeOrganizationView(view: OrganizationViewState): string {
  const field = view.orderBy.slice(1) as keyof typeof ORGANIZATION_ORDER_LABELS;
  const order = `${ORGANIZATION_ORDER_LABELS[field] ?? field} ${view.orderBy.startsWith('-') ? '↓' : '↑'}`;
  return `${view.query ? `Matching “${view.query}”` : 'Every organization'} · ${order}`;
}
