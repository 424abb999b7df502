import { describe, expect, it } from 'vitest';
import { applyMetadata, deepMergeMetadata, readMetadataPatch } from '../../../electron/services/sandbox/metadata';
import { ApiError } from '../../../electron/services/sandbox/errors';

describe('deep merge of metadata', () => {
  it('merges nested objects and replaces arrays and scalars', () => {
    expect(deepMergeMetadata({ a: { b: 1, c: [1, 2] }, d: 'x' }, { a: { c: [3], e: true }, d: 'y' })).toEqual({ a: { b: 1, c: [3], e: true }, d: 'y' });
  });

  it('deletes keys set to null at any depth', () => {
    expect(deepMergeMetadata({ a: { b: { c: 1, d: 2 } }, e: 1 }, { a: { b: { c: null } }, e: null })).toEqual({ a: { b: { d: 2 } } });
  });

  it('drops null leaves inside a newly added object', () => {
    expect(deepMergeMetadata({}, { a: { b: null, c: 1 } })).toEqual({ a: { c: 1 } });
  });

  it('does not modify its inputs', () => {
    const target = { a: { b: 1 } };
    deepMergeMetadata(target, { a: { b: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });

  it('replace mode replaces the given field and keeps the others; null clears to {}', () => {
    const current = { public_metadata: { a: 1 }, private_metadata: { b: 2 } };
    expect(applyMetadata(current, { public_metadata: { z: 9 } }, 'replace')).toEqual({ public_metadata: { z: 9 }, private_metadata: { b: 2 } });
    expect(applyMetadata(current, { private_metadata: null }, 'replace')).toEqual({ public_metadata: { a: 1 }, private_metadata: {} });
  });

  it('rejects non-object metadata, unknown fields and oversized metadata with 422s', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as ApiError).errors[0].code;
      }
      return 'none';
    };
    expect(code(() => readMetadataPatch({ public_metadata: [1] }, ['public_metadata']))).toBe('form_param_type_invalid');
    expect(code(() => readMetadataPatch({ secret: {} }, ['public_metadata']))).toBe('form_param_unknown');
    expect(code(() => readMetadataPatch({ public_metadata: { big: 'x'.repeat(9000) } }, ['public_metadata']))).toBe('form_param_value_too_large');
  });
});
