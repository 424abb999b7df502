/**
 * The `profileCompare:*` channels (issue 12, item 6): compare two profiles' redirect URLs or SAML
 * connections (both lists read in full in main, each at its own profile's rate budget), and copy
 * the chosen entries to the other profile as a bulk job on the TARGET profile (its dry run skips
 * what the target already has, with why; `bulkJobs:start` runs it with the target's guardrails).
 * Their input is validated here, once.
 */
import { z } from 'zod';
import type { CompareKind, CompareRow } from '../../profile-compare/compare-entries';
import { COMPARE_KINDS } from '../../profile-compare/compare-entries';
import type { BulkPreview } from '../bulk-jobs';
import { channel } from '../channel';
import { localId } from '../schemas';

/** One side of a comparison: its profile and how many entries it has. */
export interface CompareSide {
  profileId: string;
  profileName: string;
  total: number;
}

/** A comparison's answer: both sides and a row per natural key (shared/profile-compare). */
export interface ProfileComparison {
  kind: CompareKind;
  a: CompareSide;
  b: CompareSide;
  rows: CompareRow[];
  /** When both lists had been read (ms). */
  comparedAt: number;
}

/** The most entries one copy job takes (the lists of an instance are far smaller). */
export const COMPARE_COPY_MAX = 1000;

const kind = z.enum(COMPARE_KINDS, { message: 'Compare redirect URLs or SAML connections.' });
const TWO = 'Choose two different profiles.';

/** The compare channels. */
export const profileCompareChannels = {
  /** Reads both profiles' lists of `kind` in full and classifies every natural key. */
  'profileCompare:run': channel(
    z.object({ kind, profileA: localId, profileB: localId }).refine((input) => input.profileA !== input.profileB, { message: TWO, path: ['profileB'] }),
  ).returns<ProfileComparison>(),
  /**
   * Dry-runs copying the source's entries with `keys` to the target: a draft bulk job of the
   * target profile (re-reads the source for each entry's configuration, and the target for what
   * it has). Start it with `bulkJobs:start`.
   */
  'profileCompare:copy': channel(
    z
      .object({
        kind,
        sourceProfileId: localId,
        targetProfileId: localId,
        keys: z
          .array(z.string().trim().min(1).max(2048))
          .min(1, 'Choose at least one entry to copy.')
          .max(COMPARE_COPY_MAX, `Copy at most ${COMPARE_COPY_MAX} entries at once.`)
          .refine((keys) => new Set(keys).size === keys.length, 'Each entry may appear only once.'),
      })
      .refine((input) => input.sourceProfileId !== input.targetProfileId, { message: TWO, path: ['targetProfileId'] }),
  ).returns<BulkPreview>(),
} as const;
