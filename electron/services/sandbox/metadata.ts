/**
 * Clerk's metadata semantics: PATCH …/metadata deep-merges (nested objects merge, arrays and
 * scalars are replaced, `null` deletes the key at any depth); PUT …/metadata replaces a field.
 */
import { deepMergeMetadata, isJsonObject as isPlainObject, METADATA_MAX_BYTES, type JsonObject } from '../../../shared/metadata-merge';
import { errors } from './errors';
import { assertNestingDepth } from './validation/json-depth';

// One merge for the Sandbox and the renderer's preview (shared/metadata-merge.ts).
export { deepMergeMetadata, METADATA_MAX_BYTES };

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
