/**
 * Reads query parameters the way Clerk does: arrays as repeated keys, missing (or empty) values
 * take their defaults (the SDK drops falsy values), `order_by` is `[+|-]field` with only the
 * first one kept, ID filters accept `+id` / `-id`. Bad values are 422 form_param_value_invalid.
 */
import { errors } from '../errors';

/** Clerk's pagination bounds. */
export const LIMIT_DEFAULT = 10;
/** Largest page Clerk serves. */
export const LIMIT_MAX = 500;
/** Array filters accept at most this many values. */
export const ARRAY_FILTER_MAX = 100;

/** A parsed `order_by`. */
export interface OrderBy {
  field: string;
  direction: 'asc' | 'desc';
}

/** Included and excluded IDs of a ± filter. */
export interface IdFilter {
  include: string[];
  exclude: string[];
}

function invalid(name: string, value: string): never {
  throw errors.paramValue(name, `${value} does not match one of the allowed values for parameter ${name}`);
}

/** Typed access to a request's query string. */
export class QueryReader {
  constructor(readonly params: URLSearchParams) {}

  /** True when the parameter is present with a non-empty value. */
  has(name: string): boolean {
    return this.string(name) !== undefined;
  }

  /** The first non-empty value. */
  string(name: string): string | undefined {
    for (const value of this.params.getAll(name)) if (value !== '') return value;
    return undefined;
  }

  /** All non-empty values (repeated keys), at most `max`. */
  strings(name: string, max = ARRAY_FILTER_MAX): string[] {
    const values = this.params.getAll(name).filter((v) => v !== '');
    if (values.length > max) throw errors.arrayTooLarge(name, max);
    return values;
  }

  /** `true`/`false` (case-insensitive), or undefined when absent. */
  bool(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    return invalid(name, value);
  }

  /** An integer within bounds, or undefined when absent. */
  int(name: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) return invalid(name, value);
    const number = Number(value);
    if (number < min || number > max) return invalid(name, value);
    return number;
  }

  /** `limit`: default 10, 1..500. */
  limit(): number {
    return this.int('limit', 1, LIMIT_MAX) ?? LIMIT_DEFAULT;
  }

  /** `offset`: default 0, at least 0. */
  offset(): number {
    return this.int('offset', 0) ?? 0;
  }

  /** `order_by`: the first value, `+` implied, field among `allowed`; `fallback` when absent. */
  orderBy(allowed: readonly string[], fallback: string | undefined): OrderBy | undefined {
    const raw = this.string('order_by') ?? fallback;
    if (raw === undefined) return undefined;
    const direction = raw.startsWith('-') ? 'desc' : 'asc';
    const field = raw.startsWith('-') || raw.startsWith('+') ? raw.slice(1) : raw;
    if (!allowed.includes(field)) return invalid('order_by', raw);
    return { field, direction };
  }

  /** A ± ID filter: `id` or `+id` includes, `-id` excludes. */
  idFilter(name: string): IdFilter {
    const filter: IdFilter = { include: [], exclude: [] };
    for (const value of this.strings(name)) {
      if (value.startsWith('-')) filter.exclude.push(value.slice(1));
      else filter.include.push(value.startsWith('+') ? value.slice(1) : value);
    }
    return filter;
  }
}
