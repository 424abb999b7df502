import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_PATH, SPEC_PATH, generateClerkTypes, typeName } from '../../../scripts/gen-clerk-types';

const root = resolve(import.meta.dirname, '../../..');

/** A minimal spec around the given schemas, to check one construct at a time. */
function specWith(schemas: Record<string, unknown>): string {
  return JSON.stringify({ openapi: '3.0.3', info: { version: 'test' }, components: { schemas } });
}

describe('gen-clerk-types', () => {
  it('matches the committed file (run `npm run gen:types` if this fails)', () => {
    const generated = generateClerkTypes(readFileSync(resolve(root, SPEC_PATH), 'utf8'));
    expect(generated).toBe(readFileSync(resolve(root, OUTPUT_PATH), 'utf8'));
  });

  it('sanitises schema names into identifiers', () => {
    expect(typeName('JWKS.rsa.PublicKey')).toBe('JWKS_rsa_PublicKey');
    expect(typeName('CommercePlan-2')).toBe('CommercePlan_2');
  });

  it('renders required, optional, nullable, enums, refs and arrays', () => {
    const out = generateClerkTypes(
      specWith({
        Thing: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'kind', 'tags', 'parent'],
          properties: {
            id: { type: 'string', description: 'The ID.' },
            kind: { type: 'string', enum: ['a', "b'c"] },
            tags: { type: 'array', items: { type: 'string' } },
            parent: { $ref: '#/components/schemas/Other', nullable: true },
            count: { type: 'integer', format: 'int64' },
            'x5t#S256': { type: 'boolean', deprecated: true },
          },
        },
        Other: { type: 'number' },
      }),
    );
    expect(out).toContain(
      [
        'export type Thing = {',
        '  /** The ID. */',
        '  id: string;',
        "  kind: 'a' | 'b\\'c';",
        '  tags: string[];',
        '  parent: Other | null;',
        '  count?: number;',
        '  /** @deprecated */',
        "  'x5t#S256'?: boolean;",
        '};',
      ].join('\n'),
    );
    expect(out).toContain('export type Other = number;');
  });

  it('renders additionalProperties, compositions and parenthesises unions inside arrays', () => {
    const out = generateClerkTypes(
      specWith({
        Meta: { type: 'object', additionalProperties: true },
        Map: { type: 'object', additionalProperties: { type: 'integer' } },
        Open: { type: 'object', additionalProperties: true, properties: { a: { type: 'string' } }, required: ['a'] },
        Both: { allOf: [{ $ref: '#/components/schemas/Meta' }, { type: 'object', properties: { b: { type: 'boolean' } } }] },
        Either: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/Meta' }, { $ref: '#/components/schemas/Map' }] } },
        Any: { type: 'object', properties: { c: { type: 'string' } }, anyOf: [{ required: ['c'] }, { required: ['d'] }] },
        Maybe: { type: 'object', nullable: true, oneOf: [{ $ref: '#/components/schemas/Meta' }] },
      }),
    );
    expect(out).toContain('export type Meta = Record<string, unknown>;');
    expect(out).toContain('export type Map = Record<string, number>;');
    expect(out).toContain('export type Open = {\n  a: string;\n  [key: string]: unknown;\n};');
    expect(out).toContain('export type Both = Meta & {\n  b?: boolean;\n};');
    expect(out).toContain('export type Either = (Meta | Map)[];');
    // `anyOf` branches that only list required keys are constraints, not shapes.
    expect(out).toContain('export type Any = {\n  c?: string;\n};');
    expect(out).toContain('export type Maybe = Meta | null;');
  });

  it('rejects a dangling $ref and names that collide after sanitising', () => {
    expect(() => generateClerkTypes(specWith({ A: { $ref: '#/components/schemas/Missing' } }))).toThrow(/Unresolvable \$ref/);
    expect(() => generateClerkTypes(specWith({ 'A.b': { type: 'string' }, A_b: { type: 'string' } }))).toThrow(/both map to/);
    expect(() => generateClerkTypes('openapi: 3.0.3\n')).toThrow(/no components.schemas/);
  });
});
