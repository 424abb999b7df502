/**
 * Validates a JSON request body against a small declarative spec, answering with Clerk's form
 * error codes: unknown key → form_param_unknown, missing → form_param_missing, wrong type →
 * form_param_type_invalid, out of range or not in the enum → form_param_value_invalid.
 */
import { errors } from '../errors';
import type { JsonObject } from '../types';

/** Types a body field can have. */
export type FieldType = 'string' | 'boolean' | 'integer' | 'object' | 'string[]' | 'any';

/** Rules for one body field. */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** `null` is kept (and means "clear"); otherwise a null optional field counts as absent. */
  nullable?: boolean;
  enum?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
}

/** A body's fields. */
export type BodySpec = Record<string, FieldSpec>;

type ValueOf<F extends FieldSpec> = F['type'] extends 'string'
  ? string
  : F['type'] extends 'boolean'
    ? boolean
    : F['type'] extends 'integer'
      ? number
      : F['type'] extends 'object'
        ? JsonObject
        : F['type'] extends 'string[]'
          ? string[]
          : unknown;

/** The validated body: each field its type, `null` (nullable fields), or absent. */
export type BodyOf<S extends BodySpec> = { [K in keyof S]?: ValueOf<S[K]> | null };

const TYPE_WORDS: Record<FieldType, string> = {
  string: 'a string',
  boolean: 'a boolean',
  integer: 'an integer',
  object: 'an object',
  'string[]': 'an array of strings',
  any: 'a value',
};

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'any':
      return true;
  }
}

/** Checks `body` against `spec`; throws the first problem as a Clerk 422. */
export function validateBody<S extends BodySpec>(body: JsonObject, spec: S): BodyOf<S> {
  for (const key of Object.keys(body)) {
    if (!(key in spec)) throw errors.paramUnknown(key);
  }
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec)) {
    const value = body[name];
    if (value === undefined) {
      if (field.required) throw errors.paramMissing(name);
      continue;
    }
    if (value === null) {
      if (field.required) throw errors.paramNil(name);
      if (field.nullable) out[name] = null;
      continue;
    }
    if (!hasType(value, field.type)) throw errors.paramType(name, TYPE_WORDS[field.type]);
    if (field.enum && !field.enum.includes(value as string)) {
      throw errors.paramValue(name, `${String(value)} is not a valid value for ${name}; allowed: ${field.enum.join(', ')}.`);
    }
    if (typeof value === 'number') {
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        const range = field.max === undefined ? `at least ${field.min}` : `between ${field.min ?? '-∞'} and ${field.max}`;
        throw errors.paramValue(name, `${name} must be ${range}.`);
      }
    }
    if (typeof value === 'string' && field.maxLength !== undefined && value.length > field.maxLength) {
      throw errors.paramTooLong(name, field.maxLength);
    }
    out[name] = value;
  }
  return out as BodyOf<S>;
}
