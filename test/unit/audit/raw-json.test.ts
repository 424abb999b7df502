import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/services/audit/canonical-json';
import { rawMembers } from '../../../electron/services/audit/raw-json';

const parsedMembers = (json: string) => Object.fromEntries([...rawMembers(json)].map(([key, raw]) => [key, JSON.parse(raw) as unknown]));

describe('rawMembers', () => {
  it('splits an object into its top-level members as raw JSON text', () => {
    const members = rawMembers('{"a":1,"b":{"c":[1,2,{"d":"}"}]},"e":"x,y","f":null,"g":[]}');
    expect([...members]).toEqual([
      ['a', '1'],
      ['b', '{"c":[1,2,{"d":"}"}]}'],
      ['e', '"x,y"'],
      ['f', 'null'],
      ['g', '[]'],
    ]);
  });

  it('agrees with JSON.parse on strings full of quotes, escapes, braces and unicode', () => {
    const value = {
      plain: 'text',
      quote: 'say "hi"',
      backslash: 'C:\\dir\\',
      tricky: '\\"}],{[',
      nested: { 'k"ey': ['a', { b: '\\\\' }], empty: {} },
      unicode: 'Zoë \u2028 😀',
      number: -1.5e-7,
      flag: false,
      'esc\\aped': 1,
    };
    const json = canonicalJson(value);
    expect(parsedMembers(json)).toEqual(JSON.parse(json));
  });

  it('reads a repeated member as JSON.parse does: the last one wins', () => {
    const json = '{"a":1,"b":2,"a":{"x":3}}';
    expect(rawMembers(json).get('a')).toBe('{"x":3}');
    expect(JSON.parse(rawMembers(json).get('a') ?? '')).toEqual((JSON.parse(json) as { a: unknown }).a);
    expect(rawMembers(json).get('c')).toBeUndefined();
  });

  it('handles an empty object and refuses what is not an object', () => {
    expect(rawMembers('{}').size).toBe(0);
    expect(() => rawMembers('[1]')).toThrow(/not a JSON object/);
    expect(() => rawMembers('{"a":"open')).toThrow(/unterminated/);
  });
});
