import { describe, expect, it } from 'vitest';
import { deepMergeMetadata, metadataBytes, METADATA_MAX_BYTES } from '../../../shared/metadata-merge';
import { deepMergeMetadata as sandboxMerge } from '../../../electron/services/sandbox/metadata';

describe('shared deep merge of metadata (Clerk PATCH …/metadata semantics)', () => {
  it('is the one function the Sandbox uses', () => {
    expect(sandboxMerge).toBe(deepMergeMetadata);
  });

  it('merges nested objects recursively', () => {
    expect(deepMergeMetadata({ a: { b: 1, c: { d: 1 } } }, { a: { c: { e: 2 } } })).toEqual({ a: { b: 1, c: { d: 1, e: 2 } } });
  });

  it('deletes a key set to null at the top and at depth, keeping its siblings', () => {
    expect(deepMergeMetadata({ a: { b: { c: 1, d: 2 } }, e: 1, f: 1 }, { a: { b: { c: null } }, e: null })).toEqual({ a: { b: { d: 2 } }, f: 1 });
  });

  it('ignores null for a key that is not there and drops null leaves of a new object', () => {
    expect(deepMergeMetadata({ a: 1 }, { gone: null, n: { x: null, y: 1 } })).toEqual({ a: 1, n: { y: 1 } });
  });

  it('replaces arrays and scalars whole, and an object by a scalar and back', () => {
    expect(deepMergeMetadata({ tags: [1, 2, 3], s: 'x', o: { k: 1 }, n: 5 }, { tags: [9], s: 'y', o: 'flat', n: { k: 2 } })).toEqual({
      tags: [9],
      s: 'y',
      o: 'flat',
      n: { k: 2 },
    });
  });

  it('an empty patch changes nothing and returns a copy', () => {
    const target = { a: { b: 1 } };
    const merged = deepMergeMetadata(target, {});
    expect(merged).toEqual(target);
    expect(merged).not.toBe(target);
  });

  it('leaves its inputs untouched', () => {
    const target = { a: { b: 1, c: 2 } };
    const patch = { a: { b: null, d: { e: 1 } } };
    deepMergeMetadata(target, patch);
    expect(target).toEqual({ a: { b: 1, c: 2 } });
    expect(patch).toEqual({ a: { b: null, d: { e: 1 } } });
  });

  it('measures size as UTF-8 bytes of compact JSON against 8 KB', () => {
    expect(METADATA_MAX_BYTES).toBe(8192);
    expect(metadataBytes({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
  });
});
