import { describe, expect, it } from 'vitest';
import { leafChanges, patchBody, readKindPatch } from '../../../renderer/src/components/metadata/metadata-patch';
import { USER_METADATA_KINDS } from '../../../renderer/src/components/metadata/metadata-kinds';
import { readJson } from '../../../renderer/src/components/json-editor/json-problem';

const [PUBLIC, PRIVATE] = USER_METADATA_KINDS;

describe('the metadata editor’s reading of a patch', () => {
  it('previews the deep merge and sends only the patch, with its nulls', () => {
    const entry = readKindPatch(PUBLIC, { a: { b: 1, c: 2 }, d: [1] }, '{"a": {"b": null}, "d": [2]}');
    expect(entry.problem).toBeNull();
    expect(entry.merged).toEqual({ a: { c: 2 }, d: [2] });
    expect(entry.deletes).toBe(true);
    expect(patchBody([entry, readKindPatch(PRIVATE, {}, '')])).toEqual({ public_metadata: { a: { b: null }, d: [2] } });
  });

  it('sends nothing for a blank or empty patch, and a null for an absent key deletes nothing', () => {
    expect(readKindPatch(PUBLIC, { a: 1 }, '  ').sends).toBe(false);
    expect(readKindPatch(PUBLIC, { a: 1 }, '{}').sends).toBe(false);
    expect(readKindPatch(PUBLIC, { a: 1 }, '{"zz": null}').deletes).toBe(false);
  });

  it('says what is wrong: bad JSON with line and column, not an object, over 8 KB (patch or result)', () => {
    expect(readKindPatch(PUBLIC, {}, '{\n  "a": 1,\n}').problem).toMatch(/^Line 3, column 1: /);
    expect(readKindPatch(PUBLIC, {}, '[1]').problem).toBe('The patch must be a JSON object ({ … }), not an array.');
    expect(readKindPatch(PUBLIC, {}, '"x"').problem).toBe('The patch must be a JSON object ({ … }), not a string.');
    expect(readKindPatch(PUBLIC, {}, JSON.stringify({ x: 'y'.repeat(8200) })).problem).toMatch(/^The patch is 82\d\d bytes; Clerk takes at most 8192 bytes of public metadata.$/);
    expect(readKindPatch(PUBLIC, { old: 'o'.repeat(5000) }, JSON.stringify({ x: 'y'.repeat(4000) })).problem).toMatch(/After the merge, public metadata would be/);
  });

  it('lists the changed leaves by path for the confirmation', () => {
    expect(leafChanges({ a: { b: 1, c: 2 }, t: [1] }, { a: { c: 2, d: 3 }, t: [2] })).toEqual([
      { path: 'a.b', before: 1, after: undefined },
      { path: 'a.d', before: undefined, after: 3 },
      { path: 't', before: [1], after: [2] },
    ]);
  });

  it('reads an unfinished document as ending too early', () => {
    const reading = readJson('{"a": [1, 2');
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.problem.message).toMatch(/ends too early|Expected/);
  });
});
