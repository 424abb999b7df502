import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/services/audit/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text for the same data built in a different order', () => {
    expect(canonicalJson({ seq: 1, kind: 'intent', body: { b: 2, a: 1 } })).toBe(canonicalJson({ body: { a: 1, b: 2 }, kind: 'intent', seq: 1 }));
  });

  it('drops undefined members, writes undefined array items and non-finite numbers as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN, Infinity], c: 1.5 })).toBe('{"b":[null,null,null],"c":1.5}');
  });

  it('escapes strings and keys the way JSON does', () => {
    const text = canonicalJson({ 'quo"te': 'line\nbreak \u2028 é' });
    expect(JSON.parse(text)).toEqual({ 'quo"te': 'line\nbreak \u2028 é' });
  });

  it('refuses a value that is not JSON at the top level', () => {
    expect(() => canonicalJson(undefined)).toThrow(/not representable/);
  });
});
