/** The metadata restore patch: merged into the current metadata with Clerk's deep merge, it gives back the recorded one. */
import { describe, expect, it } from 'vitest';
import { deepMergeMetadata } from '../../../../shared/metadata-merge';
import { metadataOf, restorePatch } from '../../../../electron/services/jobs/bulk/bulk-metadata';

describe('restorePatch', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['an added key is removed', { a: 1, plan: 'pro' }, { a: 1 }],
    ['a changed scalar and array come back', { a: 2, tags: ['x'] }, { a: 1, tags: ['x', 'y'] }],
    ['nested objects are patched, not replaced', { org: { role: 'admin', seat: 3, extra: true } }, { org: { role: 'member', seat: 3 } }],
    ['an object replaced by a scalar comes back', { org: 'gone' }, { org: { role: 'member' } }],
    ['a removed key comes back', {}, { a: { b: [1, 2] } }],
  ];
  for (const [name, current, wanted] of cases) {
    it(name, () => {
      expect(deepMergeMetadata(current, restorePatch(current, wanted))).toEqual(wanted);
    });
  }
  it('is empty when nothing differs', () => {
    expect(restorePatch({ a: { b: 1 } }, { a: { b: 1 } })).toEqual({});
  });
  it('reads the three metadata fields of a user state, missing ones empty', () => {
    expect(metadataOf({ public_metadata: { a: 1 }, private_metadata: null })).toEqual({ public_metadata: { a: 1 }, private_metadata: {}, unsafe_metadata: {} });
  });
});
