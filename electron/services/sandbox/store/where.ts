/**
 * A small SQL WHERE builder: clauses with their bound values, `IN (…)` lists and LIKE patterns
 * with user input escaped, so filters compose without string-concatenated values.
 */
import type { SqlValue } from '../db/database';
import type { IdFilter } from '../validation/query';

/** Escapes `%`, `_` and `\` for a LIKE … ESCAPE '\' pattern. */
export function likeContains(value: string): string {
  return `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Clauses joined with AND, plus their parameters in order. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: SqlValue[] = [];

  /** Adds a clause with `?` placeholders. */
  add(clause: string, ...params: SqlValue[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** `expr IN (?, …)`; an empty list matches nothing. */
  in(expr: string, values: readonly SqlValue[], negate = false): this {
    if (values.length === 0) return negate ? this : this.add('0');
    return this.add(`${expr} ${negate ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`, ...values);
  }

  /** Includes and excludes of a ± ID filter applied to `expr` (a NULL `expr` is never excluded). */
  idFilter(expr: string, filter: IdFilter, nullable = false): this {
    if (filter.include.length > 0) this.in(expr, filter.include);
    if (filter.exclude.length > 0) {
      const list = filter.exclude.map(() => '?').join(', ');
      this.add(nullable ? `(${expr} IS NULL OR ${expr} NOT IN (${list}))` : `${expr} NOT IN (${list})`, ...filter.exclude);
    }
    return this;
  }

  /** Case-insensitive substring match on an already lower-case column. */
  contains(expr: string, value: string): this {
    return this.add(`${expr} LIKE ? ESCAPE '\\'`, likeContains(value));
  }

  /** `WHERE …` or the empty string. */
  sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
