import { describe, expect, it } from 'vitest';
import { diffStates } from '../../../electron/services/audit/diff';

describe('diffStates', () => {
  it('lists changed, added and removed leaves with JSON Pointer paths', () => {
    const before = { first_name: 'Ann', banned: false, public_metadata: { plan: 'free', 'a/b': 1 }, emails: ['a@x.io'], gone: 1 };
    const after = { first_name: 'Anna', banned: false, public_metadata: { plan: 'pro', 'a/b': 2 }, emails: ['a@x.io', 'b@x.io'], added: true };
    expect(diffStates(before, after)).toEqual([
      { path: '/first_name', before: 'Ann', after: 'Anna' },
      { path: '/public_metadata/plan', before: 'free', after: 'pro' },
      { path: '/public_metadata/a~1b', before: 1, after: 2 },
      { path: '/emails/1', after: 'b@x.io' },
      { path: '/gone', before: 1 },
      { path: '/added', after: true },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(diffStates({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  it('records a whole-record change at the root (deleted, or created)', () => {
    expect(diffStates({ id: 'user_1' }, null)).toEqual([{ path: '/', before: { id: 'user_1' }, after: null }]);
  });

  it('treats a type change as a leaf change', () => {
    expect(diffStates({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: '/a', before: { b: 1 }, after: [1] }]);
  });
});
