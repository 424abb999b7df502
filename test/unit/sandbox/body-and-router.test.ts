import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/services/sandbox/errors';
import { parseJsonObject } from '../../../electron/services/sandbox/http/body';
import { Router } from '../../../electron/services/sandbox/router';
import { validateBody } from '../../../electron/services/sandbox/validation/body';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    const e = error as ApiError;
    return `${e.status} ${e.errors[0].code} ${String(e.errors[0].meta?.param_name ?? '')}`.trim();
  }
  return 'ok';
};

describe('JSON body validation', () => {
  const spec = {
    name: { type: 'string', required: true, maxLength: 5 },
    age: { type: 'integer', min: 0, max: 150 },
    kind: { type: 'string', enum: ['a', 'b'] },
    note: { type: 'string', nullable: true },
    tags: { type: 'string[]' },
  } as const;

  it('returns the known fields; null stays null only for nullable ones', () => {
    expect(validateBody({ name: 'Ada', note: null, age: null }, spec)).toEqual({ name: 'Ada', note: null });
  });
  it('answers with Clerk form codes and the parameter name', () => {
    expect(codeOf(() => validateBody({}, spec))).toBe('422 form_param_missing name');
    expect(codeOf(() => validateBody({ name: null }, spec))).toBe('422 form_param_nil name');
    expect(codeOf(() => validateBody({ name: 'Ada', extra: 1 }, spec))).toBe('422 form_param_unknown extra');
    expect(codeOf(() => validateBody({ name: 3 }, spec))).toBe('422 form_param_type_invalid name');
    expect(codeOf(() => validateBody({ name: 'Ada', age: 1.5 }, spec))).toBe('422 form_param_type_invalid age');
    expect(codeOf(() => validateBody({ name: 'Ada', age: 200 }, spec))).toBe('422 form_param_value_invalid age');
    expect(codeOf(() => validateBody({ name: 'Ada', kind: 'c' }, spec))).toBe('422 form_param_value_invalid kind');
    expect(codeOf(() => validateBody({ name: 'Adaaaa' }, spec))).toBe('422 form_param_max_length_exceeded name');
    expect(codeOf(() => validateBody({ name: 'Ada', tags: ['x', 1] }, spec))).toBe('422 form_param_type_invalid tags');
  });
  it('rejects malformed JSON and non-object bodies with 400', () => {
    expect(codeOf(() => parseJsonObject('{"a":'))).toBe('400 request_body_invalid');
    expect(codeOf(() => parseJsonObject('[1,2]'))).toBe('400 request_body_invalid');
    expect(codeOf(() => parseJsonObject('"text"'))).toBe('400 request_body_invalid');
    expect(parseJsonObject('{"a":1}')).toEqual({ a: 1 });
  });
});

describe('routing', () => {
  const handler = () => ({});
  const router = new Router([
    { method: 'GET', template: '/users/{user_id}', handler },
    { method: 'GET', template: '/users/count', handler },
    { method: 'POST', template: '/users/{user_id}/ban', handler },
  ]);
  it('prefers literal segments over parameters and decodes parameters', () => {
    expect(router.match('GET', '/users/count')?.route.template).toBe('/users/count');
    expect(router.match('GET', '/users/user%5F1')).toMatchObject({ route: { template: '/users/{user_id}' }, params: { user_id: 'user_1' } });
  });
  it('matches method and segment count exactly', () => {
    expect(router.match('POST', '/users/u1/ban')?.params).toEqual({ user_id: 'u1' });
    expect(router.match('DELETE', '/users/u1')).toBeUndefined();
    expect(router.match('GET', '/users/u1/extra')).toBeUndefined();
    expect(router.match('GET', '/users/')).toBeUndefined();
    expect(router.match('GET', '/users/%E0%A4%A')).toBeUndefined();
  });
});
