/**
 * A section's view state (its filters, sort, page size and columns) as main stores it, in a tab or a
 * saved view. Main does not know each section's shape, so it checks the state is a small JSON
 * object; the section reads it with its own schema (e.g. renderer/src/views/users/user-view-state.ts)
 * and falls back to its defaults for anything it does not recognise.
 */
import { z } from 'zod';

/** The most a view state may take, serialised (bytes of JSON): enough for 100-value filters, bounded. */
export const VIEW_STATE_MAX_BYTES = 32_768;

/** A view state: a JSON object of at most {@link VIEW_STATE_MAX_BYTES}. */
export const viewState = z
  .record(z.string().max(64), z.json())
  .refine((state) => new TextEncoder().encode(JSON.stringify(state)).length <= VIEW_STATE_MAX_BYTES, {
    message: `A view's state must be under ${VIEW_STATE_MAX_BYTES / 1024} KB.`,
  });

/** One view state (see {@link viewState}). */
export type ViewState = z.infer<typeof viewState>;
