/**
 * Clerk's metadata semantics: PATCH …/metadata deep-merges (nested objects merge, arrays and
 * scalars are replaced, `null` deletes the key at any depth); PUT …/metadata replaces a field.
 */
import { errors } from './errors';
import type { JsonObject } from './types';
import { assertNestingDepth } from './validation/json-depth';

/** Clerk caps each metadata field at 8 KB of JSON. */
export const METADATA_MAX_BYTES = 8 * 1024;

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new object: `target` deep-merged with `patch`; `null` in the patch removes a key. */
export function deepMergeMetadata(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = deepMergeMetadata(out[key] as JsonObject, value);
    } else if (isPlainObject(value)) {
      // A fresh nested object: drop its null leaves too, since null means "absent".
      out[key] = deepMergeMetadata({}, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Rejects a metadata value that is not an object or is too large (422). */
export function assertMetadata(name: string, value: unknown): asserts value is JsonObject {
  if (!isPlainObject(value)) throw errors.paramType(name, 'an object');
  // Measured first without recursion: JSON.stringify overflows the stack on very deep values.
  assertNestingDepth(name, value);
  if (Buffer.byteLength(JSON.stringify(value)) > METADATA_MAX_BYTES) {
    throw errors.unprocessable('form_param_value_too_large', 'is too large', `${name} must be at most ${METADATA_MAX_BYTES} bytes of JSON.`, {
      param_name: name,
    });
  }
}

/** The metadata fields a merge/replace request may carry, checked. */
export function readMetadataPatch(body: JsonObject, allowed: readonly string[]): Record<string, JsonObject | null> {
  const out: Record<string, JsonObject | null> = {};
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw errors.paramUnknown(key);
    const value = body[key];
    if (value === null) {
      out[key] = null;
      continue;
    }
    assertMetadata(key, value);
    out[key] = value;
  }
  return out;
}

/**
 * Applies a metadata request to `current` fields. Merge: deep merge; a null field is left as is.
 * Replace: the given object replaces the field; null clears it to `{}`.
 */
export function applyMetadata(
  current: Record<string, JsonObject>,
  patch: Record<string, JsonObject | null>,
  mode: 'merge' | 'replace',
): Record<string, JsonObject> {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (mode === 'replace') next[key] = value ?? {};
    else if (value !== null) next[key] = deepMergeMetadata(current[key] ?? {}, value);
  }
  for (const [key, value] of Object.entries(next)) assertMetadata(key, value);
  return next;
}
