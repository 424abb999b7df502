import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/services/sandbox/errors';
import { QueryReader } from '../../../electron/services/sandbox/validation/query';
import { Where, likeContains } from '../../../electron/services/sandbox/store/where';

const q = (text: string) => new QueryReader(new URLSearchParams(text));

function errorOf(fn: () => unknown): { status: number; code: string; param?: unknown } {
  try {
    fn();
  } catch (error) {
    const e = error as ApiError;
    return { status: e.status, code: e.errors[0].code, param: e.errors[0].meta?.param_name };
  }
  throw new Error('expected an error');
}

describe('query parameters', () => {
  it('applies defaults when parameters are absent or empty (clients drop falsy values)', () => {
    expect(q('').limit()).toBe(10);
    expect(q('limit=').limit()).toBe(10);
    expect(q('').offset()).toBe(0);
    expect(q('').bool('paginated')).toBeUndefined();
  });

  it('bounds limit to 1..500 and offset to ≥0 with 422 form_param_value_invalid', () => {
    expect(q('limit=500').limit()).toBe(500);
    expect(errorOf(() => q('limit=0').limit())).toEqual({ status: 422, code: 'form_param_value_invalid', param: 'limit' });
    expect(errorOf(() => q('limit=501').limit()).code).toBe('form_param_value_invalid');
    expect(errorOf(() => q('limit=10.0').limit()).code).toBe('form_param_value_invalid');
    expect(errorOf(() => q('offset=-1').offset()).param).toBe('offset');
  });

  it('reads repeated keys as arrays, at most 100 values', () => {
    expect(q('user_id=a&user_id=b').strings('user_id')).toEqual(['a', 'b']);
    const many = Array.from({ length: 101 }, (_, i) => `email_address=e${i}`).join('&');
    expect(errorOf(() => q(many).strings('email_address')).code).toBe('form_param_array_size_exceeded');
  });

  it('parses ± ID filters', () => {
    expect(q('user_id=%2Ba&user_id=-b&user_id=c').idFilter('user_id')).toEqual({ include: ['a', 'c'], exclude: ['b'] });
  });

  it('parses order_by with +/- and keeps only the first', () => {
    const fields = ['created_at', 'username'];
    expect(q('').orderBy(fields, '-created_at')).toEqual({ field: 'created_at', direction: 'desc' });
    expect(q('order_by=username').orderBy(fields, '-created_at')).toEqual({ field: 'username', direction: 'asc' });
    expect(q('order_by=%2Busername').orderBy(fields, undefined)).toEqual({ field: 'username', direction: 'asc' });
    expect(q('order_by=-username&order_by=created_at').orderBy(fields, undefined)).toEqual({ field: 'username', direction: 'desc' });
    expect(errorOf(() => q('order_by=password').orderBy(fields, undefined)).param).toBe('order_by');
  });

  it('parses booleans and integers strictly', () => {
    expect(q('banned=true').bool('banned')).toBe(true);
    expect(q('banned=FALSE').bool('banned')).toBe(false);
    expect(errorOf(() => q('banned=yes').bool('banned')).code).toBe('form_param_value_invalid');
    expect(q('created_at_after=1700000000000').int('created_at_after')).toBe(1_700_000_000_000);
    expect(errorOf(() => q('created_at_after=soon').int('created_at_after')).code).toBe('form_param_value_invalid');
  });
});

describe('SQL filter building', () => {
  it('escapes LIKE wildcards in user input', () => {
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
  it('binds every value and keeps NULLs when excluding nullable columns', () => {
    const where = new Where().add('a = ?', 1).idFilter('external_id', { include: [], exclude: ['x', 'y'] }, true).in('b', []);
    expect(where.sql()).toBe('WHERE a = ? AND (external_id IS NULL OR external_id NOT IN (?, ?)) AND 0');
    expect(where.params).toEqual([1, 'x', 'y']);
  });
});
