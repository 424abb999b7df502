/** The `tabs:*` channels: the open tabs of each profile, kept across restarts. */
import { z } from 'zod';
import { channel } from '../channel';
import { localId } from '../schemas';
import { viewState } from '../view-state';
import { RECORD_KINDS, SECTION_IDS, type TabState } from '../types';

/** Section id: one of the section registry's. */
export const sectionId = z.enum(SECTION_IDS);

/** Record kind: one of the section registry's. */
export const recordKind = z.enum(RECORD_KINDS);

/** One open tab. */
export const tab = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('section'),
    key: z.string().min(1).max(200),
    section: sectionId,
    title: z.string().max(200),
    // The section's own view state (filters, sort, page size, columns), kept with its tab; bounded.
    view: viewState.optional(),
  }),
  z.object({
    kind: z.literal('record'),
    key: z.string().min(1).max(200),
    record: recordKind,
    id: z.string().min(1).max(200),
    title: z.string().max(200),
  }),
]);

/** The tabs' channels. */
export const tabChannels = {
  'tabs:load': channel(z.object({ profileId: localId })).returns<TabState>(),
  'tabs:save': channel(z.object({ profileId: localId, tabs: z.array(tab).max(100), activeKey: z.string().max(200).nullable() })).returns<TabState>(),
} as const;
